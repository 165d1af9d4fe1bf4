import ArgumentParser
import YAMLCore

/// The flags that raise the bounds every command keeps on its inputs (see LIMITS.md).
struct LimitFlags: ParsableArguments {
    static let maxInputSizeName = "--max-input-size"

    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp(
            "Largest input read (values file, stdin, chart file, manifest), in MiB. (default: \(FileSystem.defaultMaxInputSize >> 20))",
            valueName: "MiB"))
    var maxInputSize: Int?

    func validate() throws {
        if let size = maxInputSize, !Self.validSizes.contains(size) {
            throw ValidationError("\(Self.maxInputSizeName) must be a number of MiB from 1 to \(Self.validSizes.upperBound)")
        }
    }

    /// 1 MiB to 1 TiB.
    static let validSizes = 1...(1 << 20)

    /// Applies the limits given on `arguments` before they are parsed (values files are read
    /// ahead of parsing, see ``RenderInputsHint``); a malformed value is left to the parser.
    static func applyEarly(_ arguments: [String]) {
        var value: String?
        for (i, argument) in arguments.enumerated() {
            if argument == maxInputSizeName, i + 1 < arguments.count {
                value = arguments[i + 1]
            } else if argument.hasPrefix(maxInputSizeName + "=") {
                value = String(argument.dropFirst(maxInputSizeName.count + 1))
            }
        }
        if let value, let size = Int(value), validSizes.contains(size) { FileSystem.maxInputSize = size << 20 }
    }
}
