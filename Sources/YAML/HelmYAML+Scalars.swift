/// Scalar styles and their writers, with go-yaml's choices: the encoder asks for a style
/// (literal for text with `\n`, double quotes for text that would re-resolve as another type,
/// plain otherwise) and the emitter falls back (plain → single → double, literal → double) when
/// the characters do not allow the style asked for.
enum ScalarStyle {
    case plain, singleQuoted, doubleQuoted, literal

    /// The style go-yaml's encoder requests for a string value.
    static func requested(forString s: String) -> ScalarStyle {
        if s.utf8.contains(0x0A) { return .literal }
        return PlainResolution.needsQuotes(s) ? .doubleQuoted : .plain
    }
}

extension BlockEmitter {
    /// The style the emitter actually uses.
    static func select(_ requested: ScalarStyle, _ a: ScalarAnalysis, empty: Bool, simpleKey: Bool) -> ScalarStyle {
        var style = requested
        if simpleKey && a.multiline { style = .doubleQuoted }
        if style == .plain {
            if !a.plainAllowed || (empty && simpleKey) { style = .singleQuoted }
        }
        if style == .singleQuoted && !a.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!a.blockAllowed || simpleKey) { style = .doubleQuoted }
        return style
    }

    /// Writes a scalar at the current position (after `key:`, `- `, `? ` or at the root).
    mutating func writeScalar(_ text: String, requested: ScalarStyle, simpleKey: Bool) {
        var text = text
        text.withUTF8 { v in
            let analysis = ScalarAnalysis(v, tabsAllowedInBlocks: layout.tabsAllowedInBlocks)
            let style = Self.select(requested, analysis, empty: v.isEmpty, simpleKey: simpleKey)
            let saved = increaseIndent(flow: true, indentless: false)
            switch style {
            case .plain: writePlain(v, allowBreaks: !simpleKey)
            case .singleQuoted: writeSingleQuoted(v, allowBreaks: !simpleKey)
            case .doubleQuoted: writeDoubleQuoted(v, allowBreaks: !simpleKey)
            case .literal: writeLiteral(v)
            }
            indent = saved
        }
    }

    /// Whether a key can be written as `key: value` (one line, at most 128 bytes).
    static func isSimpleKey(_ text: String) -> Bool {
        if text.utf8.count > 128 { return false }
        var text = text
        return text.withUTF8 { v in
            var i = 0
            while i < v.count {
                if YAMLChars.isBreak(v, i) { return false }
                i += YAMLChars.width(v[i])
            }
            return true
        }
    }

    mutating func writePlain(_ v: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        if !whitespace { put(0x20) }
        var spaces = false, breaks = false
        var i = 0
        while i < v.count {
            if v[i] == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && i + 1 < v.count && v[i + 1] != 0x20 {
                    writeIndent()
                    i += 1
                } else {
                    writeChar(v, &i)
                }
                spaces = true
            } else if YAMLChars.isBreak(v, i) {
                if !breaks && v[i] == 0x0A { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                writeChar(v, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    mutating func writeSingleQuoted(_ v: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false, breaks = false
        var i = 0
        while i < v.count {
            if v[i] == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != v.count - 1
                    && v[i + 1] != 0x20
                {
                    writeIndent()
                    i += 1
                } else {
                    writeChar(v, &i)
                }
                spaces = true
            } else if YAMLChars.isBreak(v, i) {
                if !breaks && v[i] == 0x0A { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if v[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                writeChar(v, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeDoubleQuoted(_ v: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        // go-yaml tests for a byte-order mark at the start of the text rather than at each
        // character, so a text that starts with U+FEFF has every character escaped.
        let startsWithBOM = v.count >= 3 && v[0] == 0xEF && v[1] == 0xBB && v[2] == 0xBF
        var i = 0
        while i < v.count {
            let c = v[i]
            if startsWithBOM || !YAMLChars.isPrintable(v, i) || YAMLChars.isBreak(v, i) || c == UInt8(ascii: "\"")
                || c == UInt8(ascii: "\\")
            {
                let w = min(YAMLChars.width(c), v.count - i)
                writeEscape(Self.decodeScalar(v, i, w))
                i += w
                spaces = false
            } else if c == 0x20 {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != v.count - 1 {
                    writeIndent()
                    if v[i + 1] == 0x20 { put(UInt8(ascii: "\\")) }
                    i += 1
                } else {
                    writeChar(v, &i)
                }
                spaces = true
            } else {
                writeChar(v, &i)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// `\n`, `\t`, `\x1B`... as go-yaml writes escapes (short forms first, then `\x`, `\u`, `\U`
    /// with upper-case hex digits).
    private mutating func writeEscape(_ scalar: UInt32) {
        put(UInt8(ascii: "\\"))
        let short: UInt8?
        switch scalar {
        case 0x00: short = UInt8(ascii: "0")
        case 0x07: short = UInt8(ascii: "a")
        case 0x08: short = UInt8(ascii: "b")
        case 0x09: short = UInt8(ascii: "t")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0B: short = UInt8(ascii: "v")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x1B: short = UInt8(ascii: "e")
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x85: short = UInt8(ascii: "N")
        case 0xA0: short = UInt8(ascii: "_")
        case 0x2028: short = UInt8(ascii: "L")
        case 0x2029: short = UInt8(ascii: "P")
        default: short = nil
        }
        if let short {
            put(short)
            return
        }
        let digits: Int
        if scalar <= 0xFF {
            put(UInt8(ascii: "x"))
            digits = 2
        } else if scalar <= 0xFFFF {
            put(UInt8(ascii: "u"))
            digits = 4
        } else {
            put(UInt8(ascii: "U"))
            digits = 8
        }
        for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let d = UInt8((scalar >> UInt32(k)) & 0xF)
            put(d < 10 ? 48 + d : 55 + d)
        }
    }

    static func decodeScalar(_ v: UnsafeBufferPointer<UInt8>, _ i: Int, _ w: Int) -> UInt32 {
        let c = UInt32(v[i])
        switch w {
        case 2: return (c & 0x1F) << 6 | UInt32(v[i + 1] & 0x3F)
        case 3: return (c & 0x0F) << 12 | UInt32(v[i + 1] & 0x3F) << 6 | UInt32(v[i + 2] & 0x3F)
        case 4:
            return (c & 0x07) << 18 | UInt32(v[i + 1] & 0x3F) << 12 | UInt32(v[i + 2] & 0x3F) << 6
                | UInt32(v[i + 3] & 0x3F)
        default: return c
        }
    }

    mutating func writeLiteral(_ v: UnsafeBufferPointer<UInt8>) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockHints(v)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < v.count {
            if YAMLChars.isBreak(v, i) {
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks {
                    writeIndent()
                    breaks = false
                }
                writeChar(v, &i)
                indention = false
            }
        }
    }

    /// Indentation indicator (`2` when the text starts with a space or break) and chomping
    /// (`-` without a final break, `+` with more than one).
    private mutating func writeBlockHints(_ v: UnsafeBufferPointer<UInt8>) {
        if !v.isEmpty, v[0] == 0x20 || YAMLChars.isBreak(v, 0) {
            writeIndicator("2", needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        guard !v.isEmpty else {
            writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        var last = v.count - 1
        while last > 0, v[last] & 0xC0 == 0x80 { last -= 1 }
        if !YAMLChars.isBreak(v, last) {
            writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else if last == 0 {
            writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            var previous = last - 1
            while previous > 0, v[previous] & 0xC0 == 0x80 { previous -= 1 }
            if YAMLChars.isBreak(v, previous) {
                writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
            }
        }
    }
}
