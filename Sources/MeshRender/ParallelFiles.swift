import Platform
import TemplateEngine
import GoValues

/// A chart's files executed on two cores with the output of one core executing them in order (Helm's order, one
/// values map for all of them).
///
/// The command's thread and a helper each go through the files in order, each in a session of its own over the same
/// data (``TemplateIndependence``):
/// - a file that leaves the data unchanged is executed by whichever of the two reaches it first (it claims it); the
///   other skips it, and its data is the same either way;
/// - a file that changes the data is executed by both, so both go on from the same data: the command's thread keeps
///   its output, the helper only its changes. When the helper's run of it called a function whose result differs
///   from call to call (`randAlpha` …), the helper stops there: its data may no longer be the command's thread's.
///
/// Each run is watched: when a file taken to leave the data unchanged changed a map made before it (through `tpl`,
/// or a `merge` that reached a source's map), the files are executed again in order on one core (``run`` returns
/// nil). When either core fails, the first failure in file order is the one reported, as one core would stop at it.
struct ParallelFiles {
    /// One file: how to execute it.
    struct File {
        let name: String
        let topLevel: [String: Value]
        let structs: [String: GoStruct]
        let scope: ExecutionScope?
    }

    /// What became of one file: its output, and its documents' heads when asked for.
    typealias Done = (output: String, heads: ChartManifestSorter.FileHeads)

    let files: [File]
    let independence: TemplateIndependence
    /// The command's thread's set and session, and how to make the helper's (on the helper's thread).
    let set: TemplateSet
    let session: ExecutionSession
    let helperSession: () -> (TemplateSet, ExecutionSession)
    /// How a file that leaves the data unchanged, executed in `session` of `set`, shares its range out between cores
    /// (``RangeSharing``) once the other core is through with the files (`otherCoreIsThrough`); nil: it does not.
    var sharing: ((_ file: File, _ set: TemplateSet, _ session: ExecutionSession, _ otherCoreIsThrough: @escaping @Sendable () -> Bool)
        -> RangeSharing?)?
    /// For tests: the files that leave the data unchanged go to the two cores by turns (the helper's to the command's
    /// thread only once the helper has stopped), not to whichever reaches them first.
    var alternating = false

    /// Each file's output in order, and (`reading`) its documents' heads, read where it was executed; nil when a
    /// file taken to leave the data unchanged changed it (execute them again in order).
    func run(
        stackSize: Int, reading: ((_ name: String, _ output: String) -> ChartManifestSorter.FileHeads)?
    ) throws(TemplateError) -> [Done]? {
        let board = Board(count: files.count, alternating: alternating)
        let helper = LargeStackThread.begin(stackSize: stackSize) { [self] in
            defer { board.helperStopped() }
            let (helperSet, helperSession) = helperSession()
            return go(set: helperSet, session: helperSession, board: board, keepsChanges: false, reading: reading)
        }
        let own = go(set: set, session: session, board: board, keepsChanges: true, reading: reading)
        board.finish()
        let helped = helper.wait()
        guard !board.wasMisjudged else { return nil }
        var done: [Done] = []
        done.reserveCapacity(files.count)
        for i in files.indices {
            switch own[i] ?? helped[i] {
            case .success(let file)?: done.append(file)
            case .failure(let error)?: throw error
            case nil: return nil  // nobody ran it (``alternating``: the helper stopped short of it): run them in order
            }
        }
        return done
    }

    /// One core's pass through the files: what it keeps, by file. `keepsChanges`: the command's thread, which keeps
    /// the output of the files that change the data too.
    private func go(
        set: TemplateSet, session: ExecutionSession, board: Board, keepsChanges: Bool,
        reading: ((_ name: String, _ output: String) -> ChartManifestSorter.FileHeads)?
    ) -> [Result<Done, TemplateError>?] {
        let otherIsThrough: @Sendable () -> Bool = { board.isThrough(helper: keepsChanges) }
        var results = [Result<Done, TemplateError>?](repeating: nil, count: files.count)
        for (i, file) in files.enumerated() {
            guard board.goesOn(at: i, helper: !keepsChanges) else { break }
            let unchanging = independence.leavesDataUnchanged(file.name)
            if unchanging {
                guard board.claim(i, helper: !keepsChanges) else { continue }
            }
            let keeps = unchanging || keepsChanges
            do throws(TemplateError) {
                let shares = unchanging ? sharing?(file, set, session, otherIsThrough) : nil
                let (output, watched) = try session.executeWatched(
                    name: file.name, topLevel: file.topLevel, structs: file.structs, scope: file.scope, sharing: shares)
                if unchanging && watched.changedEarlierData {
                    board.misjudged()
                    break
                }
                if keeps { results[i] = .success((output, reading?(file.name, output) ?? nil)) }
                // Its changes may differ from those the command's thread made: the helper can go no further.
                if !keeps && watched.calledVaryingFunction { break }
            } catch {
                if keeps { results[i] = .failure(error) }
                board.fail(at: i)
                break
            }
        }
        return results
    }

    /// What the two cores share: which files are claimed, where one failed, whether a file was misjudged, and whether
    /// the command's thread is through.
    private final class Board: @unchecked Sendable {
        private let lock = Lock()
        private var claimed: [Bool]
        private var failedAt = Int.max
        private var misjudgedFile = false
        private var finished = false
        private let alternating: Bool
        private var helperDone = false

        init(count: Int, alternating: Bool) {
            claimed = Array(repeating: false, count: count)
            self.alternating = alternating
        }

        /// Whether file `i` is the caller's to execute: the first to ask gets it (``ParallelFiles/alternating``: the
        /// helper the odd ones, the command's thread the even ones, and the odd ones too once the helper stopped).
        func claim(_ i: Int, helper: Bool) -> Bool {
            lock.withLock {
                if claimed[i] { return false }
                if alternating && (helper ? i % 2 == 0 : i % 2 == 1 && !helperDone) { return false }
                claimed[i] = true
                return true
            }
        }

        /// Whether the helper (`helper`), or else the command's thread, is through with the files.
        func isThrough(helper: Bool) -> Bool {
            lock.withLock { helper ? helperDone : finished }
        }

        func helperStopped() {
            lock.withLock { helperDone = true }
        }

        /// Whether a core goes on to file `i`: not past a failure, not after a misjudged file, and (the helper) not once
        /// the command's thread is through.
        func goesOn(at i: Int, helper: Bool) -> Bool {
            lock.withLock { i <= failedAt && !misjudgedFile && !(helper && finished) }
        }

        func fail(at i: Int) {
            lock.withLock { failedAt = min(failedAt, i) }
        }

        func misjudged() {
            lock.withLock { misjudgedFile = true }
        }

        func finish() {
            lock.withLock { finished = true }
        }

        var wasMisjudged: Bool { lock.withLock { misjudgedFile } }
    }
}
