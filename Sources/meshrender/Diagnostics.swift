import Foundation

/// Writing results and failures: stdout only gets complete results, stderr gets one-line errors.
enum Diagnostics {
    /// Prints `message` as one line on stderr and exits with status 2 (bad input or usage).
    static func fail(_ message: String) -> Never {
        let line = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        FileHandle.standardError.write(Data((line.isEmpty ? message : line).utf8))
        FileHandle.standardError.write(Data("\n".utf8))
        exit(2)
    }

    /// Writes a finished result to stdout in one piece.
    static func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a note to stderr (counts of skipped documents and the like).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
