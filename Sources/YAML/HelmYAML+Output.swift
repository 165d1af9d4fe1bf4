/// The emitter's output buffer and cursor state: column, current indent, and whether the last
/// thing written was whitespace / indentation (these decide where spaces and line breaks go).
struct BlockEmitter {
    static let bestIndent = 2

    /// Layout differences between go-yaml v2 (`toYaml`) and go-yaml v3 (`toYamlPretty`).
    struct Layout {
        /// Plain and quoted scalars fold at spaces once a line is past this column (v2: 80;
        /// v3 as Helm uses it: never).
        var bestWidth: Int
        /// v3 indents a sequence under its mapping key; v2 starts its `- ` at the key's column.
        var indentSequencesInMappings: Bool
        /// v3 writes tabs raw inside literal blocks; v2 double-quotes any text with a tab.
        var tabsAllowedInBlocks: Bool

        static let goYAMLv2 = Layout(bestWidth: 80, indentSequencesInMappings: false, tabsAllowedInBlocks: false)
        static let goYAMLv3 = Layout(bestWidth: Int.max, indentSequencesInMappings: true, tabsAllowedInBlocks: true)
    }

    let layout: Layout
    var bestWidth: Int { layout.bestWidth }

    var bytes: [UInt8] = []
    var column = 0
    /// Indent of the current block; -1 at the document root.
    var indent = -1
    var whitespace = true
    var indention = true

    init(layout: Layout = .goYAMLv2) {
        self.layout = layout
        bytes.reserveCapacity(256)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always) mutating func put(_ c: UInt8) {
        bytes.append(c)
        column += 1
    }

    @inline(__always) mutating func putBreak() {
        bytes.append(0x0A)
        column = 0
    }

    /// Copies one UTF-8 character of `v` at `i` (one column) and advances `i`.
    @inline(__always) mutating func writeChar(_ v: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        let w = min(YAMLChars.width(v[i]), v.count - i)
        for k in 0..<w { bytes.append(v[i + k]) }
        column += 1
        i += w
    }

    /// Copies a line break of `v` at `i`: `\n` as a newline, other breaks verbatim.
    mutating func writeBreak(_ v: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        if v[i] == 0x0A {
            putBreak()
            i += 1
        } else {
            writeChar(v, &i)
            column = 0
            indention = true
        }
    }

    /// Moves to a fresh line (unless already at the indent) and pads to the current indent.
    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        if column < target {
            appendSpaces(target - column)
            column = target
        }
        whitespace = true
        indention = true
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    /// Appends `n` blanks (column bookkeeping is the caller's).
    mutating func appendSpaces(_ n: Int) {
        var left = n
        while left > 0 {
            let chunk = min(left, 64)
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<chunk])) }
            left -= chunk
        }
    }

    /// Writes an indicator (`-`, `:`, `?`, `|`, quotes, `[`...), with a separating space if needed.
    mutating func writeIndicator(_ text: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        text.withUTF8Buffer { buf in
            for c in buf { put(c) }
        }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    /// Increases the indent for a nested block; returns the indent to restore afterwards.
    mutating func increaseIndent(flow: Bool, indentless: Bool) -> Int {
        let saved = indent
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
        return saved
    }
}
