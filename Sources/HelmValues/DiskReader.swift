#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLCore

extension ValuesOptions {
    /// Reads a whole file, failing with Go's wording (`open values.yaml: no such file or
    /// directory`, `read /tmp: is a directory`), as Helm prints it.
    public static func readFileFromDisk(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    /// Reads standard input to its end.
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("read", "-")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    private static func failure(_ operation: String, _ path: String) -> InputError {
        var reason = String(cString: strerror(errno))
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        return InputError("\(operation) \(path): \(reason)", at: nil)
    }
}
