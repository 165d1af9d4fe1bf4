import Platform

/// glibc's allocator tuned for a short-lived process that builds large strings (see
/// ``ThreadHeap/tune(mmapThreshold:trimThreshold:topPad:workerReserve:)``). (Tried and dropped: one
/// heap for all threads — parallel renders then wait on its lock; transparent huge pages for the
/// heap — fewer faults, but zeroing whole 2 MiB pages made `diff` slower.)
enum MemoryTuning {
    static func apply() {
        ThreadHeap.tune(
            mmapThreshold: 32 << 20,  // glibc's largest allowed value
            trimThreshold: 1 << 30,
            topPad: 64 << 20,
            workerReserve: 24 << 20  // below the mmap threshold, within one 64 MiB worker heap
        )
    }
}
