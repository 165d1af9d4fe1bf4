import GoValues

/// What happens to a string on its way through `sigs.k8s.io/yaml`: `encoding/json` writes it
/// (escaping controls, `"`, `\`, U+2028/9, but leaving U+007F...U+009F and U+FFFE/F raw) and
/// go-yaml reads that JSON back as a double-quoted YAML scalar. Two things differ from the
/// original string:
///
/// - characters YAML's reader refuses (U+007F...U+0084, U+0086...U+009F, U+FFFE, U+FFFF) make
///   the whole marshal fail (Helm's `toYaml` then prints nothing);
/// - U+0085 (NEL) is a YAML line break, so it is folded like one: spaces before it are dropped,
///   spaces after it skipped, a single break becomes a space, n consecutive breaks n-1 newlines;
///   `---` or `...` right after a break is a document marker, another failure.
///
/// A byte that is not UTF-8 (its stand-in, see `ByteString`) is written as U+FFFD.
extension HelmYAML {
    static func readBack(_ s: String) throws(MarshalError) -> String {
        var text = s
        var holdsBytes = false
        let needsWork = text.withUTF8 { bytes -> Bool in
            for c in bytes where c == 0x7F || c == 0xC2 || c == 0xEF || c == 0xF4 {
                holdsBytes = ByteString.mayHoldBytes(s)
                return true
            }
            return false
        }
        guard needsWork else { return s }
        let s = holdsBytes ? ByteString.runes(s) : s
        var hasNEL = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if (v >= 0x7F && v <= 0x9F && v != 0x85) || v == 0xFFFE || v == 0xFFFF {
                throw .unreadableCharacter(v)
            }
            if v == 0x85 { hasNEL = true }
        }
        return hasNEL ? try foldNEL(Array(s.unicodeScalars)) : s
    }

    private static func foldNEL(_ u: [Unicode.Scalar]) throws(MarshalError) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if u[i] != " " && u[i] != "\u{85}" {
                out.append(u[i])
                i += 1
                continue
            }
            // A run of spaces and line breaks.
            var spaces = String.UnicodeScalarView()
            var breaks = 0
            var atLineStart = false
            while i < u.count, u[i] == " " || u[i] == "\u{85}" {
                if u[i] == " " {
                    if breaks == 0 { spaces.append(" ") }
                    atLineStart = false
                } else {
                    breaks += 1
                    atLineStart = true
                }
                i += 1
            }
            if atLineStart, i + 3 <= u.count {
                let three = String(String.UnicodeScalarView(u[i..<(i + 3)]))
                let next: Unicode.Scalar? = i + 3 < u.count ? u[i + 3] : nil
                if three == "---" || three == "..." {
                    if next == " " || next == "\u{85}" { throw .documentMarkerInString }
                }
            }
            if breaks == 0 {
                out.append(contentsOf: spaces)
            } else if breaks == 1 {
                out.append(" ")
            } else {
                for _ in 1..<breaks { out.append("\n") }
            }
        }
        return String(out)
    }
}

extension HelmYAML {
    /// go-yaml reads each key of the JSON text as a simple key, which must stay on one line and
    /// span at most 1024 characters (quotes and escapes included).
    static func checkKeyReadable(_ key: String) throws(MarshalError) {
        // Short keys cannot exceed the limit even if every byte were escaped as \u00XX.
        if key.utf8.count > 170 {
            var length = 2
            for scalar in key.unicodeScalars {
                switch scalar.value {
                case 0x22, 0x5C, 0x08, 0x0C, 0x0A, 0x0D, 0x09: length += 2
                case 0x3C, 0x3E, 0x26, 0..<0x20, 0x2028, 0x2029: length += 6
                default: length += 1
                }
            }
            if length > 1024 { throw .unreadableKey(key) }
        }
        if key.unicodeScalars.contains("\u{85}") { throw .unreadableKey(key) }
    }
}
