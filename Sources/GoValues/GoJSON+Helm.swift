extension GoJSON {
    /// Helm's `fromJson`: the object in `text` as a map; on any error (syntax, or JSON that is
    /// not an object) a map whose `Error` key holds Go's error text. `null` gives `null` (Go's
    /// nil map). A number beyond float64 becomes `null` and the error is added next to the data.
    public static func helmFromJson(_ text: String) -> Value {
        do {
            let (value, rangeError) = try decodeKeepingRangeErrors(text)
            switch value {
            case .map(var m):
                if let rangeError { m["Error"] = .string(rangeError.message) }
                return .map(m)
            case .null: return .null
            case let other: return .map(["Error": .string(typeError(other, into: "map[string]interface {}"))])
            }
        } catch {
            return .map(["Error": .string(error.message)])
        }
    }

    /// Helm's `fromJsonArray`: the array in `text` as a list; on any error a one-element list
    /// holding Go's error text. `null` gives `null` (Go's nil slice).
    public static func helmFromJsonArray(_ text: String) -> Value {
        do {
            let (value, rangeError) = try decodeKeepingRangeErrors(text)
            if let rangeError { return .list([.string(rangeError.message)]) }
            switch value {
            case .list(let items): return .list(items)
            case .null: return .null
            case let other: return .list([.string(typeError(other, into: "[]interface {}"))])
            }
        } catch {
            return .list([.string(error.message)])
        }
    }

    /// `json: cannot unmarshal array into Go value of type map[string]interface {}`
    static func typeError(_ v: Value, into goType: String) -> String {
        let kind: String
        switch v {
        case .map: kind = "object"
        case .list, .nilList: kind = "array"
        case .string: kind = "string"
        case .int, .int64, .float: kind = "number"
        case .bool: kind = "bool"
        case .null: kind = "null"
        }
        return "json: cannot unmarshal \(kind) into Go value of type \(goType)"
    }
}
