/// Go's `Regexp.Expand`: the replacement template of `ReplaceAllString`.
extension GoRegexp {
    /// Appends `template` to `out` with `$$` as `$` and `$n`, `${n}`, `$name`, `${name}` as the
    /// text of that group in `source` (nothing for a group that did not match or does not exist).
    /// A name is the longest run of letters, digits and `_`; a `$` not followed by a valid
    /// reference is itself.
    func expand(_ template: String, into out: inout [UInt8], source: [UInt8], match: [Int]) {
        let t = Array(template.unicodeScalars)
        var i = 0
        while i < t.count {
            let c = t[i]
            guard c == "$" else {
                out.append(contentsOf: String(c).utf8)
                i += 1
                continue
            }
            i += 1
            if i < t.count && t[i] == "$" {
                out.append(UInt8(ascii: "$"))
                i += 1
                continue
            }
            guard let (name, next) = GoRegexp.reference(t, at: i) else {
                out.append(UInt8(ascii: "$"))
                continue
            }
            i = next
            if let num = GoRegexp.groupNumber(name) {
                if 2 * num + 1 < match.count && match[2 * num] >= 0 {
                    out.append(contentsOf: source[match[2 * num]..<match[2 * num + 1]])
                }
            } else {
                for (k, groupName) in subexpNames.enumerated()
                where groupName.utf8.elementsEqual(name.utf8) && 2 * k + 1 < match.count && match[2 * k] >= 0 {
                    out.append(contentsOf: source[match[2 * k]..<match[2 * k + 1]])
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
        while i < t.count, t[i] == "_" || t[i].properties.isAlphabeticLetter || t[i].properties.generalCategory == .decimalNumber {
            i += 1
        }
        if i == nameStart { return nil }
        let name = String(String.UnicodeScalarView(t[nameStart..<i]))
        if braced {
            guard i < t.count, t[i] == "}" else { return nil }
            i += 1
        }
        return (name, i)
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

extension Unicode.Scalar.Properties {
    /// Go's `unicode.IsLetter`: general category L.
    var isAlphabeticLetter: Bool {
        switch generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
