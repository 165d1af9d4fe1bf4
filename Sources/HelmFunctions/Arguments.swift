import TemplateEngine
import GoValues

/// Typed access to a function's arguments with Go's conversion rules and error wording.
///
/// A Go function parameter of type `string`, `int`, `bool`, map or slice accepts only a
/// value of exactly that type; `interface{}` parameters accept anything. The accessors
/// below throw `FunctionError`s of kind `.argument`, worded as `text/template` words them.
struct Arguments {
    let name: String
    let values: [Value]

    init(_ name: String, _ values: [Value]) {
        self.name = name
        self.values = values
    }

    var count: Int { values.count }

    subscript(_ i: Int) -> Value { values[i] }

    /// Exactly `n` arguments.
    func expect(_ n: Int) throws {
        if values.count != n {
            throw argumentFailure("wrong number of args for \(name): want \(n) got \(values.count)")
        }
    }

    /// At least `n` arguments (variadic tail).
    func expect(atLeast n: Int) throws {
        if values.count < n {
            throw argumentFailure("wrong number of args for \(name): want at least \(n) got \(values.count)")
        }
    }

    /// Go's conversion error, reported at argument `i` as Go reports it.
    func typeError(_ i: Int, expected: String) -> FunctionError {
        let v = values[i]
        if case .null = v { return FunctionError.wrongType(expected: expected, got: "interface {}", argumentIndex: i) }
        return FunctionError.wrongType(expected: expected, got: GoTypes.typeName(v), argumentIndex: i)
    }

    /// A Go `string` parameter.
    func string(_ i: Int) throws -> String {
        if case .string(let s) = values[i] { return s }
        throw typeError(i, expected: "string")
    }

    /// A Go `int` parameter (Go `int`s only: a float64 from a values file and an int64 from
    /// `--set` or arithmetic are refused, as in Go).
    func int(_ i: Int) throws -> Int {
        if case .int(let n) = values[i] { return Int(truncatingIfNeeded: n) }
        throw typeError(i, expected: "int")
    }

    /// A Go `bool` parameter.
    func bool(_ i: Int) throws -> Bool {
        if case .bool(let b) = values[i] { return b }
        throw typeError(i, expected: "bool")
    }

    /// A Go `map[string]interface{}` parameter. A missing value (nil) is a nil map, as in Go.
    func map(_ i: Int) throws -> [String: Value] {
        switch values[i] {
        case .map(let m): return m
        case .null: return [:]
        default: throw typeError(i, expected: "map[string]interface {}")
        }
    }

    /// Arguments `from...` as Go `string`s (a variadic `...string` tail).
    func strings(from start: Int) throws -> [String] {
        var out: [String] = []
        out.reserveCapacity(max(0, values.count - start))
        var i = start
        while i < values.count {
            out.append(try string(i))
            i += 1
        }
        return out
    }
}

extension GoTypes {
    /// Go's `reflect.TypeOf(v).Kind()` name as sprig's list errors print it (`Cannot find first on type string`).
    /// Calling such a function with nil dereferences a nil type in Go.
    static func listKindError(_ v: Value, _ format: (String) -> String) -> Error {
        if case .null = v { return callFailure("runtime error: invalid memory address or nil pointer dereference") }
        return callFailure(format(kindName(v)))
    }
}
