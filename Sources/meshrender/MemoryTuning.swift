#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator tuned for a short-lived process that builds large strings: big blocks come
/// from the heap (not a fresh `mmap` each time, which faults every page in again), freed memory is
/// kept for reuse instead of being returned to the system, and the main heap is backed by
/// transparent huge pages. (Sharing that one heap with every thread would cut page faults further,
/// but the threads of a parallel render then wait on its lock: slower overall.)
enum MemoryTuning {
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` (from <malloc.h>, which the Glibc module does not export), looked up at run time.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc's largest allowed value
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 64 << 20)
        reserveHugePageHeap()
        #endif
    }

    #if canImport(Glibc)
    /// Grows the main heap once by `size` (virtual memory only: untouched pages cost nothing; the
    /// trim threshold keeps it) and asks the kernel for transparent huge pages on it, so the pages a
    /// large render touches fault in 2 MiB at a time instead of 4 KiB.
    private static func reserveHugePageHeap(size: Int = 512 << 20) {
        let hugePage = 2 << 20
        let before = Int(bitPattern: sbrk(0))
        // Blocks below the mmap threshold come from the heap; freed, they merge into its top.
        let blocks = (0..<(size / (16 << 20))).map { _ in malloc(16 << 20) }
        blocks.forEach { free($0) }
        let after = Int(bitPattern: sbrk(0))
        let start = (before + hugePage - 1) & ~(hugePage - 1)
        guard after - start >= hugePage, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, (after - start) & ~(hugePage - 1), MADV_HUGEPAGE)
    }
    #endif
}
