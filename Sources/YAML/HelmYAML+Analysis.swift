/// What a scalar's characters allow, decided the way go-yaml's (libyaml's) emitter decides it:
/// indicators at the start, `: ` and ` #` inside, leading/trailing blanks, line breaks,
/// characters outside YAML's printable set.
struct ScalarAnalysis {
    var multiline = false
    var plainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    /// `tabsAllowedInBlocks`: go-yaml v3 lets a tab through in literal blocks (it still rules
    /// out plain and single-quoted style); v2 treats a tab like any other special character.
    init(_ v: UnsafeBufferPointer<UInt8>, tabsAllowedInBlocks: Bool = false) {
        let n = v.count
        if n == 0 {
            plainAllowed = true
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false
        var lineBreaks = false, special = false, tabs = false

        if n >= 3, (v[0] == 0x2D && v[1] == 0x2D && v[2] == 0x2D) || (v[0] == 0x2E && v[1] == 0x2E && v[2] == 0x2E) {
            blockIndicators = true
        }
        var precededByWhitespace = true
        var i = 0
        while i < n {
            let c = v[i]
            let w = YAMLChars.width(c)
            let followedByWhitespace = i + w >= n || YAMLChars.isBlank(v[i + w])
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                    UInt8(ascii: "`"):
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if followedByWhitespace { blockIndicators = true }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ":"):
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace { blockIndicators = true }
                default: break
                }
            }
            if c == 0x09 && tabsAllowedInBlocks {
                tabs = true
            } else if !YAMLChars.isPrintable(v, i) {
                special = true
            }
            if c == 0x20 {
                if i == 0 { leadingSpace = true }
                if i + w == n { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLChars.isBreak(v, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == n { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLChars.isBlank(c) || YAMLChars.isBreak(v, i) || c == 0
            i += max(w, 1)
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { plainAllowed = false }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            plainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || special {
            plainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if tabs {
            plainAllowed = false
            singleQuotedAllowed = false
        }
        if lineBreaks { plainAllowed = false }
        if blockIndicators { plainAllowed = false }
    }
}

/// Byte-level character classes of the YAML emitter (input is valid UTF-8).
enum YAMLChars {
    /// Length of the UTF-8 sequence that starts with `c`.
    @inline(__always) static func width(_ c: UInt8) -> Int {
        if c & 0x80 == 0 { return 1 }
        if c & 0xE0 == 0xC0 { return 2 }
        if c & 0xF0 == 0xE0 { return 3 }
        if c & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// `\r`, `\n`, U+0085, U+2028, U+2029.
    @inline(__always) static func isBreak(_ v: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = v[i]
        if c == 0x0A || c == 0x0D { return true }
        if c == 0xC2 { return i + 1 < v.count && v[i + 1] == 0x85 }
        if c == 0xE2 { return i + 2 < v.count && v[i + 1] == 0x80 && (v[i + 2] == 0xA8 || v[i + 2] == 0xA9) }
        return false
    }

    /// YAML's printable set as the emitter tests it: `\n`, ASCII 0x20...0x7E, U+00A0...U+D7FF,
    /// U+E000...U+FFFD except U+FEFF. Tabs, `\r`, other controls, U+0085 and characters beyond
    /// the BMP are not "printable" (they force double quotes and get escaped).
    @inline(__always) static func isPrintable(_ v: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = v[i]
        if c == 0x0A || (c >= 0x20 && c <= 0x7E) { return true }
        let c1: UInt8 = i + 1 < v.count ? v[i + 1] : 0
        if c == 0xC2 { return c1 >= 0xA0 }
        if c > 0xC2 && c < 0xED { return true }
        if c == 0xED { return c1 < 0xA0 }
        if c == 0xEE { return true }
        if c == 0xEF {
            let c2: UInt8 = i + 2 < v.count ? v[i + 2] : 0
            if c1 == 0xBB && c2 == 0xBF { return false }
            if c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF) { return false }
            return true
        }
        return false
    }
}
