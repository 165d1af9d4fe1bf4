/// The flags a pattern can set with `(?imsU)`, as they stand at a point of the parse.
struct ParseFlags: OptionSet, Sendable {
    let rawValue: UInt8
    /// `(?i)`: case-insensitive.
    static let foldCase = ParseFlags(rawValue: 1)
    /// `(?s)`: `.` matches `\n`.
    static let dotNL = ParseFlags(rawValue: 2)
    /// Not `(?m)`: `^` and `$` match only at the start and end of the text.
    static let oneLine = ParseFlags(rawValue: 4)
    /// `(?U)`: repetitions are lazy unless followed by `?`.
    static let nonGreedy = ParseFlags(rawValue: 8)
}
