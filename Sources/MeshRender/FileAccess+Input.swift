import Diagnostics
import Platform

extension FileAccess {
    /// `readFile`, a ``ReadError`` turned into the one-line `InputError` it words (other errors passed on).
    func readFileReportingInput(_ path: String) throws -> [UInt8] {
        do {
            return try readFile(path)
        } catch let error as ReadError {
            throw InputError("\(error)", at: nil)
        }
    }

    /// `readStdin`, a ``ReadError`` turned into the one-line `InputError` it words (other errors passed on).
    func readStdinReportingInput() throws -> [UInt8] {
        do {
            return try readStdin()
        } catch let error as ReadError {
            throw InputError("\(error)", at: nil)
        }
    }

    /// `readStdin` with any failure as an `InputError`.
    func readStdinAsInput() throws(InputError) -> [UInt8] {
        do {
            return try readStdinReportingInput()
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot read standard input: \(error)", at: nil)
        }
    }
}
