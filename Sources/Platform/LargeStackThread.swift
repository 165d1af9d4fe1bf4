import CSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads with a stack of a chosen size, for recursion as deep as the inputs nest (parse trees,
/// template execution) — over POSIX threads, without Foundation's `Thread`.
///
/// A thread started here remembers where its stack ends, so that work asking for a large stack from
/// a thread that still has that much left runs in place instead of on yet another thread: the
/// executable runs each command on one such thread, and parsing and executing templates then start
/// no threads of their own.
public enum LargeStackThread {
    /// Runs `body` with at least `stackSize` bytes of stack and returns its result: in place when the
    /// calling thread (one started here) has that much stack left, else on a new thread, waited for.
    public static func run<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
        if stackLeft() >= stackSize { return body() }
        let box = Box(body)
        let thread = start(stackSize: stackSize, box)
        pthread_join(thread, nil)
        return box.result!
    }

    /// Runs `body` with at least `stackSize` bytes of stack: in place when the calling thread has that
    /// much left (as ``run(stackSize:_:)``), else on a new detached thread, without waiting for it.
    public static func runOrDetach(stackSize: Int, _ body: @escaping () -> Void) {
        if stackLeft() >= stackSize { return body() }
        let thread = start(stackSize: stackSize, Box(body), besideCaller: true)
        pthread_detach(thread)
    }

    /// The stack of the thread that runs a whole command: the template engine's 1 GiB and room
    /// above it for the command's own frames (enough for it to take a share of a render itself).
    public static let commandStackSize = (1 << 30) + (64 << 20)

    /// `[body(0), …, body(count - 1)]`, computed concurrently, each call with at least `stackSize`
    /// bytes of stack: call 0 on the calling thread when it has that much left, the others (or all)
    /// on threads started for them. Work inside that needs the large stack then runs in place
    /// instead of starting threads of its own.
    public static func map<T>(_ count: Int, stackSize: Int, _ body: @escaping (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let inPlace = stackLeft() >= stackSize
        let boxes = (0..<count).map { i in Box { body(i) } }
        let threads = boxes.indices.dropFirst(inPlace ? 1 : 0).map { start(stackSize: stackSize, boxes[$0], besideCaller: inPlace) }
        if inPlace { boxes[0].runBody() }
        for thread in threads { pthread_join(thread, nil) }
        return boxes.map { $0.result! }
    }

    /// Starts `body` on a new detached thread whose stack is `stackSize` bytes, and returns at once.
    public static func spawn(stackSize: Int, _ body: @escaping () -> Void) {
        pthread_detach(start(stackSize: stackSize, Box(body), besideCaller: true))
    }

    /// Starts `body` on a new thread whose stack is `stackSize` bytes and returns at once; the result
    /// is collected with ``Pending/wait()``.
    public static func begin<T>(stackSize: Int, _ body: @escaping () -> T) -> Pending<T> {
        let box = Box(body)
        return Pending(box, thread: start(stackSize: stackSize, box, besideCaller: true))
    }

    /// Work started by ``begin(stackSize:_:)``: its thread is joined by the first ``wait()``, or
    /// detached when nobody waited for it.
    public final class Pending<T>: @unchecked Sendable {
        private let box: Box<T>
        private var thread: pthread_t?
        private let lock = Lock()

        fileprivate init(_ box: Box<T>, thread: pthread_t) {
            self.box = box
            self.thread = thread
        }

        /// The result, waiting for the thread to finish if it has not yet.
        public func wait() -> T {
            lock.withLock {
                if let thread {
                    pthread_join(thread, nil)
                    self.thread = nil
                }
            }
            return box.result!
        }

        deinit {
            if let thread { pthread_detach(thread) }
        }
    }

    /// Bytes of stack left below the caller's frame on a thread started here; 0 on any other thread.
    public static func stackLeft() -> Int {
        guard let low = pthread_getspecific(stackLimitKey) else { return 0 }
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
        return max(0, here - Int(bitPattern: low))
    }

    /// Where each thread started here stops its stack (its lowest usable address).
    nonisolated(unsafe) private static let stackLimitKey: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    fileprivate final class Box<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
    }

    /// Room kept free below the recorded limit (guard page, signal frames, the runtime's own calls).
    private static let reserve = 1 << 20

    /// Starts a thread for `box`. A thread that works `besideCaller` (the caller goes on working
    /// instead of waiting) starts on another CPU than the caller's, then may run anywhere: left to
    /// itself, the scheduler often queues a new thread behind its busy parent and moves it only
    /// when balancing load, a millisecond or more later.
    private static func start<T>(stackSize: Int, _ box: Box<T>, besideCaller: Bool = false) -> pthread_t {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize + reserve)
        let started = Started(box, stackSize: stackSize)
        if besideCaller {
            var allowed = cpu_set_t()
            if csystem_attr_other_cpus(&attributes, &allowed) == 0 { started.allowed = allowed }
        }
        let context = Unmanaged.passRetained(started).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            let started = Unmanaged<Started>.fromOpaque(raw!).takeRetainedValue()
            var marker = 0
            let top = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
            pthread_setspecific(LargeStackThread.stackLimitKey, UnsafeRawPointer(bitPattern: top - started.stackSize))
            if var allowed = started.allowed { csystem_set_own_cpus(&allowed) }
            ThreadHeap.prepareThisThread()
            started.box.runBody()
            return nil
        }, context)
        precondition(status == 0, "pthread_create failed with status \(status)")
        return thread
    }

    /// What a new thread needs: its work and the stack it was promised.
    private final class Started {
        let box: any Runnable
        let stackSize: Int
        /// The CPUs the thread may use once started, when it was started on another CPU than its caller's.
        var allowed: cpu_set_t?
        init(_ box: any Runnable, stackSize: Int) {
            self.box = box
            self.stackSize = stackSize
        }
    }
}

private protocol Runnable: AnyObject {
    func runBody()
}

extension LargeStackThread.Box: Runnable {
    func runBody() { result = body() }
}
