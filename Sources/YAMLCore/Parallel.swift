import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Work spread over the cores, results in order: the one place the pipeline's stages go parallel.
public enum Parallel {
    /// The cores online, read once.
    public static let cores: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// `[body(0), body(1), …, body(count - 1)]`, the calls made concurrently (on every core).
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { slots.deallocate() }
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: count) { i in
            ThreadHeap.prepareThisThread()
            (out.baseAddress! + i).initialize(to: body(i))
        }
        return Array(UnsafeMutableBufferPointer(start: slots.baseAddress, count: count).moveElements())
    }

    /// `(first(), second())`, computed on two threads when `concurrently` holds.
    public static func both<A: Sendable, B: Sendable>(
        concurrently: Bool = true, _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        guard concurrently else { return (first(), second()) }
        nonisolated(unsafe) var a: A?
        nonisolated(unsafe) var b: B?
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            ThreadHeap.prepareThisThread()
            if i == 0 { a = first() } else { b = second() }
        }
        return (a!, b!)
    }
}

extension UnsafeMutableBufferPointer {
    /// The elements, moved out (the memory is left uninitialized).
    fileprivate func moveElements() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for i in indices { out.append((baseAddress! + i).move()) }
        return out
    }
}
