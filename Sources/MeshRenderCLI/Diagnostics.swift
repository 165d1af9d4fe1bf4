import GoValues
import MeshRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writing results and failures: stdout only gets complete results, stderr gets one-line errors.
enum Diagnostics {
    /// Prints `message` as one line on stderr and exits with status 2 (bad input or usage).
    static func fail(_ message: String) -> Never {
        let line = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        writeError((line.isEmpty ? message : line) + "\n")
        exit(2)
    }

    /// Writes a finished result to stdout, straight from the string's UTF-8 storage (the values' warnings first, on
    /// stderr).
    static func emit(_ text: String) {
        flushWarnings()
        var text = text
        text.withUTF8 { writeAll($0, to: STDOUT_FILENO) }
    }

    /// Writes a finished result that `produce` hands over piece by piece (small pieces are
    /// gathered into one buffer; large ones are written straight from their storage).
    static func emit(_ produce: ((Substring) -> Void) -> Void) {
        flushWarnings()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        produce { piece in
            var piece = piece
            piece.withUTF8 { bytes in
                if buffer.count + bytes.count > buffer.capacity {
                    buffer.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) }
                    buffer.removeAll(keepingCapacity: true)
                }
                if bytes.count >= buffer.capacity {
                    writeAll(bytes, to: STDOUT_FILENO)
                } else {
                    buffer.append(contentsOf: bytes)
                }
            }
        }
        buffer.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) }
    }

    /// `write(2)` until every byte is out; a closed stream (a pipe to `head`) ends it quietly.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            next += written
            left -= written
        }
    }

    /// Ends the process with `status` once the result is out, without first tearing down `results`
    /// (a large release is millions of small objects; freeing them one by one only delays the exit).
    static func finish<T>(status: Int32 = 0, keeping results: T) -> Never {
        flushWarnings()
        // Everything is written (stdio flushed too): nothing registered to run at exit is needed on the way out.
        fflush(nil)
        withExtendedLifetime(results) { _exit(status) }
    }

    /// The warnings the values raised (`ValuesWarnings`), one line each on stderr.
    static func flushWarnings() {
        let (warnings, more) = ValuesWarnings.take()
        for warning in warnings { writeError(warning.description + "\n") }
        if more > 0 { writeError("warning: \(more) more warnings not shown\n") }
    }

    /// Writes a note to stderr (counts of skipped documents and the like).
    static func note(_ text: String) {
        writeError(text + "\n")
    }

    /// Writes `text` to stderr; a byte that is not UTF-8 in it (quoted from a template's data, as in
    /// `invalid UTF-8: ...`) goes out as that byte, as Helm prints it.
    static func writeError(_ text: String) {
        if ByteString.mayHoldBytes(text) {
            ByteString.bytes(text).withUnsafeBufferPointer { writeAll($0, to: STDERR_FILENO) }
            return
        }
        var text = text
        text.withUTF8 { writeAll($0, to: STDERR_FILENO) }
    }
}
