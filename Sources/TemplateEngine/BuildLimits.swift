import GoValues

/// Bounds on what templates build, so that no template can exhaust memory (`range until
/// 2000000000`, `repeat 2000000000 "x"`, a string doubled in a loop): a function's result and a
/// template's output past these sizes is a template error at the call. Process-wide settings, set
/// before rendering (the command line's `--max-value-size` and `--max-output-size`; LIMITS.md).
public enum BuildLimits {
    /// The largest value a function may build, in bytes: a string's UTF-8 bytes, or
    /// ``listElementSize`` bytes per list element. Default 256 MiB.
    public static var maxValueSize: Int {
        get { settings[0] }
        set { settings[0] = newValue }
    }

    /// The largest output of one template (or one `include`/`tpl`), in bytes. Default 512 MiB.
    public static var maxOutputSize: Int {
        get { settings[1] }
        set { settings[1] = newValue }
    }

    /// The two settings, read at every function result and output write. Kept behind a pointer:
    /// they are set once before rendering, and reads through a pointer need none of the dynamic
    /// exclusivity checks a global variable's reads pay.
    nonisolated(unsafe) private static let settings: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        p.initialize(from: [defaultMaxValueSize, defaultMaxOutputSize], count: 2)
        return p
    }()

    /// The default of ``maxValueSize``: 256 MiB.
    public static let defaultMaxValueSize = 256 << 20
    /// The default of ``maxOutputSize``: 512 MiB.
    public static let defaultMaxOutputSize = 512 << 20
    /// What one list element counts for against ``maxValueSize``.
    public static let listElementSize = 16

    /// Refuses a string of `bytes` bytes (computed before it is built).
    public static func checkString(bytes: Int) throws(FunctionError) {
        if bytes > maxValueSize { throw FunctionError(valueMessage(bytes)) }
    }

    /// Refuses a list of `count` elements (computed before it is built).
    public static func checkList(count: Int) throws(FunctionError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: listElementSize)
        if overflow || bytes > maxValueSize { throw FunctionError(valueMessage(overflow ? Int.max : bytes)) }
    }

    /// The error of a function result over ``maxValueSize`` (nil when it is within).
    static func oversizedResult(_ value: Value) -> String? {
        switch value {
        case .string(let s) where s.utf8.count > maxValueSize: return valueMessage(s.utf8.count)
        case .list(let l) where l.count > maxValueSize / listElementSize: return valueMessage(l.count * listElementSize)
        default: return nil
        }
    }

    static func valueMessage(_ bytes: Int) -> String {
        "result too large (\(describe(bytes))): over the \(maxValueSize >> 20) MiB limit on a value a function builds "
            + "(--max-value-size MIB raises it)"
    }

    static var outputMessage: String {
        "output larger than \(maxOutputSize >> 20) MiB (the limit on one template's output; --max-output-size MIB raises it)"
    }

    private static func describe(_ bytes: Int) -> String {
        bytes == Int.max ? "more than 2^63 bytes" : "\(bytes) bytes"
    }
}
