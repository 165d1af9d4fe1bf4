/// Questions about what the parsed templates of a set can do, answered from their parse trees:
/// what a caller decides before executing them (whether to build a costly object, whether a
/// template can run in windows).
extension TemplateSet {
    /// Whether any template of the set may name the field or key `name` of its data: as a step of
    /// a field chain (`.Files.Get`, `$.Files`, `$x.Files`, `(…).Files`) or inside a string literal
    /// (`index $ "Files"`). A template that executes text (``EngineMechanism/executesText``) can
    /// name anything; ask ``calls(_:)`` too.
    public func mentions(field name: String) -> Bool {
        trees.values.contains { tree in
            var found = false
            TemplateSet.visitOperands(tree.root) { operand in
                switch operand {
                case .field(_, let idents), .variable(_, let idents), .chain(_, _, let idents):
                    if idents.contains(name) { found = true }
                case .string(_, _, let value):
                    if value.contains(name) { found = true }
                default:
                    break
                }
            }
            return found
        }
    }

    /// Whether any template of the set calls the function registered as `mechanism`.
    public func calls(_ mechanism: EngineMechanism) -> Bool {
        trees.values.contains { tree in
            var found = false
            TemplateSet.visitFunctions(tree.root) { f in
                if case .engine(let m)? = f.implementation, m == mechanism { found = true }
            }
            return found
        }
    }

    /// Every function named in `list` and the lists it contains.
    static func visitFunctions(_ list: ListNode, _ body: (FunctionReference) -> Void) {
        visitOperands(list) { operand in
            if case .identifier(_, let f) = operand { body(f) }
        }
    }

    /// Every operand of every pipeline in `list` and the lists it contains, nested pipelines and
    /// chains included.
    static func visitOperands(_ list: ListNode, _ body: (Operand) -> Void) {
        func pipe(_ p: PipeNode) {
            for cmd in p.cmds { for arg in cmd.args { operand(arg) } }
        }
        func operand(_ o: Operand) {
            body(o)
            switch o {
            case .pipe(let p): pipe(p)
            case .chain(_, let node, _): operand(node)
            default: break
            }
        }
        for node in list.nodes {
            switch node {
            case .action(let a): pipe(a.pipe)
            case .branch(let b):
                pipe(b.pipe)
                visitOperands(b.list, body)
                if let e = b.elseList { visitOperands(e, body) }
            case .template(let t): if let p = t.pipe { pipe(p) }
            default: break
            }
        }
    }
}
