import GoValues
import TemplateEngine
import XCTest

/// The engine knows functions by the traits they are registered with, never by name: functions
/// under names no library uses get the behaviour their traits declare.
final class FunctionTraitsTests: XCTestCase {
    /// `put MAP KEY VALUE` as a plain function body: the map with the entry set (a copy).
    private let put: TemplateFunction = { args in
        guard args.count == 3, case .map(var m) = args[0], case .string(let key) = args[1] else { return .null }
        m[key] = args[2]
        return .map(m)
    }

    private func render(_ library: FunctionLibrary, _ text: String, _ data: Value = .map([:])) throws -> String {
        let set = TemplateSet(library: library)
        try set.parse(name: "t", text: text)
        return try set.execute(name: "t", data: data)
    }

    func testMutatingTraitChangesTheMapItself() throws {
        let text = #"{{ $_ := put .m "k" "v" }}[{{ .m.k }}]"#
        let data = Value.map(["m": .map([:])])
        var mutating = FunctionLibrary()
        mutating.register("put", put, traits: FunctionTraits(role: .mutatesMap(.setsEntry), mapParameters: .first))
        XCTAssertEqual(try render(mutating, text, data), "[v]")
        var plain = FunctionLibrary()
        plain.register("put", put)
        XCTAssertEqual(try render(plain, text, data), "[]")  // a plain function sees a copy
    }

    func testIndentingTraitFusesWithAnIncludedTemplate() throws {
        var library = FunctionLibrary()
        library.register("inc", engine: .includesTemplate)
        library.register("ind", { args in
            guard args.count == 2, case .int(let n) = args[0], case .string(let s) = args[1] else { return .null }
            let pad = String(repeating: " ", count: Int(n))
            return .string("\n" + s.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n"))
        }, traits: FunctionTraits(role: .indents(leadingNewline: true)))
        let text = #"{{- define "two" }}a: 1{{ "\n" }}b: 2{{ end -}}x:{{ inc "two" . | ind 2 }}"#
        XCTAssertEqual(try render(library, text), "x:\n  a: 1\n  b: 2")
        // Through the general path (a variable in between), the same text.
        XCTAssertEqual(try render(library, #"{{- define "two" }}a: 1{{ "\n" }}b: 2{{ end -}}{{ $t := inc "two" . }}x:{{ $t | ind 2 }}"#), "x:\n  a: 1\n  b: 2")
    }

    func testEngineMechanismsAreNamedByTheirRegistration() throws {
        var library = FunctionLibrary()
        library.register("need", engine: .requiresValue)
        XCTAssertThrowsError(try render(library, #"{{ need "x is required" .x }}"#)) { error in
            XCTAssertTrue("\(error)".contains("error calling need: x is required"), "\(error)")
        }
        XCTAssertFalse(FunctionLibrary().contains("need"))
        XCTAssertTrue(FunctionLibrary().contains("len"))  // Go's builtins only
    }
}
