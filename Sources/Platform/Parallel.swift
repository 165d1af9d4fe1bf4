import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Work spread over the cores, results in order: the one place the pipeline's stages go parallel.
public enum Parallel {
    /// The cores online, read once.
    public static let cores: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// `[body(0), body(1), …, body(count - 1)]`, the calls made concurrently (on every core): the
    /// caller and one thread per further core, started on another CPU than the caller's
    /// (``LargeStackThread``), take the calls in order as each comes free.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = min(count, cores)
        guard workers > 1 else { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { slots.deallocate() }
        nonisolated(unsafe) let out = slots
        withoutActuallyEscaping(body) { body in
            // Calls are handed out in order as threads come free, so uneven calls balance out.
            let next = Counter()
            _ = LargeStackThread.map(workers, stackSize: workerStackSize) { _ in
                while case let i = next.take(), i < count {
                    (out.baseAddress! + i).initialize(to: body(i))
                }
            }
        }
        return Array(UnsafeMutableBufferPointer(start: slots.baseAddress, count: count).moveElements())
    }

    /// `(first(), second())`, computed on two threads when `concurrently` holds (and there is more
    /// than one core): `first` on the caller's.
    public static func both<A: Sendable, B: Sendable>(
        concurrently: Bool = true, _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        guard concurrently, cores > 1 else { return (first(), second()) }
        nonisolated(unsafe) var a: A?
        nonisolated(unsafe) var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                _ = LargeStackThread.map(2, stackSize: workerStackSize) { i in
                    if i == 0 { a = first() } else { b = second() }
                }
            }
        }
        return (a!, b!)
    }

    /// The stack of each share's thread: room for the parsers' deepest accepted nesting (YAML's
    /// 10,000 levels, see `YAMLParser.stackPerLevel`) and the walks over what they built. Address
    /// space only: pages are touched as the stack really grows.
    static let workerStackSize = 256 << 20

    /// A shared count of the calls handed out.
    private final class Counter: @unchecked Sendable {
        private let next = Atomic<Int>(0)

        /// The next call's index (counting past the end once all are handed out).
        func take() -> Int {
            next.wrappingAdd(1, ordering: .relaxed).oldValue
        }
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
