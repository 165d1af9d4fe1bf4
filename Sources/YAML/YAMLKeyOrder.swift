import GoValues

/// go-yaml v2's order of map keys when it writes a map (what `toYaml` shows).
///
/// Not plain byte order: strings are compared character by character; where they first differ,
/// two letters compare by code point, a letter sorts after a non-letter, and runs of digits
/// compare by numeric value (`a2` < `a10`), a longer run with the same value first being larger
/// (`a1` < `a01`). A string that is a prefix of another sorts first.
///
/// go-yaml v3 (`toYamlPretty`) differs in one point: right after a digit the two strings share,
/// a letter sorts *before* a non-letter (`1e3` < `10`; v2 has `10` < `1e3`).
enum YAMLKeyOrder {
    enum Version { case v2, v3 }

    /// Entries of `m` in go-yaml's key order.
    static func sorted(_ m: [String: Value], _ version: Version = .v2) -> [(key: String, value: Value)] {
        if m.count < 2 { return m.map { (key: $0.key, value: $0.value) } }
        if version == .v2, m.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            var entries = m.map { (key: $0.key, value: $0.value) }
            entries.sort { lessASCII($0.key, $1.key) }
            return entries
        }
        var keyed = m.map { (scalars: Array($0.key.unicodeScalars), key: $0.key, value: $0.value) }
        keyed.sort { less($0.scalars, $1.scalars, version) }
        return keyed.map { (key: $0.key, value: $0.value) }
    }

    /// Keys of `keys` in go-yaml's key order.
    static func sorted(_ keys: [String]) -> [String] {
        if keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return keys.sorted(by: lessASCII) }
        var keyed = keys.map { (scalars: Array($0.unicodeScalars), key: $0) }
        keyed.sort { less($0.scalars, $1.scalars) }
        return keyed.map(\.key)
    }

    static func less(_ a: String, _ b: String) -> Bool {
        less(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// `less` for two ASCII strings (go-yaml v2), comparing their bytes in place.
    static func lessASCII(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { ua in b.withUTF8 { ub in lessASCII(ua, ub) } }
    }

    static func lessASCII(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        @inline(__always) func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var i = 0
        while i < a.count && i < b.count {
            let ar = a[i], br = b[i]
            if ar == br {
                i += 1
                continue
            }
            let al = letter(ar), bl = letter(br)
            if al && bl { return ar < br }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar == 48 || br == 48 {
                var j = i - 1
                while j >= 0, digit(a[j]) {
                    if a[j] != 48 {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < a.count, digit(a[ai]) {
                an = an &* 10 &+ Int64(a[ai] - 48)
                ai += 1
            }
            var bi = i
            while bi < b.count, digit(b[bi]) {
                bn = bn &* 10 &+ Int64(b[bi] - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar < br
        }
        return a.count < b.count
    }

    static func less(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], _ version: Version = .v2) -> Bool {
        var i = 0
        var afterDigit = false
        while i < a.count && i < b.count {
            let ar = a[i], br = b[i]
            if ar == br {
                afterDigit = isDigit(ar)
                i += 1
                continue
            }
            let al = isLetter(ar), bl = isLetter(br)
            if al && bl { return ar.value < br.value }
            if al || bl { return version == .v3 && afterDigit ? al : bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar == "0" || br == "0" {
                var j = i - 1
                while j >= 0, isDigit(a[j]) {
                    if a[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < a.count, isDigit(a[ai]) {
                an = an &* 10 &+ (Int64(a[ai].value) - 48)
                ai += 1
            }
            var bi = i
            while bi < b.count, isDigit(b[bi]) {
                bn = bn &* 10 &+ (Int64(b[bi].value) - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar.value < br.value
        }
        return a.count < b.count
    }

    /// Go's `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo.
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: category Nd.
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 48 && s.value <= 57 }
        return s.properties.generalCategory == .decimalNumber
    }
}

extension HelmYAML {
    /// go-yaml v2's key comparison (see `YAMLKeyOrder`), for callers that sort keys like `toYaml`.
    public static func keyLess(_ a: String, _ b: String) -> Bool { YAMLKeyOrder.less(a, b) }

    /// `keys` in the order `toYaml` writes them.
    public static func sortedKeys(_ keys: [String]) -> [String] { YAMLKeyOrder.sorted(keys) }
}
