import YAMLCore

/// A value during execution, in the three states Go's reflection distinguishes and templates can
/// observe:
/// - `invalid`: no value at all (a pipeline that produced nil; prints `<no value>`);
/// - `boxed`: an `interface{}` holding a value, as map and list elements and function results are
///   (`boxed(.null)` is a nil interface: field access on it is Go's "nil pointer evaluating" error);
/// - `plain`: a concrete value (literals, results of a pipeline stage).
enum Datum {
    case invalid
    case boxed(Value)
    case plain(Value)

    /// The value a function receives (`invalid` and nil interfaces are `.null`).
    var value: Value {
        switch self {
        case .invalid: return .null
        case .boxed(let v), .plain(let v): return v
        }
    }

    /// What a pipeline stage passes on: interfaces are opened, nil becomes `invalid`.
    var unboxed: Datum {
        switch self {
        case .invalid: return .invalid
        case .boxed(let v), .plain(let v):
            if case .null = v { return .invalid }
            return .plain(v)
        }
    }

    /// Go's `indirectInterface`: nil interfaces are `invalid`, others their content.
    var indirect: Datum { unboxed }

    var isValid: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// The Go type name used in error messages about this datum (`interface {}` for boxed values).
    var typeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .boxed: return "interface {}"
        case .plain(let v): return v.goTypeName
        }
    }

    /// Go's `isTrue`: false for invalid, nil, zero numbers, false, and empty strings, lists and maps.
    var truth: Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .map(let m): return !m.isEmpty
        }
    }
}
