import Platform

/// What a render made and no longer needs (its template set and execution session: every parsed
/// tree and every map the templates touched), handed to the result instead of being freed on the
/// way out. The CLI prints the result and exits without freeing it (``Rendered``), so a large
/// release spends no time taking millions of small objects apart; a library caller frees them
/// with the result, as before.
final class KeptObjects: @unchecked Sendable {
    private let lock = Lock()
    private var objects: [Any] = []

    func keep(_ object: Any) {
        lock.withLock { objects.append(object) }
    }
}
