/// Parameters a function declares as Go's `map[string]interface{}` (``FunctionTraits/mapParameters``).
///
/// Go converts a nil literal for such a parameter to a nil map, but refuses a nil *interface*
/// (a missing value, `.Values.absent`): `wrong type for value; expected map[string]interface {};
/// got interface {}`. Plain data cannot tell the two apart, so the executor checks them here.
enum MapParameters {
    static let message = "wrong type for value; expected map[string]interface {}; got interface {}"

    /// Whether `datum`, given for argument `node`, is a nil interface (not a nil literal).
    static func isNilInterface(_ datum: Datum, node: Operand?) -> Bool {
        guard case .boxed(let item) = datum, item.isNull else { return false }
        if let node, case .nilLiteral = node { return false }
        return true
    }
}
