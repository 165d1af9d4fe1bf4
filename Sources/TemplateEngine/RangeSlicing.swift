import GoValues

/// Executing a template whose output is one top-level `range` in windows of its elements, so the
/// windows can run concurrently and their outputs be joined.
///
/// A template qualifies when, besides plain text and comments, it is a single `range` over a field
/// chain of the top-level object (`{{ range $i, $app := .Values.apps }}`), and nothing an iteration
/// does can reach another: no assignment with `=`, no `break` out of that range, no function that
/// changes data (``FunctionRole/mutatesMap(_:)``: `set`, `unset`, `merge` …) and no template text
/// executed (``EngineMechanism/executesText``: `tpl`) anywhere in the set, and every template it
/// includes by name (``EngineMechanism/includesTemplate``) qualifies the same way. Each window then prints exactly the iterations of its
/// elements (true indices included), and the joined windows print what one execution prints.
public struct RangeSlicing: Sendable {
    /// The template to execute in windows.
    public let templateName: String
    /// The field chain the range iterates, from the top-level object (`.Values.apps`: `["Values", "apps"]`).
    public let path: [String]
    /// The text printed before and after the range.
    let prefix: String
    let suffix: String

    /// The output of one execution, from the raw outputs of consecutive windows covering every
    /// element (see ``ExecutionSession/execute(name:topLevel:window:of:)``), `<no value>` removed as
    /// `set` removes it.
    public func join(_ windows: [String], of set: TemplateSet) -> String? {
        var joined = ""
        joined.reserveCapacity(windows.reduce(0) { $0 + $1.utf8.count })
        let head = prefix.utf8.count, tail = suffix.utf8.count
        for (i, w) in windows.enumerated() {
            let bytes = w.utf8
            guard bytes.count >= head + tail, bytes.starts(with: prefix.utf8), bytes.reversed().starts(with: suffix.utf8.reversed())
            else { return nil }
            // The cuts fall next to the prefix and suffix texts, on character boundaries.
            let start = bytes.index(bytes.startIndex, offsetBy: i > 0 ? head : 0)
            let end = bytes.index(bytes.endIndex, offsetBy: i < windows.count - 1 ? -tail : 0)
            joined += Substring(bytes[start..<end])
        }
        return set.removesNoValue ? TemplateSet.removingNoValue(joined) : joined
    }
}

extension TemplateSet {
    /// How template `name` can be executed in windows of its top-level range; `nil` when it cannot.
    public func rangeSlicing(_ name: String) -> RangeSlicing? {
        guard let tree = trees[name] else { return nil }
        var range: BranchNode?
        var prefix = "", suffix = ""
        for node in tree.root.nodes {
            switch node {
            case .text(let t):
                if range == nil { prefix += t.text } else { suffix += t.text }
            case .comment:
                break
            case .branch(let b) where b.kind == .rangeBranch && range == nil:
                range = b
            default:
                return nil
            }
        }
        guard let range, !range.pipe.isAssign, range.pipe.cmds.count == 1, range.pipe.cmds[0].args.count == 1,
            case .field(_, let idents) = range.pipe.cmds[0].args[0]
        else { return nil }
        // The shape is checked first (cheap, and it rules most templates out); the whole set last.
        var visited: Set<String> = []
        guard isIndependent(range.list, breakEndsWindow: true, visited: &visited), !changesData else { return nil }
        return RangeSlicing(templateName: name, path: idents, prefix: prefix, suffix: suffix)
    }

    /// Whether any template of the set calls a function that changes data, or executes template text.
    var changesData: Bool {
        trees.values.contains { tree in
            TemplateSet.containsOperand(in: tree.root) { operand in
                guard case .identifier(_, let f) = operand else { return false }
                if case .engine(.executesText)? = f.implementation { return true }
                if case .mutatesMap = f.traits.role { return true }
                return false
            }
        }
    }

    private func isIndependent(_ list: ListNode, breakEndsWindow: Bool, visited: inout Set<String>) -> Bool {
        for node in list.nodes {
            switch node {
            case .text, .comment, .continueLoop: continue
            case .breakLoop: if breakEndsWindow { return false }
            case .action(let a): if !isIndependent(a.pipe, visited: &visited) { return false }
            case .branch(let b):
                let nested = breakEndsWindow && b.kind != .rangeBranch
                guard isIndependent(b.pipe, visited: &visited),
                    isIndependent(b.list, breakEndsWindow: nested, visited: &visited),
                    b.elseList.map({ isIndependent($0, breakEndsWindow: breakEndsWindow, visited: &visited) }) ?? true
                else { return false }
            case .template(let t):
                if let pipe = t.pipe, !isIndependent(pipe, visited: &visited) { return false }
                if !isIndependent(named: t.name, visited: &visited) { return false }
            }
        }
        return true
    }

    private func isIndependent(_ pipe: PipeNode, visited: inout Set<String>) -> Bool {
        if pipe.isAssign { return false }
        for cmd in pipe.cmds {
            for (i, arg) in cmd.args.enumerated() {
                switch arg {
                case .identifier(_, let f) where f.isInclude:
                    // include's template must be named by a literal, and qualify too.
                    guard i == 0, cmd.args.count > 1, case .string(_, _, let target) = cmd.args[1],
                        isIndependent(named: target, visited: &visited)
                    else { return false }
                case .pipe(let p):
                    if !isIndependent(p, visited: &visited) { return false }
                case .chain(_, .pipe(let p), _):
                    if !isIndependent(p, visited: &visited) { return false }
                default: continue
                }
            }
        }
        return true
    }

    private func isIndependent(named name: String, visited: inout Set<String>) -> Bool {
        guard visited.insert(name).inserted else { return true }
        guard let tree = trees[name] else { return true }  // executing it fails the same in every window
        return isIndependent(tree.root, breakEndsWindow: false, visited: &visited)
    }
}

extension ExecutionSession {
    /// Executes template `name` like ``execute(name:topLevel:)``, its top-level range visiting only
    /// the elements at `window` (with their true indices); the raw output, for
    /// ``RangeSlicing/join(_:of:)``.
    public func execute(
        name: String, topLevel: [String: Value] = [:], window: Range<Int>, of slicing: RangeSlicing
    ) throws(TemplateError) -> String {
        try execute(name: name, topLevel: topLevel, rangeWindow: window)
    }
}
