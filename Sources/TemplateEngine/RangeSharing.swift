import GoValues
import Platform

/// A `range` whose iterations are shared out between cores when the ones done show the rest to be long work: the
/// other cores each execute the template again from the start in a set and session of their own, over a copy of the
/// data as it is when the range is shared, and take iterations one at a time, in order, from the same queue as the
/// executor that reached the range (a core that starts late takes fewer; long and short elements even out); each
/// iteration's output is kept apart and the executor joins them in element order.
///
/// A template's range qualifies (``TemplateSet/sharedRange(_:)``) when it is the template's only `range` outside
/// named templates, reached through `if` and `with` branches only, and:
/// - everything outside it, and every template the template includes by name, changes no data and executes no
///   template text (`set`, `merge`, `tpl` …) and calls no function whose result differs from call to call
///   (`randAlpha`, `now` …): every share computes the same state up to the range and prints the same text around it;
/// - its iterations cannot reach one another: no `break` out of it, `=` only to variables the iteration declared,
///   no `tpl`, and data changed only in maps the iteration made itself: `set`/`unset` of a variable the iteration
///   declared from `fromYaml`, `fromJson`, `deepCopy` … (any map within it) or from `dict` (that map only), never
///   assigned again, and never within a map that `set` put into it.
///
/// A share that fails before the range, or finds another number of elements, takes no iteration. An iteration that
/// fails stops the queue; the error of the first failing element is the one reported, as one execution would stop
/// at it (every element before it ran, wherever).
public final class RangeSharing: @unchecked Sendable {
    /// What one share did: its iterations' outputs by element, and the first of its iterations that failed; nil when
    /// it never reached the range.
    public typealias Share = ShareOutcome?

    /// The template whose range is shared, and the range's position in its text.
    let templateName: String
    let position: Int
    /// How many cores share the iterations.
    let cores: Int
    /// The iterations left are shared out when, at the pace of those done so far, they would take longer than this
    /// (starting a share costs parsing the templates and executing the template up to the range again).
    let minimumWork: Duration
    /// Starts a share elsewhere (called on the executing thread) taking its iterations from `queue`, of a range of
    /// `elements` elements; returns how to wait for it.
    let start: (_ queue: ShareQueue, _ elements: Int) -> () -> Share

    public init(
        templateName: String, position: Int, cores: Int, minimumWork: Duration = .milliseconds(2),
        start: @escaping (_ queue: ShareQueue, _ elements: Int) -> () -> Share
    ) {
        self.templateName = templateName
        self.position = position
        self.cores = cores
        self.minimumWork = minimumWork
        self.start = start
    }
}

/// What a share did (see ``RangeSharing/Share``).
public struct ShareOutcome: Sendable {
    var outputs: [(element: Int, text: String)] = []
    var failure: (element: Int, error: TemplateError)?
}

/// The elements of a shared range not taken yet, handed out in order, once each, to the cores that ask.
public final class ShareQueue: @unchecked Sendable {
    private let lock = Lock()
    private var next: Int
    private let end: Int
    private var stopped = false

    init(_ elements: Range<Int>) {
        next = elements.lowerBound
        end = elements.upperBound
    }

    /// The next element, or nil when all are taken or an iteration failed.
    func take() -> Int? {
        lock.withLock {
            guard !stopped, next < end else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Hands out no more elements.
    func stop() {
        lock.withLock { stopped = true }
    }
}

/// What a share's executor does at the shared range: take iterations from the queue, keep their outputs, and stop.
struct ShareRole {
    let position: Int
    let queue: ShareQueue
    let elements: Int
    var result: RangeSharing.Share = nil
}

extension TemplateSet {
    /// The position of the range of template `name` that can be shared out between cores (see ``RangeSharing``);
    /// nil when it has none that qualifies.
    public func sharedRange(_ name: String) -> Int? {
        guard let tree = trees[name] else { return nil }
        var check = SharedRangeCheck(set: self)
        check.outside(tree.root)
        guard check.ok, let range = check.range, !range.pipe.isAssign else { return nil }
        check.body(range)
        return check.ok ? range.pos : nil
    }
}

/// The checks of ``TemplateSet/sharedRange(_:)``.
private struct SharedRangeCheck {
    let set: TemplateSet
    var ok = true
    var range: BranchNode?
    private var visited: Set<String> = []

    /// Variables an iteration declared, innermost last, with how its value is known to be a map of its own.
    private var declared: [(name: String, made: MadeMap?)] = []
    /// Variables given a new value by `=` somewhere in the iterations.
    private var reassigned: Set<String> = []
    /// Where `set` and `unset` change maps, and where `set` puts values: variable, then keys (`*`: any key).
    private var changed: [(name: String, keys: [String])] = []
    private var filled: [(name: String, keys: [String])] = []

    private enum MadeMap { case deep, shallow }

    /// Functions whose result is all new maps and lists, and those whose result is one new map of given values.
    private static let makesDeep: Set<String> = [
        "fromYaml", "fromJson", "fromYamlArray", "fromJsonArray", "mustFromJson", "deepCopy", "mustDeepCopy",
    ]
    private static let makesShallow: Set<String> = ["dict"]

    init(set: TemplateSet) { self.set = set }

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
        if case .engine(.executesText)? = f.implementation { return false }
        if case .mutatesMap = f.traits.role { return false }
        return !TemplateSet.changingResults.contains(f.name)
    }

    /// `include` at argument `i` of `cmd`: the template must be named by a literal, and all of it unchanging.
    private mutating func include(_ cmd: CommandNode, at i: Int) {
        guard i == 0, cmd.args.count > 1, case .string(_, _, let target) = cmd.args[1] else {
            ok = false
            return
        }
        pure(named: target)
    }

    /// A template included by name: all of it unchanging (its variables are its own call's).
    private mutating func pure(named name: String) {
        guard visited.insert(name).inserted, let tree = set.trees[name] else { return }
        pureList(tree.root)
    }

    private mutating func pureList(_ list: ListNode) {
        for node in list.nodes {
            switch node {
            case .text, .comment, .breakLoop, .continueLoop: continue
            case .action(let a): pure(a.pipe)
            case .branch(let b):
                pure(b.pipe)
                pureList(b.list)
                if let e = b.elseList { pureList(e) }
            case .template(let t):
                if let p = t.pipe { pure(p) }
                pure(named: t.name)
            }
        }
    }

    // MARK: the iterations

    /// The range's iterations, independent of one another.
    mutating func body(_ range: BranchNode) {
        reassigned = Self.assignedNames(range.list)
        declared = range.pipe.decl.map { ($0.name, nil) }
        list(range.list, breakEndsShare: true)
        for target in changed {
            for put in filled where put.name == target.name && put.keys.count <= target.keys.count {
                if zip(put.keys, target.keys).allSatisfy({ $0 == "*" || $0 == $1 }) { ok = false }
            }
        }
    }

    private mutating func list(_ list: ListNode, breakEndsShare: Bool) {
        let mark = declared.count
        defer { declared.removeSubrange(mark...) }
        for node in list.nodes {
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
                    ok = false
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

    /// `set $v.a "k" x` or `unset $v.a "k"` of a map the iteration made.
    private mutating func change(_ mutation: MapMutation, _ cmd: CommandNode) {
        let arguments = mutation == .setsEntry ? 4 : 3
        guard mutation == .setsEntry || mutation == .removesEntry, cmd.args.count == arguments,
            case .variable(_, let idents) = cmd.args[1], !reassigned.contains(idents[0]),
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

    /// How the value a one-variable declaration gets is a map of the iteration's own, if it is one.
    private static func madeMap(_ pipe: PipeNode) -> MadeMap? {
        guard let last = pipe.cmds.last else { return nil }
        // `($crd | fromYaml)`: the parenthesised pipeline's value.
        if last.args.count == 1, case .pipe(let inner) = last.args[0] { return inner.decl.isEmpty ? madeMap(inner) : nil }
        guard case .identifier(_, let f)? = last.args.first else { return nil }
        if makesDeep.contains(f.name) { return .deep }
        if makesShallow.contains(f.name) { return .shallow }
        return nil
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

extension Executor {
    /// At range `r` of this template's shared range (or of the share this execution is): the iterations run and
    /// shared as ``RangeSharing`` describes. False when the range runs as usual.
    func shareIterations(of r: BranchNode, count: Int, _ step: (Int) throws(TemplateError) -> Bool) throws(TemplateError) -> Bool {
        if let role = shareRole {
            if count == role.elements {
                // Taken before the role is written: the iterations read it (nested ranges).
                let outcome = takeIterations(from: role.queue, step)
                shareRole?.result = outcome
            }
            // Nothing after the range is needed: the execution stops here.
            throw TemplateError("share complete", at: .none)
        }
        guard let sharing = rangeSharing, executing == sharing.templateName else { return false }
        rangeSharing = nil
        // The iterations run here until the pace of those done shows the rest worth sharing out.
        let clock = ContinuousClock()
        let began = clock.now
        var i = 0
        while i < count {
            if try !step(i) { return true }
            i += 1
            // The clock is read after iterations 1, 2, 4 … 64, then every 64th: a cheap loop pays next to nothing.
            if count - i >= 2, i & (i - 1) == 0 || i & 63 == 0, (clock.now - began) * (count - i) / i >= sharing.minimumWork {
                break
            }
        }
        guard i < count else { return true }
        PhaseClock.mark("range of \(sharing.templateName) shared from element \(i) of \(count)")
        let queue = ShareQueue(i..<count)
        let waits = (1..<sharing.cores).map { _ in sharing.start(queue, count) }
        var outcome = takeIterations(from: queue, step)
        for share in waits.map({ $0() }) {
            guard let share else { continue }
            outcome.outputs += share.outputs
            if let failed = share.failure, outcome.failure.map({ failed.element < $0.element }) ?? true { outcome.failure = failed }
        }
        if let failure = outcome.failure { throw failure.error }
        for output in outcome.outputs.sorted(by: { $0.element < $1.element }) { out += output.text }
        return true
    }

    /// Iterations taken from `queue` one at a time, each one's output kept apart, until none is left or one fails
    /// (which stops the queue).
    private func takeIterations(from queue: ShareQueue, _ step: (Int) throws(TemplateError) -> Bool) -> ShareOutcome {
        var outcome = ShareOutcome()
        while let element = queue.take() {
            let start = out.count
            do throws(TemplateError) {
                _ = try step(element)
            } catch {
                outcome.failure = (element, error)
                queue.stop()
                out.truncate(to: start)
                break
            }
            outcome.outputs.append((element, out.string(from: start)))
            out.truncate(to: start)
        }
        return outcome
    }
}

extension ExecutionSession {
    /// Executes template `name` as ``execute(name:topLevel:)`` does, its range at `position` in `sharing` (see
    /// ``RangeSharing``).
    public func execute(name: String, topLevel: [String: Value], sharing: RangeSharing) throws(TemplateError) -> String {
        try execute(name: name, topLevel: topLevel, configure: { $0.rangeSharing = sharing })
    }

    /// Executes template `name` as a share of its range at `position`, of `elements` elements, taking iterations
    /// from `queue` (see ``RangeSharing``): nil when the execution failed before the range, never reached it or
    /// found another number of elements.
    public func executeShare(
        name: String, topLevel: [String: Value] = [:], position: Int, queue: ShareQueue, elements: Int
    ) -> RangeSharing.Share {
        var share: Executor?
        _ = try? execute(name: name, topLevel: topLevel) { executor in
            executor.shareRole = ShareRole(position: position, queue: queue, elements: elements)
            share = executor
        }
        return share?.shareRole?.result
    }
}
