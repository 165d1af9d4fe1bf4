import Diagnostics
import Platform

extension ValuesOptions {
    /// Reads a whole file (``FileSystem/readFile(_:refusingIrregular:)``), failing with Go's wording
    /// (`open values.yaml: no such file or directory`, `read /tmp: is a directory`), as Helm prints it.
    public static func readFileFromDisk(_ path: String) throws(InputError) -> [UInt8] {
        do { return try FileSystem.readFile(path) } catch { throw InputError("\(error)", at: nil) }
    }

    /// Reads standard input to its end.
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        do { return try FileSystem.readStandardInputToEnd() } catch { throw InputError("\(error)", at: nil) }
    }
}
