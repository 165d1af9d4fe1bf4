/// What a function makes of a map or list that contains itself (`set $d "self" $d`), as its
/// ``CycleHandling`` declares: an encoder that swallows Go's cycle error gives "", one that
/// reports it fails with its message, functions that look at the top level only answer;
/// everything else would overflow Go's stack or loop forever, so it is a template error here.
enum CycleOutcome {
    /// The error for a function (or print) that cannot handle a cycle.
    static let message = "a map or list contains itself (a cycle made with set): it cannot be used here"
}

extension Executor {
    /// The outcome of the function `reference` names that met a cycle (`result` nil when it failed).
    func settleCycle(_ reference: FunctionReference, _ result: Datum?, node: Operand, cmd: CommandNode?) throws(TemplateError) -> Datum {
        heap.cycleFound = false
        if let cmd { at(cmd) } else { at(node) }
        switch reference.traits.onCycle {
        case .printsEmpty: return .boxed(.value(.string("")))
        case .reports(let message): throw wrapFunctionError(reference.name, message)
        case .answersShallow: if let result { return result }
        case .fails: break
        }
        throw wrapFunctionError(reference.name, CycleOutcome.message)
    }
}
