/// Go's names for the dynamic types of values (`%T`) and their reflect kinds.
public enum GoTypes {
    /// `fmt.Sprintf("%T", v)`: `string`, `float64`, `int`, `int64`, `bool`, `[]interface {}`,
    /// `map[string]interface {}`, `<nil>`.
    public static func typeName(_ v: Value) -> String {
        v.goTypeName
    }

    /// `reflect.ValueOf(v).Kind().String()`: `invalid` for nil, `slice`, `map`, ...
    public static func kindName(_ v: Value) -> String {
        switch v {
        case .null: return "invalid"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .list, .nilList: return "slice"
        case .map: return "map"
        }
    }

    /// Sprig's `empty`: nil, false, 0, "" and empty collections are empty.
    public static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i), .int64(let i): return i == 0
        case .float(let f): return f == 0
        case .string(let s): return s.isEmpty
        case .list(let l): return l.isEmpty
        case .nilList: return true
        case .map(let m): return m.isEmpty
        }
    }

    /// Sprig's `strval`: strings as they are, everything else as `fmt.Sprintf("%v", v)`.
    public static func stringValue(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return GoFormat.value(v)
    }

    /// Sprig's `strslice`: a list's non-nil elements as strings; nil is empty; anything else one string.
    public static func stringSlice(_ v: Value) -> [String] {
        switch v {
        case .list(let items):
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                if case .null = item { continue }
                out.append(stringValue(item))
            }
            return out
        case .null, .nilList: return []
        default: return [stringValue(v)]
        }
    }
}

extension Value {
    /// The Go type name of the value as Helm's templates see it (`%T`, error messages):
    /// `<nil>`, `bool`, `int` (literals, `len`, ...), `int64` (`--set` integers, arithmetic),
    /// `float64`, `string`, `[]interface {}`, `map[string]interface {}`.
    public var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .list, .nilList: return "[]interface {}"
        case .map: return "map[string]interface {}"
        }
    }
}
