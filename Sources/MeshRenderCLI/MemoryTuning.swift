#if canImport(Glibc)
import Glibc
#endif
import Platform

/// glibc's allocator tuned for a short-lived process that builds large strings (see
/// ``ThreadHeap/tune(mmapThreshold:trimThreshold:topPad:workerReserve:)``), with transparent huge pages for
/// `render` and `template` only. (Tried and dropped: one heap for all threads — parallel renders then wait on its
/// lock.)
enum MemoryTuning {
    /// `command`: the subcommand named on the command line. `render` and `template` also ask for transparent huge
    /// pages for the heaps (``ThreadHeap/useHugePages()``): a chart's render fills some tens of megabytes of fresh
    /// heap, and a sixth of its time went to faulting it in 4 KiB at a time. (The other subcommands stay on small
    /// pages: zeroing whole 2 MiB pages made `diff` slower.) `MESHRENDER_SMALL_PAGES` set in the environment keeps
    /// them on small pages too: on a virtual machine that hands freed memory back to its host, a huge page taken soon
    /// after another process freed a lot is faulted in on the host first, and a 20 ms render can take 60–120 ms.
    static func apply(command: String?) {
        ThreadHeap.tune(
            mmapThreshold: 32 << 20,  // glibc's largest allowed value
            trimThreshold: 1 << 30,
            topPad: 64 << 20,
            workerReserve: 24 << 20  // below the mmap threshold, within one 64 MiB worker heap
        )
        let hugePages = command == "render" || command == "template"
        if hugePages, getenv("MESHRENDER_SMALL_PAGES") == nil { ThreadHeap.useHugePages() }
    }
}
