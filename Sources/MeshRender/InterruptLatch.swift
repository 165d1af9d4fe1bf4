#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The signal that arrived while a latch was held (0: none). Written only by the handler.
nonisolated(unsafe) private var latchedSignal: Int32 = 0

/// Holds SIGINT and SIGTERM while files are written: instead of ending the process part-way, a
/// signal is noted, and the writer finishes or undoes its step, cleans up, and reports
/// ``OutputDirectory/Interrupted``.
public struct InterruptLatch {
    private static let signals: [Int32] = [SIGINT, SIGTERM]
    private var previous: [sigaction] = []

    /// Installs the handlers (the previous ones come back with ``release()``).
    init() {
        latchedSignal = 0
        for signal in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { latchedSignal = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
    }

    /// The signal that arrived since the latch was installed, if any.
    var signal: Int32? { latchedSignal == 0 ? nil : latchedSignal }

    /// Makes SIGINT and SIGTERM end the process at once with status 128 + the signal (130, 143),
    /// outside the latches that writes hold (nothing is half-written then).
    public static func exitOnInterrupt() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _exit(128 + $0) }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Puts the previous handlers back.
    func release() {
        for (signal, old) in zip(Self.signals, previous) {
            var old = old
            sigaction(signal, &old, nil)
        }
    }
}
