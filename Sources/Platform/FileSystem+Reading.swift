/// A file or standard input that could not be read, on one line as Go words it: the call that failed, the path and
/// the reason (`open values.yaml: no such file or directory`, `read -: input larger than 256 MiB (…)`), or Helm's
/// refusal of an irregular file.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole line.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    init(_ failure: FileSystem.Failure, path: String) {
        self.init("\(failure.operation) \(path): \(failure.reason)")
    }
}

extension FileSystem {
    /// The whole of `path` (at most ``maxInputSize`` bytes): the one way a values file, a chart file or a manifest is
    /// read. `refusingIrregular`: a device, pipe or socket is refused as Helm refuses it in a chart, rather than read.
    public static func readFile(_ path: String, refusingIrregular: Bool = false) throws(ReadError) -> [UInt8] {
        if refusingIrregular, isIrregular(path) {
            throw ReadError("cannot load irregular file \(path) as it has file mode type bits set")
        }
        switch readOrFail(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw ReadError(failure, path: path)
        }
    }

    /// Standard input to its end (at most ``maxInputSize`` bytes); a failure names it `-`.
    public static func readStandardInputToEnd() throws(ReadError) -> [UInt8] {
        switch readStandardInputOrFail() {
        case .success(let bytes): return bytes
        case .failure(let failure): throw ReadError(failure, path: "-")
        }
    }
}
