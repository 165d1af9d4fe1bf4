#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run spends its time and memory, for performance work: with `MESHRENDER_PHASES` set in the environment,
/// each `mark(_:)` prints one line to standard error — seconds since the first mark (to a tenth of a millisecond), the resident memory then and
/// the phase that just ended (`phase 1.234 s 610 MB loaded`). Without it, a mark costs one branch.
public enum PhaseClock {
    private static let isOn = getenv("MESHRENDER_PHASES") != nil
    private static let start = now()

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Prints the time and resident memory at the end of `phase` (when `MESHRENDER_PHASES` is set).
    public static func mark(_ phase: @autoclosure () -> String) {
        guard isOn else { return }
        let tenths = Int((now() - start) * 10_000)
        let line = "phase \(tenths / 10_000).\(String(tenths % 10_000 + 10_000).dropFirst()) s \(residentMegabytes()) MB \(phase())\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// The resident set size in MiB (Linux `/proc/self/statm`; 0 elsewhere).
    private static func residentMegabytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
        let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }
}
