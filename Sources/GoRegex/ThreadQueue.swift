/// The threads of the machine at one input position: a sparse set of the instructions already
/// visited there (so each is followed once) and the threads (instructions that consume a rune or
/// match) in priority order, each with its capture slots. Storage is allocated once per search.
final class ThreadQueue {
    let sparse: UnsafeMutablePointer<Int32>
    let dense: UnsafeMutablePointer<Int32>
    var denseCount = 0
    let threads: UnsafeMutablePointer<Int32>
    var threadCount = 0
    /// `ncap` slots per thread, thread by thread.
    let caps: UnsafeMutablePointer<Int>

    init(size: Int, ncap: Int) {
        sparse = .allocate(capacity: size)
        sparse.initialize(repeating: 0, count: size)
        dense = .allocate(capacity: size)
        threads = .allocate(capacity: size)
        caps = .allocate(capacity: max(1, size * ncap))
    }

    deinit {
        sparse.deallocate()
        dense.deallocate()
        threads.deallocate()
        caps.deallocate()
    }

    @inline(__always)
    func contains(_ pc: Int) -> Bool {
        let j = Int(sparse[pc])
        return j < denseCount && dense[j] == Int32(pc)
    }

    @inline(__always)
    func insert(_ pc: Int) {
        sparse[pc] = Int32(denseCount)
        dense[denseCount] = Int32(pc)
        denseCount += 1
    }

    @inline(__always)
    func clear() {
        denseCount = 0
        threadCount = 0
    }
}
