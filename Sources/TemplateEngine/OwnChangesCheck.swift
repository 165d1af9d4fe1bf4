import GoValues

/// Whether template code changes only data it made itself: the checks behind ``TemplateSet/sharedRange(_:)`` (a
/// range whose iterations cannot reach one another) and ``TemplateIndependence`` (a template that leaves the data
/// other templates see as it found it).
struct OwnChangesCheck {
    /// `range`: one range's iterations, whose surroundings (and the templates they include) must be unchanging.
    /// `template`: a whole template's own code, all of whose variables are its own; the templates it includes are
    /// held to the same rules elsewhere, and `tpl` is allowed (its text is checked when it runs).
    enum Mode { case range, template }

    let mode: Mode
    /// In ``Mode/range``: the templates that are not unchanging (``impureTemplates(_:)``), which the code outside the
    /// range must not include.
    let impure: Set<String>
    var ok = true
    var range: BranchNode?

    /// Variables an iteration declared, innermost last, with how its value is known to be a map of its own.
    private var declared: [(name: String, made: MadeMap?)] = []
    /// Variables given a new value by `=` somewhere in the code checked (worked out when first asked).
    private var reassignedNames: Set<String>?
    private var scope: ListNode?
    /// Where `set` and `unset` change maps, and where `set` puts values: variable, then keys (`*`: any key).
    private var changed: [(name: String, keys: [String])] = []
    private var filled: [(name: String, keys: [String])] = []

    private enum MadeMap { case deep, shallow }

    /// The mark of a `merge` into a variable's map, among ``changed`` and ``filled``: it changes the map at every
    /// depth and fills it at any key, so no other change to that variable's maps may be near it.
    private static let merged = "**"

    /// Functions whose result is all new maps and lists (`dict` makes one new map of the values given).
    private static let makesDeep: Set<String> = [
        "fromYaml", "fromJson", "fromYamlArray", "fromJsonArray", "mustFromJson", "deepCopy", "mustDeepCopy",
    ]

    /// Whether a whole template's own code changes only maps it made (``Mode/template``).
    static func changesOnlyOwnMaps(_ tree: Tree) -> Bool {
        var check = OwnChangesCheck(mode: .template)
        check.ownChanges(in: tree.root, declaring: ["$"], breakEndsShare: false)
        return check.ok
    }

    init(mode: Mode, impure: Set<String> = []) {
        self.mode = mode
        self.impure = impure
    }

    // MARK: outside the range

    /// The template outside its range: branches lead to the one range, everything else is unchanging.
    mutating func outside(_ list: ListNode) {
        for node in list.nodes {
            switch node {
            case .text, .comment: continue
            case .action(let a): pure(a.pipe)
            case .branch(let b):
                pure(b.pipe)
                if b.kind == .rangeBranch {
                    if range == nil { range = b } else { ok = false }
                    if let e = b.elseList { outside(e) }
                } else {
                    outside(b.list)
                    if let e = b.elseList { outside(e) }
                }
            case .template(let t):
                if let p = t.pipe { pure(p) }
                pure(named: t.name)
            case .breakLoop, .continueLoop:
                ok = false
            }
        }
    }

    /// How many ranges ``outside(_:)`` would meet in `list`: those reached through `if` and `with` branches (and a
    /// range's `else`), counted up to two.
    static func rangeCount(_ list: ListNode) -> Int {
        var count = 0
        for node in list.nodes where count < 2 {
            guard case .branch(let b) = node else { continue }
            if b.kind == .rangeBranch {
                count += 1
            } else {
                count += rangeCount(b.list)
            }
            if let e = b.elseList { count += rangeCount(e) }
        }
        return count
    }

    /// A pipeline that changes nothing and gives the same result every time.
    private mutating func pure(_ pipe: PipeNode) {
        for cmd in pipe.cmds {
            for (i, arg) in cmd.args.enumerated() {
                switch arg {
                case .identifier(_, let f):
                    if f.isInclude {
                        include(cmd, at: i)
                    } else if !Self.unchanging(f) {
                        ok = false
                    }
                case .pipe(let p): pure(p)
                case .chain(_, .pipe(let p), _): pure(p)
                default: continue
                }
            }
        }
    }

    private static func unchanging(_ f: FunctionReference) -> Bool {
        f.resolved.map(isUnchanging) ?? true
    }

    /// Whether a function changes nothing and gives the same result every time (the parser notes it in
    /// ``Tree/Summary/unchanging``).
    static func isUnchanging(_ f: ResolvedFunction) -> Bool {
        if case .engine(.executesText) = f.implementation { return false }
        if case .mutatesMap = f.traits.role { return false }
        return !f.resultsVary
    }

    /// `include` at argument `i` of `cmd`: the template must be named by a literal, and all of it unchanging (in
    /// ``Mode/template``, noted; a computed name may be any template).
    private mutating func include(_ cmd: CommandNode, at i: Int) {
        guard i == 0, cmd.args.count > 1, case .string(_, _, let target) = cmd.args[1] else {
            if mode == .range || i != 0 { ok = false }
            return
        }
        pure(named: target)
    }

    /// A template included by name: all of it unchanging, with what it includes (``impure``); in ``Mode/template``,
    /// checked elsewhere (the parser noted it in ``Tree/Summary/includes``).
    private mutating func pure(named name: String) {
        if mode == .range, impure.contains(name) { ok = false }
    }

    /// The templates that are not unchanging, as ``Mode/range`` holds the code outside a range to be, including what
    /// they include by name: from what the parser noted of each (``Tree/Summary``), what they include followed to a
    /// fixpoint (a template is unchanging when its own code is and every template it includes is; a name without a
    /// template includes nothing when it runs, and counts as unchanging).
    static func impureTemplates(_ trees: [String: Tree]) -> Set<String> {
        var impure = Set(trees.lazy.filter { !$0.value.summary.unchanging }.map(\.key))
        var changed = true
        while changed {
            changed = false
            for (name, tree) in trees where !impure.contains(name) && tree.summary.includes.contains(where: impure.contains) {
                impure.insert(name)
                changed = true
            }
        }
        return impure
    }

    // MARK: the iterations

    /// The range's iterations, independent of one another.
    mutating func body(_ range: BranchNode) {
        ownChanges(in: range.list, declaring: range.pipe.decl.map(\.name), breakEndsShare: true)
    }

    /// `list` changes only maps it made itself, `=` only variables it declared (`declaring`: those declared
    /// before it, its own too).
    mutating func ownChanges(in list: ListNode, declaring names: [String], breakEndsShare: Bool) {
        let saved = (declared, reassignedNames, scope, changed, filled)
        defer { (declared, reassignedNames, scope, changed, filled) = saved }
        reassignedNames = nil
        scope = list
        declared = names.map { ($0, nil) }
        changed = []
        filled = []
        self.list(list, breakEndsShare: breakEndsShare)
        for target in changed where target.keys != [Self.merged] {
            for put in filled where put.name == target.name && put.keys.count <= target.keys.count && put.keys != [Self.merged] {
                if zip(put.keys, target.keys).allSatisfy({ $0 == "*" || $0 == $1 }) { ok = false }
            }
        }
        // A merge may be the only change to its variable's maps.
        for target in changed where target.keys == [Self.merged] {
            if changed.count(where: { $0.name == target.name }) > 1 || filled.count(where: { $0.name == target.name }) > 1 {
                ok = false
            }
        }
    }

    private mutating func list(_ list: ListNode, breakEndsShare: Bool) {
        let mark = declared.count
        defer { declared.removeSubrange(mark...) }
        for node in list.nodes where ok {
            switch node {
            case .text, .comment, .continueLoop: continue
            case .breakLoop: if breakEndsShare { ok = false }
            case .action(let a): pipe(a.pipe)
            case .branch(let b):
                let branchMark = declared.count
                pipe(b.pipe)
                self.list(b.list, breakEndsShare: breakEndsShare && b.kind != .rangeBranch)
                if let e = b.elseList { self.list(e, breakEndsShare: breakEndsShare) }
                declared.removeSubrange(branchMark...)
            case .template(let t):
                if let p = t.pipe { pipe(p) }
                pure(named: t.name)
            }
        }
    }

    private mutating func pipe(_ pipe: PipeNode) {
        if pipe.isAssign {
            for v in pipe.decl where !declared.contains(where: { $0.name == v.name }) { ok = false }
        }
        for cmd in pipe.cmds { command(cmd) }
        if !pipe.isAssign {
            let made = pipe.decl.count == 1 ? Self.madeMap(pipe) : nil
            for v in pipe.decl { declared.append((v.name, made)) }
        }
    }

    private mutating func command(_ cmd: CommandNode) {
        for (i, arg) in cmd.args.enumerated() {
            switch arg {
            case .identifier(_, let f):
                if f.isInclude {
                    include(cmd, at: i)
                } else if case .engine(.executesText)? = f.implementation {
                    if mode == .range { ok = false }
                } else if case .mutatesMap(let mutation) = f.traits.role {
                    guard i == 0 else { ok = false; continue }
                    change(mutation, cmd)
                }
            case .pipe(let p): pipe(p)
            case .chain(_, .pipe(let p), _): pipe(p)
            default: continue
            }
        }
    }

    /// `set $v.a "k" x` or `unset $v.a "k"` of a map the code made, or a merge into one (``merge(_:)``).
    private mutating func change(_ mutation: MapMutation, _ cmd: CommandNode) {
        if case .mergesMaps = mutation {
            merge(cmd)
            return
        }
        let arguments = mutation == .setsEntry ? 4 : 3
        guard cmd.args.count == arguments, case .variable(_, let idents) = cmd.args[1], !reassigned(idents[0]),
            let made = declared.last(where: { $0.name == idents[0] })?.made,
            made == .deep || idents.count == 1
        else {
            ok = false
            return
        }
        let keys = Array(idents.dropFirst())
        changed.append((idents[0], keys))
        if mutation == .setsEntry {
            var key = "*"
            if case .string(_, _, let literal) = cmd.args[2] { key = literal }
            filled.append((idents[0], keys + [key]))
        }
    }

    /// `merge DEST SRC` (or `mergeOverwrite`) into a map all of whose maps the code made: a parenthesised
    /// `deepCopy`, `fromYaml` … or an empty `dict`, or a variable holding one. With one source only: a second one
    /// would merge into the maps the first put there, which are the source's own (in ``Mode/template``, several are
    /// allowed: see ``TemplateIndependence``).
    private mutating func merge(_ cmd: CommandNode) {
        guard cmd.args.count == 3 || (mode == .template && cmd.args.count > 3) else {
            ok = false
            return
        }
        switch cmd.args[1] {
        case .variable(_, let idents) where idents.count == 1 && !reassigned(idents[0]):
            guard declared.last(where: { $0.name == idents[0] })?.made == .deep else {
                ok = false
                return
            }
            changed.append((idents[0], [Self.merged]))
            filled.append((idents[0], [Self.merged]))
        case let operand:
            if Self.madeMap(operand) != .deep { ok = false }
        }
    }

    /// How the value a one-variable declaration gets is a map of the code's own, if it is one.
    private static func madeMap(_ pipe: PipeNode) -> MadeMap? {
        madeMap(pipe.cmds[...])
    }

    /// The value of a pipeline's commands `cmds` as a map of the code's own.
    private static func madeMap(_ cmds: ArraySlice<CommandNode>) -> MadeMap? {
        guard let last = cmds.last else { return nil }
        // `($crd | fromYaml)`: the parenthesised pipeline's value.
        if last.args.count == 1, cmds.count == 1 { return madeMap(last.args[0]) }
        guard case .identifier(_, let f)? = last.args.first else { return nil }
        if makesDeep.contains(f.name) { return .deep }
        if f.name == "dict" { return last.args.count == 1 ? .deep : .shallow }
        // `X | default dict`, `default (dict) X`: whichever value it gives, each made.
        guard f.name == "default" else { return nil }
        var values = last.args.dropFirst().map { madeMap($0) }
        if values.count == 1 { values.append(madeMap(cmds.dropLast())) }
        guard values.count == 2, !values.contains(nil) else { return nil }
        return values.contains(.shallow) ? .shallow : .deep
    }

    /// An operand's value as a map of the code's own: a parenthesised pipeline making one, or `dict` alone.
    private static func madeMap(_ operand: Operand) -> MadeMap? {
        switch operand {
        case .pipe(let inner): return inner.decl.isEmpty ? madeMap(inner) : nil
        case .identifier(_, let f) where f.name == "dict": return .deep
        default: return nil
        }
    }

    /// Whether `=` gives variable `name` a new value anywhere in the code checked.
    private mutating func reassigned(_ name: String) -> Bool {
        if reassignedNames == nil { reassignedNames = scope.map(Self.assignedNames) ?? [] }
        return reassignedNames!.contains(name)
    }

    /// The names `=` assigns anywhere in `list`.
    private static func assignedNames(_ list: ListNode) -> Set<String> {
        var names: Set<String> = []
        func pipe(_ p: PipeNode) {
            if p.isAssign { for v in p.decl { names.insert(v.name) } }
            for cmd in p.cmds {
                for arg in cmd.args {
                    if case .pipe(let inner) = arg { pipe(inner) }
                    if case .chain(_, .pipe(let inner), _) = arg { pipe(inner) }
                }
            }
        }
        func walk(_ l: ListNode) {
            for node in l.nodes {
                switch node {
                case .action(let a): pipe(a.pipe)
                case .branch(let b):
                    pipe(b.pipe)
                    walk(b.list)
                    if let e = b.elseList { walk(e) }
                case .template(let t): if let p = t.pipe { pipe(p) }
                default: continue
                }
            }
        }
        walk(list)
        return names
    }
}

