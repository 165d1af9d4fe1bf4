#if canImport(Glibc)
import Glibc
#endif
import Platform

/// glibc's allocator tuned for a short-lived process that builds large strings (see
/// ``ThreadHeap/tune(mmapThreshold:trimThreshold:topPad:workerReserve:)``), on small pages unless asked for transparent
/// huge pages. (Tried and dropped: one heap for all threads — parallel renders then wait on its lock.)
enum MemoryTuning {
    /// `command`: the subcommand named on the command line. With `MESHRENDER_HUGE_PAGES` set in the environment,
    /// `render` and `template` ask for transparent huge pages for the heaps (``ThreadHeap/useHugePages()``): a chart's
    /// render fills some tens of megabytes of fresh heap, and takes one page fault per 2 MiB instead of one per 4 KiB
    /// (kube-prometheus-stack: 31 against 38 ms, runs back to back). Not by default: a huge page is taken from the
    /// system's free 2 MiB blocks, which a virtual machine that returns free memory to its host (free page reporting)
    /// has handed back, and the host faults all of it in again as it is zeroed. Runs 2.5 s apart on such a machine:
    /// kube-prometheus-stack 106 ms on huge pages against 36 on small ones, Vald 77 against 25. (The other subcommands
    /// never use them: zeroing whole 2 MiB pages made `diff` slower.)
    static func apply(command: String?) {
        ThreadHeap.tune(
            mmapThreshold: 32 << 20,  // glibc's largest allowed value
            trimThreshold: 1 << 30,
            topPad: 64 << 20,
            workerReserve: 24 << 20  // below the mmap threshold, within one 64 MiB worker heap
        )
        let hugePages = command == "render" || command == "template"
        if hugePages, getenv("MESHRENDER_HUGE_PAGES") != nil { ThreadHeap.useHugePages() }
    }
}
