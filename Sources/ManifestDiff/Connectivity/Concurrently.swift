import Dispatch
import YAMLCore

/// Two pieces of work at once (on two cores when there are): the evaluation of both releases.
enum Concurrently {
    /// Runs `first` and `second` at the same time and returns both results; when both fail, `first`'s
    /// error is thrown.
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () throws(InputError) -> A, _ second: @Sendable () throws(InputError) -> B
    ) throws(InputError) -> (A, B) {
        let (a, b) = both({ Result { () throws(InputError) in try first() } }, { Result { () throws(InputError) in try second() } })
        return (try a.get(), try b.get())
    }

    /// Runs `first` and `second` at the same time and returns both results.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = ParallelSlots<Either<A, B>>(count: 2)
        results.run { i in i == 0 ? .first(first()) : .second(second()) }
        // Both slots are filled by `run`; the fallbacks only keep this total.
        let a: A = if case .first(let value)? = results[0] { value } else { first() }
        let b: B = if case .second(let value)? = results[1] { value } else { second() }
        return (a, b)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}

/// Frees large temporary structures on a background thread, so the caller goes on at once.
enum Disposal {
    /// Releases the caller's `value` (its last reference, once the caller's own copies are gone) on a
    /// background thread.
    static func inBackground<T: Sendable>(_ value: T) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }
}
