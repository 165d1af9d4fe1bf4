import YAML

/// What a function makes of a map or list that contains itself (`set $d "self" $d`), as Helm
/// answers: the JSON and YAML encoders swallow Go's cycle error and give "" (`toJson`), or
/// report it (`mustToJson`); functions that look at the top level only answer; everything else
/// would overflow Go's stack or loop forever, so it is a template error here.
enum CycleOutcome {
    /// The error for a function (or print) that cannot handle a cycle.
    static let message = "a map or list contains itself (a cycle made with set): it cannot be used here"

    /// Go's encoder error for a cycle.
    static let jsonError = "json: unsupported value: encountered a cycle via map[string]interface {}"

    /// Functions that print "" for a value they cannot encode.
    static let empty: Set<String> = ["toJson", "toYaml", "toPrettyJson"]

    /// Functions that report the encoder's error, with their own prefix.
    static let reported: [String: String] = [
        "mustToJson": jsonError, "toRawJson": jsonError, "mustToRawJson": jsonError,
        "mustToPrettyJson": jsonError, "mustToYaml": "error marshaling into JSON: " + jsonError,
    ]

    /// Functions whose answer depends only on the top level of their argument, so the placeholder
    /// left where the cycle closes does not change it.
    static let shallow: Set<String> = [
        "keys", "hasKey", "len", "kindOf", "kindIs", "typeOf", "typeIs", "typeIsLike", "empty", "deepEqual",
    ]
}

extension Executor {
    /// The outcome of function `name` that met a cycle (`result` nil when it failed).
    func settleCycle(_ name: String, _ result: Datum?, node: Operand, cmd: CommandNode?) throws(TemplateError) -> Datum {
        heap.cycleFound = false
        if let cmd { at(cmd) } else { at(node) }
        if CycleOutcome.empty.contains(name) { return .boxed(.value(.string(""))) }
        if let message = CycleOutcome.reported[name] { throw wrapFunctionError(name, message) }
        if CycleOutcome.shallow.contains(name), let result { return result }
        throw wrapFunctionError(name, CycleOutcome.message)
    }
}
