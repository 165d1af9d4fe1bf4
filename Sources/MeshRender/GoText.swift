import GoValues

/// Go's `strings.TrimSpace` (Unicode white space).
enum GoText {
    static func trimSpace(_ s: String) -> String {
        let t = trimSpace(s[...])
        return t.startIndex == s.startIndex && t.endIndex == s.endIndex ? s : String(t)
    }

    /// `trimSpace` without copying: a slice of `s`.
    static func trimSpace(_ s: Substring) -> Substring {
        // Byte-level for ASCII boundaries (the usual case); Unicode white space needs scalars.
        let u = s.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, isASCIISpace(u[start]) { start = u.index(after: start) }
        while end > start, isASCIISpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == end { return s[s.endIndex...] }
        if u[start] < 0x80 && u[u.index(before: end)] < 0x80 { return Substring(u[start..<end]) }
        return trimUnicodeSpace(s)
    }

    /// Removes trailing white space in place (no copy when `s` is uniquely referenced).
    /// `s` without the white space at its end.
    static func trimmingTrailingSpace(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return s[s.startIndex..<s.startIndex] }
        return s[..<scalars.index(after: last)]
    }

    /// `trimSpace` by Unicode scalars.
    static func trimUnicodeSpace(_ s: String) -> String {
        String(trimUnicodeSpace(s[...]))
    }

    static func trimUnicodeSpace(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return s[s.endIndex...] }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return Substring(scalars[first...last])
    }

    @inline(__always) static func isASCIISpace(_ c: UInt8) -> Bool { (c >= 0x09 && c <= 0x0D) || c == 0x20 }

    /// Go's `unicode.IsSpace`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool { isGoSpace(c) }
}
