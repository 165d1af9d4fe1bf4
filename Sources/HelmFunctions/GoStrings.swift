import GoValues

/// Go's `strings` package semantics on UTF-8 bytes (Swift's `String` comparisons use
/// canonical equivalence, Go's compare bytes). Byte-wise functions work on the bytes a string
/// stands for (``ByteString``); rune-wise ones read a byte that is not UTF-8 as U+FFFD, as Go does.
enum GoStrings {
    /// Byte offsets of every non-overlapping occurrence of `sep` in `s`, left to right.
    static func occurrences(of sep: [UInt8], in s: [UInt8]) -> [Int] {
        guard !sep.isEmpty, sep.count <= s.count else { return [] }
        var out: [Int] = []
        var i = 0
        let first = sep[0]
        let last = s.count - sep.count
        while i <= last {
            if s[i] == first {
                var j = 1
                while j < sep.count && s[i + j] == sep[j] { j += 1 }
                if j == sep.count {
                    out.append(i)
                    i += sep.count
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Bytes as a string (a byte that is not UTF-8, also one left by a cut, kept as its stand-in).
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        ByteString.string(bytes)
    }

    /// `strings.Split(s, sep)`; an empty `sep` splits after each character (Go: each rune).
    static func split(_ s: String, separator sep: String) -> [String] {
        if sep.isEmpty { return ByteString.normalized(s).unicodeScalars.map { String($0) } }
        let sb = ByteString.bytes(s), pb = ByteString.bytes(sep)
        var out: [String] = []
        var start = 0
        for at in occurrences(of: pb, in: sb) {
            out.append(string(sb[start..<at]))
            start = at + pb.count
        }
        out.append(string(sb[start...]))
        return out
    }

    /// `strings.SplitN(s, sep, n)`.
    static func split(_ s: String, separator sep: String, limit n: Int) -> [String] {
        if n == 0 { return [] }
        if n < 0 { return split(s, separator: sep) }
        let all = split(s, separator: sep)
        if all.count <= n { return all }
        var head = Array(all[0..<(n - 1)])
        head.append(all[(n - 1)...].joined(separator: sep))
        return head
    }

    /// `strings.Replace(s, old, new, -1)`.
    static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        if old.isEmpty {
            // Go inserts `new` before every rune and at the end.
            var out = new
            for scalar in ByteString.normalized(s).unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += new
            }
            return out
        }
        let sb = ByteString.bytes(s), ob = ByteString.bytes(old)
        let hits = occurrences(of: ob, in: sb)
        if hits.isEmpty { return s }
        var out: [UInt8] = []
        out.reserveCapacity(sb.count + hits.count * max(0, new.utf8.count - ob.count))
        var start = 0
        for at in hits {
            out.append(contentsOf: sb[start..<at])
            out.append(contentsOf: ByteString.bytes(new))
            start = at + ob.count
        }
        out.append(contentsOf: sb[start...])
        return ByteString.string(out)
    }

    static func contains(_ s: String, _ sub: String) -> Bool {
        if sub.isEmpty { return true }
        return !occurrences(of: ByteString.bytes(sub), in: ByteString.bytes(s)).isEmpty
    }

    /// (Only the part of `s` the prefix covers can make its stand-ins matter.)
    static func hasPrefix(_ s: String, _ p: String) -> Bool {
        if ByteString.mayHoldBytes(p) || s.utf8.prefix(p.utf8.count + 3).contains(0xF4) {
            return ByteString.bytes(s).starts(with: ByteString.bytes(p))
        }
        return s.utf8.starts(with: p.utf8)
    }

    static func hasSuffix(_ s: String, _ p: String) -> Bool {
        if ByteString.mayHoldBytes(p) || s.utf8.suffix(p.utf8.count + 3).contains(0xF4) {
            let sb = ByteString.bytes(s), pb = ByteString.bytes(p)
            return sb.count >= pb.count && sb[(sb.count - pb.count)...].elementsEqual(pb)
        }
        return s.utf8.count >= p.utf8.count && s.utf8.reversed().starts(with: p.utf8.reversed())
    }

    static func trimPrefix(_ s: String, _ p: String) -> String {
        guard !p.isEmpty, hasPrefix(s, p) else { return s }
        return string(ByteString.bytes(s)[ByteString.count(p)...])
    }

    static func trimSuffix(_ s: String, _ p: String) -> String {
        guard !p.isEmpty, hasSuffix(s, p) else { return s }
        let b = ByteString.bytes(s)
        return string(b[..<(b.count - ByteString.count(p))])
    }

    /// `strings.TrimSpace`.
    static func trimSpace(_ s: String) -> String {
        trim(s) { isGoSpace($0) }
    }

    /// `strings.Trim(s, cutset)`.
    /// A byte that is not UTF-8 is U+FFFD on both sides (Go's `utf8.RuneError`), so such a byte
    /// in the cutset cuts every such byte of `s`.
    static func trim(_ s: String, cutset: String) -> String {
        if ByteString.mayHoldBytes(s) || ByteString.mayHoldBytes(cutset) {
            let set = Set(ByteString.runes(cutset).unicodeScalars)
            return trim(ByteString.normalized(s)) { set.contains(ByteString.byte($0) == nil ? $0 : "\u{FFFD}") }
        }
        let set = Set(cutset.unicodeScalars)
        return trim(s) { set.contains($0) }
    }

    static func trim(_ s: String, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(scalars[first...last])
    }

    /// `strings.ToUpper` / `ToLower`: per-character simple case mapping.
    static func mapCase(_ s: String, upper: Bool) -> String {
        if let ascii = mapCaseASCII(s, upper: upper) { return ascii }
        var out = String.UnicodeScalarView()
        for c in ByteString.runes(s).unicodeScalars {
            if c.isASCII {
                let v = c.value
                if upper, v >= 0x61, v <= 0x7A { out.append(Unicode.Scalar(v - 32)!) } else if !upper, v >= 0x41, v <= 0x5A {
                    out.append(Unicode.Scalar(v + 32)!)
                } else { out.append(c) }
                continue
            }
            out.append(upper ? simpleUppercase(c) : simpleLowercase(c))
        }
        return String(out)
    }

    /// Go's `unicode.ToUpper` (the simple, one-to-one mapping). Where the full mapping yields
    /// several scalars, the simple one is the title-case form if that is a single scalar
    /// (`ᾀ` → `ᾈ`), else none (`ß` stays).
    static func simpleUppercase(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let full = c.properties.uppercaseMapping.unicodeScalars
        if full.count == 1 { return full.first! }
        let title = c.properties.titlecaseMapping.unicodeScalars
        return title.count == 1 ? title.first! : c
    }

    /// Go's `unicode.ToLower` (simple mapping): the only scalar whose full lower-case form is
    /// several scalars, `İ`, maps to `i`.
    static func simpleLowercase(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value == 0x130 { return "i" }
        let full = c.properties.lowercaseMapping.unicodeScalars
        return full.count == 1 ? full.first! : c
    }

    /// Sprig's `nospace` (goutils `DeleteWhiteSpace`): it tests each byte as if it were a
    /// character, so when anything is removed every other byte is re-encoded as the Latin-1
    /// character of that value (`"é x"` → `"Ã©x"`); a string without spaces comes back as is.
    static func deleteWhiteSpace(_ s: String) -> String {
        func isSpaceByte(_ b: UInt8) -> Bool { (b >= 0x09 && b <= 0x0D) || b == 0x20 || b == 0x85 || b == 0xA0 }
        let bytes = ByteString.bytes(s)
        guard bytes.contains(where: isSpaceByte) else { return s }
        var out = String.UnicodeScalarView()
        for b in bytes where !isSpaceByte(b) { out.append(Unicode.Scalar(b)) }
        return String(out)
    }

    /// `mapCase` for a string of ASCII bytes only (nil otherwise); returns `s` itself when no
    /// byte changes.
    private static func mapCaseASCII(_ s: String, upper: Bool) -> String? {
        let lo: UInt8 = upper ? 0x61 : 0x41
        let hi: UInt8 = upper ? 0x7A : 0x5A
        var s = s
        var nonASCII = false
        let changed: String? = s.withUTF8 { src in
            var changes = false
            for b in src {
                if b >= 0x80 {
                    nonASCII = true
                    return nil
                }
                if b >= lo && b <= hi { changes = true }
            }
            if !changes { return nil }
            return String(unsafeUninitializedCapacity: src.count) { dst in
                for i in 0..<src.count {
                    let b = src[i]
                    dst[i] = b >= lo && b <= hi ? (upper ? b - 32 : b + 32) : b
                }
                return src.count
            }
        }
        if nonASCII { return nil }
        return changed ?? s
    }

    /// `strings.Title`: upper-cases (title-cases) the first letter of every word.
    static func title(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for c in ByteString.runes(s).unicodeScalars {
            if isSeparator(previous) {
                let mapped = c.properties.titlecaseMapping.unicodeScalars
                if mapped.count == 1 { out.append(mapped.first!) } else { out.append(c) }
            } else {
                out.append(c)
            }
            previous = c
        }
        return String(out)
    }

    private static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.value <= 0x7F {
            switch r {
            case "0"..."9", "a"..."z", "A"..."Z", "_": return false
            default: return true
            }
        }
        if r.properties.isAlphabetic || r.properties.numericType == .decimal { return false }
        return isGoSpace(r)
    }

    /// `strings.Repeat` without quadratic growth.
    static func repeating(_ s: String, _ n: Int) -> String {
        String(repeating: s, count: n)
    }
}
