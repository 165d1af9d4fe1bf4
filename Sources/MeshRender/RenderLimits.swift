import TemplateEngine
import Platform

/// The bounds every command keeps on its inputs and templates (LIMITS.md), in bytes. Set once, before anything is
/// read or rendered (the CLI's `--max-input-size`, `--max-value-size`, `--max-output-size`).
public enum RenderLimits {
    /// The largest input read: a values file, stdin, a chart file, a manifest.
    public static var maxInputSize: Int {
        get { FileSystem.maxInputSize }
        set { FileSystem.maxInputSize = newValue }
    }
    public static var defaultMaxInputSize: Int { FileSystem.defaultMaxInputSize }

    /// The largest value a template function builds.
    public static var maxValueSize: Int {
        get { BuildLimits.maxValueSize }
        set { BuildLimits.maxValueSize = newValue }
    }
    public static var defaultMaxValueSize: Int { BuildLimits.defaultMaxValueSize }

    /// The largest output of one template (or one `include`/`tpl`).
    public static var maxOutputSize: Int {
        get { BuildLimits.maxOutputSize }
        set { BuildLimits.maxOutputSize = newValue }
    }
    public static var defaultMaxOutputSize: Int { BuildLimits.defaultMaxOutputSize }
}
