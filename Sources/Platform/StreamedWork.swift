#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Work on items that arrive one by one while their producer goes on: a thread of its own takes each item as it is
/// submitted, on another core, and ``finish()`` has the caller take what is left too before it returns every item's
/// result in submission order. For a stage that can start on the first of a stage's outputs before the last exists
/// (a chart's rendered files are read for their heads while the next templates execute).
///
/// The work must not depend on the order items are taken in: two threads take them at the end.
public final class StreamedWork<Item, Output>: @unchecked Sendable {
    private let work: (Item) -> Output
    private var items: [Item] = []
    private var outputs: [Output?] = []
    /// The next item to take, and how many outputs are in.
    private var next = 0, done = 0
    private var closed = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when an item arrives, when the work is closed, and when an output is in.
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var worker: LargeStackThread.Pending<Void>?

    /// Starts the thread that takes items (each call of `work` with at least `stackSize` bytes of stack).
    public init(stackSize: Int, _ work: @escaping (Item) -> Output) {
        self.work = work
        mutex.initialize(to: pthread_mutex_t())
        changed.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        worker = LargeStackThread.begin(stackSize: stackSize) { [self] in
            while let (index, item) = take(waiting: true) { put(work(item), at: index) }
        }
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Hands `item` over; its work starts as soon as the thread is free.
    public func submit(_ item: Item) {
        pthread_mutex_lock(mutex)
        items.append(item)
        outputs.append(nil)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// Every submitted item's output, in submission order: the caller works on the items not yet taken, alongside
    /// the thread, and waits for the rest. No item may be submitted after it.
    public func finish() -> [Output] {
        closeItems()
        while let (index, item) = take(waiting: false) { put(work(item), at: index) }
        pthread_mutex_lock(mutex)
        while done < items.count { pthread_cond_wait(changed, mutex) }
        let all = outputs.map { $0! }
        pthread_mutex_unlock(mutex)
        _ = worker?.wait()
        worker = nil
        return all
    }

    /// Ends the work without collecting it (the producer failed): the thread finishes the items it was given and
    /// stops. Call it on every path that does not ``finish()``.
    public func close() {
        closeItems()
        worker = nil  // detached: the thread lets go of this object when it is done
    }

    private func closeItems() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// The next item not yet taken; with `waiting`, waits for one until the work is closed.
    private func take(waiting: Bool) -> (Int, Item)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while next == items.count {
            if closed || !waiting { return nil }
            pthread_cond_wait(changed, mutex)
        }
        next += 1
        return (next - 1, items[next - 1])
    }

    private func put(_ output: Output, at index: Int) {
        pthread_mutex_lock(mutex)
        outputs[index] = output
        done += 1
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
