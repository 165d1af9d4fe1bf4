#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Heap set-up for the threads that do the pipeline's work.
///
/// glibc gives each thread but the main one a heap of its own that grows one `mprotect` call at a
/// time, often a single page: a thread that builds megabytes of output makes thousands of such calls.
/// An executable that opts in (``reserve``) has each worker thread grow its heap once, up front, by
/// that many bytes (address space only: no page is touched until it is used).
public enum ThreadHeap {
    /// Bytes to grow each worker thread's heap by, before its first real allocation; 0 (the default,
    /// for library use) leaves the allocator alone. Set once, before any thread starts.
    nonisolated(unsafe) public static var reserve = 0

    /// Whether worker heaps are backed by transparent huge pages where the system grants them (``useHugePages()``).
    nonisolated(unsafe) public private(set) static var hugePages = false

    /// Grows the calling thread's heap by ``reserve`` bytes the first time it is called on a thread (asking for huge
    /// pages for them when ``hugePages`` is set).
    public static func prepareThisThread() {
        #if canImport(Glibc)
        guard reserve > 0, pthread_getspecific(preparedKey) == nil else { return }
        pthread_setspecific(preparedKey, UnsafeRawPointer(bitPattern: 1))
        var block = malloc(reserve)
        if hugePages, let first = block {
            block = startingAtHugePage(first)
            if let block { adviseHugePages(from: UInt(bitPattern: block), to: UInt(bitPattern: block) + UInt(reserve)) }
        }
        free(block)
        #endif
    }

    /// Asks for transparent huge pages (`madvise(MADV_HUGEPAGE)`) for the heaps of worker threads prepared from now on
    /// (``prepareThisThread()``): a render fills some tens of megabytes of fresh heap, and then takes one page fault
    /// per 2 MiB instead of one per 4 KiB. Where the system gives no huge page on request, nothing changes. Call once,
    /// before any thread starts.
    public static func useHugePages() {
        hugePages = true
    }

    #if canImport(Glibc)
    private static let hugePageSize: UInt = 2 << 20

    /// `block` (``reserve`` bytes from the top of the heap) again, moved up to the next huge page boundary: the space
    /// below it is kept allocated and untouched (address space only). The heap's blocks then start on a huge page; a
    /// 2 MiB range with a small page already in it (the heap's own header) would get no huge page.
    private static func startingAtHugePage(_ block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        let start = UInt(bitPattern: block)
        let boundary = (start + hugePageSize - 1) & ~(hugePageSize - 1)
        guard boundary - start > 4096 else { return block }
        free(block)
        // Held by the thread's key (a block nobody holds would be left out by the compiler).
        if let kept = malloc(Int(boundary - start) - 32) { pthread_setspecific(preparedKey, kept) }
        return malloc(reserve)
    }

    /// `madvise(MADV_HUGEPAGE)` over the whole huge pages between `from` and `to`.
    private static func adviseHugePages(from: UInt, to: UInt) {
        let start = (from + hugePageSize - 1) & ~(hugePageSize - 1), end = to & ~(hugePageSize - 1)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE)
    }
    #endif

    /// Sets glibc's allocator for a short-lived process that builds large strings: blocks up to
    /// `mmapThreshold` come from the heap (not a fresh `mmap` each, which faults every page in again),
    /// freed memory is kept (`trimThreshold`), the main heap grows `topPad` bytes at a time, and worker
    /// heaps grow ``reserve`` bytes up front.
    public static func tune(mmapThreshold: Int32, trimThreshold: Int32, topPad: Int32, workerReserve: Int) {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        _ = mallopt(M_TOP_PAD, topPad)
        reserve = workerReserve
        #endif
    }

    #if canImport(Glibc)
    private static let preparedKey: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()
    #endif
}
