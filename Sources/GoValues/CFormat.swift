#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's `printf` formatting of one floating-point number, for the conversions Go's `strconv` shares
/// with C (`%.6e`, `%.2f`): correctly rounded by the C library, without Foundation's `String(format:)`.
public enum CFormat {
    /// `value` formatted by the C conversion `%.<precision><conversion>` (`conversion` is one of
    /// `e E f g G`).
    public static func double(_ value: Double, precision: Int, conversion: Character) -> String {
        let format = "%.\(precision)\(conversion)"
        var capacity = 64
        while true {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            let written = withVaList([value]) { vsnprintf(buffer, capacity, format, $0) }
            if written < 0 { return "" }
            if Int(written) < capacity { return String(cString: buffer) }
            capacity = Int(written) + 1
        }
    }
}
