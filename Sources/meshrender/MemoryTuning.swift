#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator tuned for a short-lived process that builds large strings: big blocks come
/// from the heap (not a fresh `mmap` each time, which faults every page in again) and freed memory
/// is kept for reuse instead of being returned to the system. (Tried and dropped: one heap for all
/// threads — parallel renders then wait on its lock; transparent huge pages for the heap — fewer
/// faults, but zeroing whole 2 MiB pages made `diff` slower.)
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
        #endif
    }
}
