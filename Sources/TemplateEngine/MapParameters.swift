/// Which arguments of Sprig's dictionary functions Go declares as `map[string]interface{}`.
///
/// Go converts a nil literal for such a parameter to a nil map, but refuses a nil *interface*
/// (a missing value, `.Values.absent`): `wrong type for value; expected map[string]interface {};
/// got interface {}`. Plain data cannot tell the two apart, so the executor checks them here.
enum MapParameters {
    /// The parameter positions: the first only, or every one from an index on (variadic maps).
    enum Positions {
        case first
        case from(Int)

        func contains(_ index: Int) -> Bool {
            switch self {
            case .first: return index == 0
            case .from(let start): return index >= start
            }
        }
    }

    static let table: [String: Positions] = [
        "hasKey": .first, "get": .first, "set": .first, "unset": .first, "pick": .first, "omit": .first,
        "values": .first, "keys": .from(0), "merge": .from(0), "mergeOverwrite": .from(0),
        "mustMerge": .from(0), "mustMergeOverwrite": .from(0), "pluck": .from(1),
    ]

    static let message = "wrong type for value; expected map[string]interface {}; got interface {}"

    /// Whether `datum`, given for argument `node`, is a nil interface (not a nil literal).
    static func isNilInterface(_ datum: Datum, node: Operand?) -> Bool {
        guard case .boxed(let item) = datum, item.isNull else { return false }
        if let node, case .nilLiteral = node { return false }
        return true
    }
}
