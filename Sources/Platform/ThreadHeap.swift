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

    /// Grows the calling thread's heap by ``reserve`` bytes the first time it is called on a thread.
    public static func prepareThisThread() {
        #if canImport(Glibc)
        guard reserve > 0, pthread_getspecific(preparedKey) == nil else { return }
        pthread_setspecific(preparedKey, UnsafeRawPointer(bitPattern: 1))
        free(malloc(reserve))
        #endif
    }

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
