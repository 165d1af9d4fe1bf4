/// Walking parsed templates: what ``RangeSlicing`` asks of every template of a set before it
/// executes one in windows.
extension TemplateSet {
    /// Whether `found` holds for an operand of a pipeline in `list` or the lists it contains,
    /// nested pipelines and chains included; the walk stops at the first.
    static func containsOperand(in list: ListNode, where found: (Operand) -> Bool) -> Bool {
        func pipe(_ p: PipeNode) -> Bool {
            for cmd in p.cmds { for arg in cmd.args where operand(arg) { return true } }
            return false
        }
        func operand(_ o: Operand) -> Bool {
            if found(o) { return true }
            switch o {
            case .pipe(let p): return pipe(p)
            case .chain(_, let node, _): return operand(node)
            default: return false
            }
        }
        for node in list.nodes {
            switch node {
            case .action(let a): if pipe(a.pipe) { return true }
            case .branch(let b):
                if pipe(b.pipe) || containsOperand(in: b.list, where: found) { return true }
                if let e = b.elseList, containsOperand(in: e, where: found) { return true }
            case .template(let t): if let p = t.pipe, pipe(p) { return true }
            default: break
            }
        }
        return false
    }
}
