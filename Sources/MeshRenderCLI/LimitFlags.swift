import ArgumentParser
import MeshRender

/// The flags that raise the bounds every command keeps on its inputs and templates (LIMITS.md).
/// Each takes a number of MiB from 1 to 1,048,576.
struct LimitFlags: ParsableArguments {
    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp(
            "Largest input read (values file, stdin, chart file, manifest), in MiB. (default: \(RenderLimits.defaultMaxInputSize >> 20))",
            valueName: "MiB"))
    var maxInputSize: Int?

    @Option(
        name: .customLong("max-value-size"),
        help: ArgumentHelp(
            "Largest value a template function builds, in MiB. (default: \(RenderLimits.defaultMaxValueSize >> 20))",
            valueName: "MiB"))
    var maxValueSize: Int?

    @Option(
        name: .customLong("max-output-size"),
        help: ArgumentHelp(
            "Largest output of one template, in MiB. (default: \(RenderLimits.defaultMaxOutputSize >> 20))",
            valueName: "MiB"))
    var maxOutputSize: Int?

    /// 1 MiB to 1 TiB.
    static let validSizes = 1...(1 << 20)

    /// The flags' long names without their dashes (`template` takes them among helm's flags).
    static let names = settings.map { String($0.flag.dropFirst(2)) }

    /// The limit flags among `template`'s arguments, checked as the other commands check them, then applied.
    static func apply(_ arguments: TemplateArguments) throws {
        let given = names.flatMap { name in arguments.all(name).flatMap { ["--\(name)", $0] } }
        // None given: the defaults stand, and ArgumentParser's start-up work is not needed.
        guard !given.isEmpty else { return }
        try parse(given).apply()
    }

    /// Each flag and what it sets (bytes).
    static let settings: [(flag: String, apply: @Sendable (Int) -> Void)] = [
        ("--max-input-size", { RenderLimits.maxInputSize = $0 }),
        ("--max-value-size", { RenderLimits.maxValueSize = $0 }),
        ("--max-output-size", { RenderLimits.maxOutputSize = $0 }),
    ]

    func validate() throws {
        for (flag, size) in zip(Self.settings.map(\.flag), [maxInputSize, maxValueSize, maxOutputSize]) {
            if let size, !Self.validSizes.contains(size) {
                throw ValidationError("\(flag) must be a number of MiB from 1 to \(Self.validSizes.upperBound)")
            }
        }
    }

    /// Sets the limits given (the others keep their defaults): once parsed, before the command reads anything.
    func apply() {
        for ((_, set), size) in zip(Self.settings, [maxInputSize, maxValueSize, maxOutputSize]) {
            if let size { set(size << 20) }
        }
    }
}

/// A command that takes the limit flags: ``Meshrender`` applies them once the command line is parsed.
protocol TakesLimitFlags {
    var limits: LimitFlags { get }
}

extension RenderCommand: TakesLimitFlags {}
extension VerifyCommand: TakesLimitFlags {}
extension MatrixCommand: TakesLimitFlags {}
extension DiffCommand: TakesLimitFlags {}
extension LintCommand: TakesLimitFlags {}
extension PostRenderCommand: TakesLimitFlags {}
