/// URI references as RFC 3986 resolves them, for `$id` and `$ref`.
enum URIReference {
    /// Splits off the fragment (without `#`, percent-decoded); nil fragment when there is no `#`.
    static func split(_ uri: String) -> (base: String, fragment: String?) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, nil) }
        return (String(uri[..<hash]), percentDecoded(String(uri[uri.index(after: hash)...])))
    }

    /// `reference` resolved against `base` (both without fragments, or the fragment of `reference` kept).
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.isEmpty { return base }
        if reference.hasPrefix("#") { return split(base).base + reference }
        if scheme(of: reference) != nil { return removingDotSegmentsInPath(reference) }
        let b = parse(split(base).base)
        guard b.scheme != nil, b.authority != nil || b.path.hasPrefix("/") else {
            // An opaque base (`urn:...`): only fragments resolve against it.
            return reference
        }
        let r = parse(reference)
        var out = Parts(scheme: b.scheme)
        if r.authority != nil {
            out.authority = r.authority; out.path = removeDotSegments(r.path); out.query = r.query
        } else if r.path.isEmpty {
            out.authority = b.authority; out.path = b.path; out.query = r.query ?? b.query
        } else {
            out.authority = b.authority
            if r.path.hasPrefix("/") {
                out.path = removeDotSegments(r.path)
            } else {
                let merged: String
                if b.authority != nil && b.path.isEmpty { merged = "/" + r.path } else {
                    merged = String(b.path[..<(b.path.lastIndex(of: "/").map { b.path.index(after: $0) } ?? b.path.startIndex)]) + r.path
                }
                out.path = removeDotSegments(merged)
            }
            out.query = r.query
        }
        out.fragment = r.fragment
        return out.text
    }

    private struct Parts {
        var scheme: String?
        var authority: String?
        var path = ""
        var query: String?
        var fragment: String?

        var text: String {
            var s = ""
            if let scheme { s += scheme + ":" }
            if let authority { s += "//" + authority }
            s += path
            if let query { s += "?" + query }
            if let fragment { s += "#" + fragment }
            return s
        }
    }

    private static func scheme(of s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let head = s[..<colon]
        guard let first = head.first, first.isLetter,
              head.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(head)
    }

    private static func parse(_ s: String) -> Parts {
        var rest = Substring(s)
        var p = Parts()
        if let hash = rest.firstIndex(of: "#") { p.fragment = String(rest[rest.index(after: hash)...]); rest = rest[..<hash] }
        if let q = rest.firstIndex(of: "?") { p.query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        if let scheme = scheme(of: String(rest)) { p.scheme = scheme; rest = rest.dropFirst(scheme.count + 1) }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            p.authority = String(rest[..<end])
            rest = rest[end...]
        }
        p.path = String(rest)
        return p
    }

    private static func removingDotSegmentsInPath(_ uri: String) -> String {
        var p = parse(uri)
        if p.authority != nil || p.path.hasPrefix("/") { p.path = removeDotSegments(p.path) }
        return p.text
    }

    private static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, seg) in segments.enumerated() {
            if seg == "." { if i == segments.count - 1 { output.append("") }; continue }
            if seg == ".." {
                if output.count > 1 { output.removeLast() }
                if i == segments.count - 1 { output.append("") }
                continue
            }
            output.append(seg)
        }
        return output.joined(separator: "/")
    }

    /// `%XX` escapes decoded (invalid ones left as they are).
    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}
