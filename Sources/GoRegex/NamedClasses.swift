/// The named character classes of RE2's syntax: Perl's `\d \s \w`, POSIX's `[:alpha:]` and
/// Unicode's `\pL`, `\p{Greek}`.
enum NamedClasses {
    /// A class with its sign: negative classes match the complement.
    struct Group {
        let negated: Bool
        let ranges: [Rune]
    }

    private static let digit: [Rune] = [0x30, 0x39]
    private static let space: [Rune] = [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x20]
    private static let word: [Rune] = [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A]

    /// `\d \D \s \S \w \W` by their letter: ASCII only, as in Go.
    static let perl: [Unicode.Scalar: Group] = [
        "d": Group(negated: false, ranges: digit), "D": Group(negated: true, ranges: digit),
        "s": Group(negated: false, ranges: space), "S": Group(negated: true, ranges: space),
        "w": Group(negated: false, ranges: word), "W": Group(negated: true, ranges: word),
    ]

    private static let posixBase: [String: [Rune]] = [
        "alnum": [0x30, 0x39, 0x41, 0x5A, 0x61, 0x7A],
        "alpha": [0x41, 0x5A, 0x61, 0x7A],
        "ascii": [0x00, 0x7F],
        "blank": [0x09, 0x09, 0x20, 0x20],
        "cntrl": [0x00, 0x1F, 0x7F, 0x7F],
        "digit": [0x30, 0x39],
        "graph": [0x21, 0x7E],
        "lower": [0x61, 0x7A],
        "print": [0x20, 0x7E],
        "punct": [0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E],
        "space": [0x09, 0x0D, 0x20, 0x20],
        "upper": [0x41, 0x5A],
        "word": [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A],
        "xdigit": [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
    ]

    /// `[:alpha:]`, `[:^alpha:]` and the other POSIX classes by their full bracketed text.
    static func posix(_ text: String) -> Group? {
        guard text.hasPrefix("[:"), text.hasSuffix(":]") else { return nil }
        var name = Substring(text.dropFirst(2).dropLast(2))
        var negated = false
        if name.hasPrefix("^") {
            negated = true
            name = name.dropFirst()
        }
        return posixBase[String(name)].map { Group(negated: negated, ranges: $0) }
    }

    /// The ranges of the Unicode class `name` (a general category, `Any`, `ASCII`, `Assigned`,
    /// a category's long name such as `Letter`, or a script), looked up the way Go 1.25 does:
    /// ignoring `_`, `-` and spaces, first letter upper case, the rest lower case. Nil when unknown.
    /// `foldable` tells whether `(?i)` adds the case-fold equivalents: Go has fold tables only for
    /// `L Ll Lt Lu M Mn`, `Any`, `ASCII` and the scripts `Common Greek Inherited` (so `(?i)\p{LC}`
    /// does not match U+0345, which folds to `ι`).
    static func unicode(_ name: String) -> (ranges: [Rune], foldable: Bool)? {
        let key = canonical(name)
        // Every known name is ASCII; comparing other text as `String` would find `K`-sign lookalikes.
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        switch key {
        case "Any": return ([0, maxRune], true)
        case "Ascii": return ([0, 0x7F], true)
        case "Assigned": return (RuneSet.negate(GeneralCategories.ranges(of: ["Cn"])), false)
        case "Lc": return (GeneralCategories.ranges(of: ["Lu", "Ll", "Lt"]), false)
        default: break
        }
        if let codes = GeneralCategories.codes(forName: key) {
            return (GeneralCategories.ranges(of: codes), foldedCategories.contains(key))
        }
        if let script = UnicodeScripts.table[key] { return (script, foldedScripts.contains(key)) }
        if let code = GeneralCategories.longNames[key] { return unicode(code) }
        return nil
    }

    /// The categories and scripts Go has fold tables for.
    private static let foldedCategories: Set<String> = ["L", "Ll", "Lt", "Lu", "M", "Mn"]
    private static let foldedScripts: Set<String> = ["Common", "Greek", "Inherited"]

    /// Go's canonical lookup form of a class name.
    static func canonical(_ name: String) -> String {
        var out = ""
        var first = true
        for c in name.unicodeScalars {
            if c == "_" || c == "-" || c == " " { continue }
            if first {
                out.unicodeScalars.append(c.isASCII && c.properties.isLowercase ? Unicode.Scalar(c.value - 32)! : c)
                first = false
            } else {
                out.unicodeScalars.append(c.isASCII && c.properties.isUppercase ? Unicode.Scalar(c.value + 32)! : c)
            }
        }
        return out
    }
}
