import ArgumentParser
import TemplateEngine
import Platform

/// The flags that raise the bounds every command keeps on its inputs and templates (LIMITS.md).
/// Each takes a number of MiB from 1 to 1,048,576.
struct LimitFlags: ParsableArguments {
    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp(
            "Largest input read (values file, stdin, chart file, manifest), in MiB. (default: \(FileSystem.defaultMaxInputSize >> 20))",
            valueName: "MiB"))
    var maxInputSize: Int?

    @Option(
        name: .customLong("max-value-size"),
        help: ArgumentHelp(
            "Largest value a template function builds, in MiB. (default: \(BuildLimits.defaultMaxValueSize >> 20))",
            valueName: "MiB"))
    var maxValueSize: Int?

    @Option(
        name: .customLong("max-output-size"),
        help: ArgumentHelp(
            "Largest output of one template, in MiB. (default: \(BuildLimits.defaultMaxOutputSize >> 20))",
            valueName: "MiB"))
    var maxOutputSize: Int?

    /// 1 MiB to 1 TiB.
    static let validSizes = 1...(1 << 20)

    /// The flags' long names without their dashes (`template` takes them among helm's flags).
    static let names = settings.map { String($0.flag.dropFirst(2)) }

    /// The limit flags among `template`'s arguments, checked as the other commands check them.
    static func validate(_ arguments: TemplateArguments) throws {
        _ = try parse(names.flatMap { name in arguments.all(name).flatMap { ["--\(name)", $0] } })
    }

    /// Each flag and what it sets (bytes).
    static let settings: [(flag: String, apply: @Sendable (Int) -> Void)] = [
        ("--max-input-size", { FileSystem.maxInputSize = $0 }),
        ("--max-value-size", { BuildLimits.maxValueSize = $0 }),
        ("--max-output-size", { BuildLimits.maxOutputSize = $0 }),
    ]

    func validate() throws {
        for (flag, size) in zip(Self.settings.map(\.flag), [maxInputSize, maxValueSize, maxOutputSize]) {
            if let size, !Self.validSizes.contains(size) {
                throw ValidationError("\(flag) must be a number of MiB from 1 to \(Self.validSizes.upperBound)")
            }
        }
    }

    /// Applies the limits given on `arguments` before anything is read (values files are read
    /// ahead of parsing, see ``RenderInputsHint``); a malformed value is left to the parser.
    static func applyEarly(_ arguments: [String]) {
        for (flag, apply) in settings {
            var value: String?
            for (i, argument) in arguments.enumerated() {
                if argument == flag, i + 1 < arguments.count {
                    value = arguments[i + 1]
                } else if argument.hasPrefix(flag + "=") {
                    value = String(argument.dropFirst(flag.count + 1))
                }
            }
            if let value, let size = Int(value), validSizes.contains(size) { apply(size << 20) }
        }
    }
}
