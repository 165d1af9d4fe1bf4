import GoValues
import Platform

/// Data made the first time it is read, then kept: what a ``GoStruct`` holds for a large value
/// that templates seldom look at as a whole (the bytes of every chart file as Go's `[]byte`
/// numbers), so that making the struct costs nothing until then. Safe to read from several
/// threads (renders in windows share their structs).
final class DeferredValue: @unchecked Sendable {
    private let lock = Lock()
    private var make: (@Sendable () -> Value)?
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make?() ?? .null
            made = value
            make = nil
            return value
        }
    }
}
