import GoValues
import YAML

/// Sprig's encodings and digests, and Go's `path` functions.
enum EncodingFunctions {
    static let table: [String: FunctionBody] = [
        "b64enc": { a in try StringFunctions.unary(a, "b64enc") { Base64.encode(ByteString.bytes($0)) } },
        "b64dec": { a in
            try StringFunctions.unary(a, "b64dec") { s in
                switch Base64.decode(s) {
                case .success(let bytes): return ByteString.string(bytes)
                case .failure(let e): return e.message
                }
            }
        },
        "sha256sum": { a in try StringFunctions.unary(a, "sha256sum") { Digests.hex(Digests.sha256(ByteString.bytes($0))) } },
        "sha1sum": { a in try StringFunctions.unary(a, "sha1sum") { Digests.hex(Digests.sha1(ByteString.bytes($0))) } },
        "adler32sum": { a in try StringFunctions.unary(a, "adler32sum") { String(Digests.adler32(ByteString.bytes($0))) } },
        "base": { a in try StringFunctions.unary(a, "base", GoPath.base) },
        "dir": { a in try StringFunctions.unary(a, "dir", GoPath.dir) },
        "ext": { a in try StringFunctions.unary(a, "ext", GoPath.ext) },
        "clean": { a in try StringFunctions.unary(a, "clean", GoPath.clean) },
        "isAbs": { a in
            let args = Arguments("isAbs", a)
            try args.expect(1)
            return .bool(try args.string(0).hasPrefix("/"))
        },
    ]
}

/// Go's `path` package (slash-separated paths).
enum GoPath {
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { p = p[p.index(after: slash)...] }
        return p.isEmpty ? "/" : String(p)
    }

    static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return clean("") }
        return clean(String(path[...slash]))
    }

    static func ext(_ path: String) -> String {
        for (i, c) in path.enumerated().reversed() {
            if c == "/" { return "" }
            if c == "." { return String(path.dropFirst(i)) }
        }
        return ""
    }
}
