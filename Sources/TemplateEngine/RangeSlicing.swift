import GoValues

/// Executing a template whose output is one top-level `range` in windows of its elements, so the
/// windows can run concurrently and their outputs be joined.
///
/// A template qualifies when, besides plain text and comments, it is a single `range` over a field
/// chain of the top-level object (`{{ range $i, $app := .Values.apps }}`), or of a variable declared
/// before it as one (`{{ $mesh := .Values.mesh }}{{ range $id, $c := $mesh.components }}`), a list or
/// a map, and nothing an iteration does can reach another: no `break` out of that range, no `=`
/// but to a variable the iteration declared itself, no function that changes data
/// (``FunctionRole/mutatesMap(_:)``: `set`, `unset`, `merge` …) and no template text executed
/// (``EngineMechanism/executesText``: `tpl`) anywhere in the set, and every template it includes by
/// name (``EngineMechanism/includesTemplate``) qualifies the same way. Declarations before the range
/// (they print nothing) are made again in every window: they must be as independent, and when there
/// are any, no function of the set may give a different result each call (`randAlpha`, `now` …), so
/// every window declares the same values. Each window then prints exactly the iterations of its
/// elements (true indices or keys included), and the joined windows print what one execution prints.
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
        // Variables declared before the range as field chains of the top-level object, by name.
        var chains: [String: [String]] = ["$": []]
        var declarations: [PipeNode] = []
        for node in tree.root.nodes {
            switch node {
            case .text(let t):
                if range == nil { prefix += t.text } else { suffix += t.text }
            case .comment:
                break
            case .action(let a) where range == nil && !a.pipe.decl.isEmpty && !a.pipe.isAssign:
                declarations.append(a.pipe)
                let chain = a.pipe.decl.count == 1 ? fieldChain(a.pipe, chains) : nil
                for v in a.pipe.decl { chains[v.name] = nil }
                if let chain { chains[a.pipe.decl[0].name] = chain }
            case .branch(let b) where b.kind == .rangeBranch && range == nil:
                range = b
            default:
                return nil
            }
        }
        guard let range, !range.pipe.isAssign, let path = fieldChain(range.pipe, chains) else { return nil }
        // The shape is checked first (cheap, and it rules most templates out); the whole set last.
        var visited: Set<String> = []
        var declared: [String] = []
        for pipe in declarations where !isIndependent(pipe, declared: &declared, visited: &visited) { return nil }
        var iterationLocal = range.pipe.decl.map(\.name)
        guard isIndependent(range.list, breakEndsWindow: true, declared: &iterationLocal, visited: &visited), !changesData,
            declarations.isEmpty || !givesChangingResults
        else { return nil }
        return RangeSlicing(templateName: name, path: path, prefix: prefix, suffix: suffix)
    }

    /// The field chain from the top-level object that `pipe` is, when it is one operand: a field chain of dot
    /// (`.Values.apps`, `.` itself) or of a variable in `chains` (`$mesh.components`, `$.Values.apps`).
    private func fieldChain(_ pipe: PipeNode, _ chains: [String: [String]]) -> [String]? {
        guard pipe.cmds.count == 1, pipe.cmds[0].args.count == 1 else { return nil }
        switch pipe.cmds[0].args[0] {
        case .dot: return []
        case .field(_, let idents): return idents
        case .variable(_, let idents):
            guard let base = chains[idents[0]] else { return nil }
            return base + idents.dropFirst()
        default: return nil
        }
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

    /// Whether any template of the set calls a function whose result differs from call to call with the same
    /// arguments (random text, keys and certificates, the time).
    var givesChangingResults: Bool {
        trees.values.contains { tree in
            TemplateSet.containsOperand(in: tree.root) { operand in
                guard case .identifier(_, let f) = operand else { return false }
                return TemplateSet.changingResults.contains(f.name)
            }
        }
    }

    /// The functions of Helm's library whose result differs from call to call.
    static let changingResults: Set<String> = [
        "randAlpha", "randAlphaNum", "randAscii", "randNumeric", "randInt", "randBytes", "uuidv4", "shuffle",
        "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "bcrypt", "htpasswd", "encryptAES", "now", "ago", "getHostByName",
    ]

    /// Whether `list` is independent of other iterations. `declared`: the variables an `=` may change (the
    /// iteration's own, as they are declared); nil inside a template included by name, whose variables are all
    /// its own call's.
    private func isIndependent(
        _ list: ListNode, breakEndsWindow: Bool, declared: inout [String]?, visited: inout Set<String>
    ) -> Bool {
        let mark = declared?.count ?? 0
        defer { if declared != nil { declared!.removeSubrange(mark...) } }
        for node in list.nodes {
            switch node {
            case .text, .comment, .continueLoop: continue
            case .breakLoop: if breakEndsWindow { return false }
            case .action(let a): if !isIndependent(a.pipe, declared: &declared, visited: &visited) { return false }
            case .branch(let b):
                // The branch's own declarations are seen by its lists, else included, and end with it.
                let branchMark = declared?.count ?? 0
                defer { if declared != nil { declared!.removeSubrange(branchMark...) } }
                let nested = breakEndsWindow && b.kind != .rangeBranch
                guard isIndependent(b.pipe, declared: &declared, visited: &visited),
                    isIndependent(b.list, breakEndsWindow: nested, declared: &declared, visited: &visited),
                    b.elseList.map({ isIndependent($0, breakEndsWindow: breakEndsWindow, declared: &declared, visited: &visited) })
                        ?? true
                else { return false }
            case .template(let t):
                if let pipe = t.pipe, !isIndependent(pipe, declared: &declared, visited: &visited) { return false }
                if !isIndependent(named: t.name, visited: &visited) { return false }
            }
        }
        return true
    }

    private func isIndependent(_ list: ListNode, breakEndsWindow: Bool, declared: inout [String], visited: inout Set<String>) -> Bool {
        var optional: [String]? = declared
        defer { declared = optional ?? [] }
        return isIndependent(list, breakEndsWindow: breakEndsWindow, declared: &optional, visited: &visited)
    }

    private func isIndependent(_ pipe: PipeNode, declared: inout [String], visited: inout Set<String>) -> Bool {
        var optional: [String]? = declared
        defer { declared = optional ?? [] }
        return isIndependent(pipe, declared: &optional, visited: &visited)
    }

    private func isIndependent(_ pipe: PipeNode, declared: inout [String]?, visited: inout Set<String>) -> Bool {
        if pipe.isAssign, let names = declared, !pipe.decl.allSatisfy({ names.contains($0.name) }) { return false }
        for cmd in pipe.cmds {
            for (i, arg) in cmd.args.enumerated() {
                switch arg {
                case .identifier(_, let f) where f.isInclude:
                    // include's template must be named by a literal, and qualify too.
                    guard i == 0, cmd.args.count > 1, case .string(_, _, let target) = cmd.args[1],
                        isIndependent(named: target, visited: &visited)
                    else { return false }
                case .pipe(let p):
                    if !isIndependent(p, declared: &declared, visited: &visited) { return false }
                case .chain(_, .pipe(let p), _):
                    if !isIndependent(p, declared: &declared, visited: &visited) { return false }
                default: continue
                }
            }
        }
        if !pipe.isAssign { declared?.append(contentsOf: pipe.decl.map(\.name)) }
        return true
    }

    private func isIndependent(named name: String, visited: inout Set<String>) -> Bool {
        guard visited.insert(name).inserted else { return true }
        guard let tree = trees[name] else { return true }  // executing it fails the same in every window
        var ownFrame: [String]? = nil
        return isIndependent(tree.root, breakEndsWindow: false, declared: &ownFrame, visited: &visited)
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
