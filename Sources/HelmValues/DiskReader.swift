import Diagnostics
import Platform

extension ValuesOptions {
    /// Reads a whole file, failing with Go's wording (`open values.yaml: no such file or
    /// directory`, `read /tmp: is a directory`), as Helm prints it.
    public static func readFileFromDisk(_ path: String) throws(InputError) -> [UInt8] {
        try FileSystem.readOrFail(path).mapError { failure($0, path) }.get()
    }

    /// Reads standard input to its end.
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        try FileSystem.readStandardInputOrFail().mapError { failure($0, "-") }.get()
    }

    private static func failure(_ failure: FileSystem.Failure, _ path: String) -> InputError {
        InputError("\(failure.operation) \(path): \(failure.reason)", at: nil)
    }
}
