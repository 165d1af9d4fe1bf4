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
    /// `elements` elements; returns how to wait for it, or nil when no core is free for it now (the executor asks
    /// again later in the range).
    let start: (_ queue: ShareQueue, _ elements: Int) -> (() -> Share)?

    public init(
        templateName: String, position: Int, cores: Int, minimumWork: Duration = .milliseconds(2),
        start: @escaping (_ queue: ShareQueue, _ elements: Int) -> (() -> Share)?
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
        return rangeFacts.sharedRange(name) {
            // Most templates have no range outside their `define`s, or several: found without looking at their code.
            guard OwnChangesCheck.rangeCount(tree.root) == 1 else { return nil }
            var check = OwnChangesCheck(mode: .range, impure: rangeFacts.impureTemplates { OwnChangesCheck.impureTemplates(trees) })
            check.outside(tree.root)
            guard check.ok, let range = check.range, !range.pipe.isAssign else { return nil }
            check.body(range)
            return check.ok ? range.pos : nil
        }
    }
}

/// What ``TemplateSet/sharedRange(_:)`` worked out for a set's templates, kept: they do not change once parsed (a
/// set that parses more starts afresh), and sets sharing the parsed templates share this too.
final class RangeFacts: @unchecked Sendable {
    private let lock = Lock()
    private var impure: Set<String>?
    private var shared: [String: Int?] = [:]

    /// The templates not unchanging (see `OwnChangesCheck.impureTemplates`), worked out by `make` on first use.
    func impureTemplates(_ make: () -> Set<String>) -> Set<String> {
        if let known = lock.withLock({ impure }) { return known }
        let made = make()
        lock.withLock { impure = made }
        return made
    }

    /// Template `name`'s shared range, worked out by `make` on first use.
    func sharedRange(_ name: String, _ make: () -> Int?) -> Int? {
        if let known = lock.withLock({ shared[name] }) { return known }
        let made = make()
        lock.withLock { shared[name] = made }
        return made
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
        // The iterations run here until the pace of those done shows the rest worth sharing out, and a core is free.
        let clock = ContinuousClock()
        let began = clock.now
        var i = 0
        var waits: [() -> RangeSharing.Share] = []
        var queue: ShareQueue?
        while i < count {
            if try !step(i) { return true }
            i += 1
            // The clock is read after iterations 1, 2, 4 … 64, then every 64th: a cheap loop pays next to nothing.
            if count - i >= 2, i & (i - 1) == 0 || i & 63 == 0, (clock.now - began) * (count - i) / i >= sharing.minimumWork {
                let left = ShareQueue(i..<count)
                waits = (1..<sharing.cores).compactMap { _ in sharing.start(left, count) }
                if !waits.isEmpty {
                    queue = left
                    break
                }
            }
        }
        guard let queue else { return true }
        PhaseClock.mark("range of \(sharing.templateName) shared from element \(i) of \(count)")
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
