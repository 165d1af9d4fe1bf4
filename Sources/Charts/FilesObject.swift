import TemplateEngine
import GoValues
import YAML

/// Helm's `.Files`: the chart's files that are neither templates, values, Chart.yaml nor
/// subcharts (``ChartFiles/otherFiles(isV1:)``), as the Go type `engine.files` (a `map[string][]byte`
/// with methods):
/// - `Get NAME` the file as a string (`""` when there is none), `GetBytes NAME` its bytes;
/// - `Glob PATTERN` the files whose paths match (`*`, `?`, `[…]`, `{a,b}`, and `**` across `/`),
///   as `engine.files` again;
/// - `AsConfig` / `AsSecrets` the files as YAML under their base names, as text / base64;
/// - `Lines NAME` the file split at newlines (a final newline ends the last line).
/// Ranging over it visits the paths in order with each file's bytes.
package enum FilesObject {
    package static func make(_ files: [String: ChartFile]) -> GoStruct {
        // The files as Go's map of byte slices, made only when a template looks at the map itself.
        let underlying: @Sendable () -> Value = { .map(files.mapValues { bytesValue($0.bytes) }) }
        let entries = ByteEntries(keys: Array(files.keys)) { files[$0]?.bytes ?? [] }
        return GoStruct(typeName: "engine.files", deferredUnderlying: underlying, byteEntries: entries, callables: [
            "Get": { args in
                .value(.string(ByteString.string(try files[try name(args, "Get")]?.read() ?? [])))
            },
            "GetBytes": { args in
                .structure(GoStruct(bytes: try files[try name(args, "GetBytes")]?.read() ?? []))
            },
            "Glob": { args in
                let pattern = try name(args, "Glob")
                let glob = FilesGlob(pattern) ?? FilesGlob("**")!
                return .structure(make(files.filter { glob.matches($0.key) }))
            },
            "AsConfig": { args in
                try noArguments(args, "AsConfig")
                return .value(.string(try asYAML(files) { .string(String(decoding: $0, as: UTF8.self)) }))
            },
            "AsSecrets": { args in
                try noArguments(args, "AsSecrets")
                return .value(.string(try asYAML(files) { .string(Base64.encode($0)) }))
            },
            "Lines": { args in
                guard let bytes = try files[try name(args, "Lines")]?.read(), !bytes.isEmpty else { return .value(.list([])) }
                var text = ByteString.string(bytes)
                if text.hasSuffix("\n") { text.removeLast() }
                return .value(.list(text.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }))
            },
        ])
    }

    /// A Go `[]byte` inside the files' map (what `index` and `len` see): its numbers.
    private static func bytesValue(_ bytes: [UInt8]) -> Value { .list(bytes.map { .int(Int64($0)) }) }

    private static func name(_ args: [Value], _ method: String) throws -> String {
        guard args.count == 1 else { throw FunctionError.wrongArgumentCount(method, want: 1, got: args.count) }
        guard case .string(let s) = args[0] else {
            throw FunctionError.wrongType(expected: "string", got: args[0] == .null ? "interface {}" : args[0].goTypeName, argumentIndex: 0)
        }
        return s
    }

    private static func noArguments(_ args: [Value], _ method: String) throws {
        if !args.isEmpty { throw FunctionError.wrongArgumentCount(method, want: 0, got: args.count) }
    }

    /// Helm's `toYaml` of the files under their base names (`{}` for no files, as for an empty glob).
    private static func asYAML(_ files: [String: ChartFile], _ content: ([UInt8]) -> Value) throws -> String {
        var m: [String: Value] = [:]
        // Paths in order, so that of two files with one base name the last path wins, always the same.
        for path in files.keys.sorted() { m[String(path.split(separator: "/").last ?? "")] = content(try files[path]!.read()) }
        var text = HelmYAML.marshal(.map(m))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// The glob syntax `.Files.Glob` takes (gobwas/glob with `/` as separator): `*` any run of
/// characters but `/`, `**` any run at all, `?` one character but `/`, `[abc]`, `[a-z]`, `[!…]`,
/// `{alt1,alt2}` alternatives, `\` escapes.
struct FilesGlob {
    private indirect enum Piece {
        case literal(Unicode.Scalar)
        case star, doubleStar, any
        case set([ClosedRange<UInt32>], negated: Bool)
        case alternatives([[Piece]])
    }

    private let pieces: [Piece]

    /// Nil when the pattern is malformed (unclosed class or braces).
    init?(_ pattern: String) {
        var scalars = Array(pattern.unicodeScalars)[...]
        guard let pieces = FilesGlob.parse(&scalars, inBraces: false), scalars.isEmpty else { return nil }
        self.pieces = pieces
    }

    func matches(_ path: String) -> Bool {
        FilesGlob.match(pieces[...], Array(path.unicodeScalars)[...])
    }

    private static func parse(_ s: inout ArraySlice<Unicode.Scalar>, inBraces: Bool) -> [Piece]? {
        var out: [Piece] = []
        while let c = s.first {
            if inBraces && (c == "," || c == "}") { return out }
            s.removeFirst()
            switch c {
            case "*":
                if s.first == "*" {
                    s.removeFirst()
                    out.append(.doubleStar)
                } else {
                    out.append(.star)
                }
            case "?": out.append(.any)
            case "\\":
                guard let next = s.popFirst() else { return nil }
                out.append(.literal(next))
            case "[":
                var negated = false
                if s.first == "!" {
                    negated = true
                    s.removeFirst()
                }
                var ranges: [ClosedRange<UInt32>] = []
                while let d = s.first, d != "]" {
                    s.removeFirst()
                    if s.first == "-", s.count > 1, s[s.index(after: s.startIndex)] != "]" {
                        s.removeFirst()
                        let high = s.removeFirst()
                        guard d.value <= high.value else { return nil }
                        ranges.append(d.value...high.value)
                    } else {
                        ranges.append(d.value...d.value)
                    }
                }
                guard s.popFirst() == "]" else { return nil }
                out.append(.set(ranges, negated: negated))
            case "{":
                var alternatives: [[Piece]] = []
                while true {
                    guard let alternative = parse(&s, inBraces: true) else { return nil }
                    alternatives.append(alternative)
                    guard let separator = s.popFirst() else { return nil }
                    if separator == "}" { break }
                }
                out.append(.alternatives(alternatives))
            default:
                out.append(.literal(c))
            }
        }
        return inBraces ? nil : out
    }

    private static func match(_ p: ArraySlice<Piece>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let piece = p.first else { return s.isEmpty }
        let rest = p.dropFirst()
        switch piece {
        case .literal(let c):
            return s.first == c && match(rest, s.dropFirst())
        case .any:
            guard let c = s.first, c != "/" else { return false }
            return match(rest, s.dropFirst())
        case .set(let ranges, let negated):
            guard let c = s.first, c != "/" else { return false }
            return ranges.contains { $0.contains(c.value) } != negated && match(rest, s.dropFirst())
        case .star, .doubleStar:
            var tail = s
            while true {
                if match(rest, tail) { return true }
                guard let c = tail.first else { return false }
                if case .star = piece, c == "/" { return false }
                tail = tail.dropFirst()
            }
        case .alternatives(let alternatives):
            return alternatives.contains { match(ArraySlice($0) + rest, s) }
        }
    }
}
