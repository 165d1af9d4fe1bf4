#if canImport(Glibc)
import Glibc
#endif
import Platform

/// The events a composer reads: straight from libyaml, or — for large inputs on a machine with
/// more than one core — from libyaml running ahead on a thread of its own.
///
/// Pipelining changes nothing the composer sees: the same events arrive in the same order, and a
/// libyaml error arrives where the sequential reader would have thrown it. The reading thread stays
/// a bounded number of batches ahead, and stops as soon as the composer is done with the stream
/// (an error of its own included).
final class EventStream {
    private let reader: EventReader?
    private let channel: EventChannel?
    private let file: String
    /// The batch being read: its events are moved out one by one.
    private var batch = EventBatch.empty
    private var position = 0

    /// Inputs of at least this many bytes are read on a thread of their own (below it, starting
    /// a thread costs more than the overlap saves).
    static let pipelineThreshold = 32 << 10

    init(reader: EventReader, file: String, pipelined: Bool) {
        self.file = file
        if pipelined {
            let channel = EventChannel()
            self.channel = channel
            self.reader = nil
            LargeStackThread.spawn(stackSize: 1 << 20) { channel.produce(from: reader, file: file) }
        } else {
            self.reader = reader
            self.channel = nil
        }
    }

    deinit {
        batch.release(from: position)
        channel?.cancel()
    }

    func next() throws(YAMLError) -> Event {
        guard let channel else { return try reader!.next(file: file) }
        if position == batch.count {
            if let error = batch.error { throw error }
            batch.release(from: position)
            batch = channel.take()
            position = 0
            if batch.count == 0, let error = batch.error { throw error }
        }
        position += 1
        return batch.take(position - 1)
    }
}

/// Events read ahead, in memory the composer moves them out of (no copy, no reference counting
/// per event), and the error that ended the stream, if any, after them.
struct EventBatch: @unchecked Sendable {
    var events: UnsafeMutablePointer<Event>?
    var count: Int
    var error: YAMLError?

    static let empty = EventBatch(events: nil, count: 0, error: nil)

    /// The event at `i`, moved out (each index is taken once).
    func take(_ i: Int) -> Event { (events! + i).move() }

    /// Frees the batch; the events from `i` on, not taken, are destroyed first.
    func release(from i: Int) {
        guard let events else { return }
        if i < count { (events + i).deinitialize(count: count - i) }
        events.deallocate()
    }
}

/// Batches of events handed from the reading thread to the composing one.
private final class EventChannel: @unchecked Sendable {
    private var batches: [EventBatch] = []
    private var cancelled = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// Events per batch, and batches the reader may run ahead.
    private static let batchSize = 512, maxBatches = 16

    init() {
        mutex.initialize(to: pthread_mutex_t())
        changed.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        for batch in batches { batch.release(from: 0) }
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Reads every event of `reader` (through the end of the stream or the first error) into batches.
    func produce(from reader: EventReader, file: String) {
        var done = false
        while !done {
            let events = UnsafeMutablePointer<Event>.allocate(capacity: Self.batchSize)
            var batch = EventBatch(events: events, count: 0, error: nil)
            while batch.count < Self.batchSize && !done {
                do throws(YAMLError) {
                    let event = try reader.next(file: file)
                    if case .streamEnd = event.kind { done = true }
                    (events + batch.count).initialize(to: event)
                    batch.count += 1
                } catch {
                    batch.error = error
                    done = true
                }
            }
            pthread_mutex_lock(mutex)
            while batches.count >= Self.maxBatches && !cancelled { pthread_cond_wait(changed, mutex) }
            if cancelled {
                pthread_mutex_unlock(mutex)
                batch.release(from: 0)
                return
            }
            batches.append(batch)
            pthread_cond_signal(changed)
            pthread_mutex_unlock(mutex)
        }
    }

    /// The next batch, waiting for it. The composer never asks past the end of the stream or an
    /// error, so a batch always comes.
    func take() -> EventBatch {
        pthread_mutex_lock(mutex)
        while batches.isEmpty { pthread_cond_wait(changed, mutex) }
        let next = batches.removeFirst()
        pthread_cond_signal(changed)
        pthread_mutex_unlock(mutex)
        return next
    }

    /// The composer is done: the reader stops at its next batch.
    func cancel() {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_signal(changed)
        pthread_mutex_unlock(mutex)
    }
}
