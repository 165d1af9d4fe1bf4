/// Go's `Regexp.Expand` template, read once: `$$` is `$`; `$n`, `${n}`, `$name`, `${name}` are
/// the text of that group (nothing for a group that did not match or does not exist). A name is
/// the longest run of letters, digits and `_`; a `$` not followed by a valid reference is itself.
struct ExpandTemplate {
    enum Piece {
        case text([UInt8])
        /// A group by number (the index of its first slot), or by name: the candidate groups' first
        /// slots in order (the first one that took part in the match is used).
        case group([Int])
    }

    let pieces: [Piece]

    init(_ template: String, names: [String]) {
        let t = Array(template.unicodeScalars)
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { pieces.append(.text(Array(String(text).utf8))) }
            text = String.UnicodeScalarView()
        }
        var i = 0
        while i < t.count {
            let c = t[i]
            guard c == "$" else {
                text.append(c)
                i += 1
                continue
            }
            i += 1
            if i < t.count && t[i] == "$" {
                text.append("$")
                i += 1
                continue
            }
            guard let (name, next) = ExpandTemplate.reference(t, at: i) else {
                text.append("$")
                continue
            }
            i = next
            flush()
            if let num = ExpandTemplate.groupNumber(name) {
                pieces.append(.group([2 * num]))
            } else {
                let slots = names.indices.filter { names[$0].utf8.elementsEqual(name.utf8) }.map { 2 * $0 }
                pieces.append(.group(slots))
            }
        }
        flush()
        self.pieces = pieces
    }

    /// Appends the expansion for the match whose `slots` slots are at `match`.
    func append(into out: inout [UInt8], source: UnsafeBufferPointer<UInt8>, match: UnsafeMutablePointer<Int>, slots: Int) {
        for piece in pieces {
            switch piece {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .group(let candidates):
                for k in candidates where k + 1 < slots && match[k] >= 0 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[match[k]..<match[k + 1]]))
                    break
                }
            }
        }
    }

    /// The name referenced at `t[i...]` (just after a `$`) and the index after the reference.
    static func reference(_ t: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var i = start
        let braced = i < t.count && t[i] == "{"
        if braced { i += 1 }
        let nameStart = i
        while i < t.count, t[i] == "_" || isLetterOrDigit(t[i]) { i += 1 }
        if i == nameStart { return nil }
        let name = String(String.UnicodeScalarView(t[nameStart..<i]))
        if braced {
            guard i < t.count, t[i] == "}" else { return nil }
            i += 1
        }
        return (name, i)
    }

    /// Go's `unicode.IsLetter || unicode.IsDigit`: general category L or Nd.
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }

    /// The group number a reference name spells (ASCII digits, no leading zero), if any.
    static func groupNumber(_ name: String) -> Int? {
        var num = 0
        for c in name.unicodeScalars {
            guard c >= "0" && c <= "9", num < 100_000_000 else { return nil }
            num = num * 10 + Int(c.value - 48)
        }
        if name.hasPrefix("0") && name.unicodeScalars.count > 1 { return nil }
        return num
    }
}
