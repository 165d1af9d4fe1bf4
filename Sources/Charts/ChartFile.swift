import Platform

/// One file of a chart as loaded: its bytes, or — for a large file that loading the chart does not itself read (a
/// README, the files behind `.Files`, a subchart's CRDs; see ``ChartFiles``) — the file opened at load and read the
/// first time a template or the output needs it. Helm reads every file at load; most renders never look at these.
public enum ChartFile: Sendable {
    case bytes([UInt8])
    case deferred(DeferredFile)

    /// The file's bytes, read now if they were waiting. A failure of that read (a file opened at load whose read then
    /// fails: an I/O error) gives no bytes here and is kept for ``checkReads()``, which fails the render with it.
    public var bytes: [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .deferred(let file):
            switch file.bytes() {
            case .success(let bytes): return bytes
            case .failure(let failure):
                ChartFile.failures.note(failure)
                return []
            }
        }
    }

    /// The file's bytes, or the failure of their read.
    func read() throws(ChartRenderError) -> [UInt8] {
        guard case .deferred(let file) = self else { return bytes }
        switch file.bytes() {
        case .success(let bytes): return bytes
        case .failure(let failure): throw ChartRenderError(.load, "\(failure)")
        }
    }

    /// Throws the first read that failed since the last check (see ``bytes``): a render checks this once its
    /// templates ran, so that no output stands on a file that could not be read.
    public static func checkReads() throws(ChartRenderError) {
        if let failure = failures.takeFirst() { throw ChartRenderError(.load, "\(failure)") }
    }

    private static let failures = FailedReads()

    /// The reads that failed, first first.
    private final class FailedReads: @unchecked Sendable {
        private var all: [ReadError] = []
        private let lock = Lock()

        func note(_ failure: ReadError) { lock.withLock { all.append(failure) } }

        /// The first failure, all of them forgotten.
        func takeFirst() -> ReadError? {
            lock.withLock {
                defer { all.removeAll() }
                return all.first
            }
        }
    }
}
