import GoValues

/// Sprig's `urlParse` (a URL's parts as a dict) and `urlJoin` (a dict of parts as a URL), with
/// Go's `net/url` parsing, escaping and error messages.
enum URLFunctions {
    static let table: [String: FunctionBody] = [
        "urlParse": { a in
            let args = Arguments("urlParse", a)
            try args.expect(1)
            let url: GoURL
            do { url = try GoURL.parse(try args.string(0)) } catch let e as GoURL.Failure {
                throw callFailure("unable to parse url: \(e.message)")
            }
            return .map([
                "scheme": .string(url.scheme), "host": .string(url.host), "hostname": .string(url.hostname),
                "path": .string(url.path), "query": .string(url.rawQuery), "opaque": .string(url.opaque),
                "fragment": .string(url.fragment), "userinfo": .string(url.user?.text ?? ""),
            ])
        },
        "urlJoin": { a in
            let args = Arguments("urlJoin", a)
            try args.expect(1)
            let d = try args.map(0)
            func part(_ key: String) throws -> String {
                guard let v = d[key] else { return "" }
                switch v {
                case .string(let s): return s
                case .null: throw callFailure("runtime error: invalid memory address or nil pointer dereference")
                default: throw callFailure("unable to parse \(key) key, must be of type string, but \(GoTypes.kindName(v)) found")
                }
            }
            var url = GoURL()
            url.scheme = try part("scheme")
            url.host = try part("host")
            url.path = try part("path")
            url.rawQuery = try part("query")
            url.opaque = try part("opaque")
            url.fragment = try part("fragment")
            let userinfo = try part("userinfo")
            if !userinfo.isEmpty {
                do { url.user = try GoURL.parse("proto://\(userinfo)@host").user } catch let e as GoURL.Failure {
                    throw callFailure("unable to parse userinfo in dict: \(e.message)")
                }
            }
            return .string(url.text)
        },
    ]
}

/// The parts of a URL as Go's `url.URL` holds them (`path` and `fragment` unescaped).
struct GoURL {
    var scheme = "", opaque = "", host = "", path = "", rawQuery = "", fragment = ""
    var user: User?
    var omitHost = false
    var forceQuery = false

    struct User {
        var username: String
        var password: String?
        /// `Userinfo.String`: `user` or `user:password`, escaped.
        var text: String {
            var s = GoURL.escape(username, .userPassword)
            if let password { s += ":" + GoURL.escape(password, .userPassword) }
            return s
        }
    }

    struct Failure: Error { let message: String }

    enum Mode { case path, host, userPassword, fragment }

    /// The host without a port (and without the brackets of an IPv6 literal).
    var hostname: String {
        var h = Substring(host)
        if let colon = h.lastIndex(of: ":"), GoURL.isValidOptionalPort(h[colon...]) { h = h[..<colon] }
        if h.hasPrefix("["), h.hasSuffix("]") { h = h.dropFirst().dropLast() }
        return String(h)
    }

    // MARK: parsing

    /// `url.Parse`; errors read `parse "URL": reason`.
    static func parse(_ raw: String) throws(Failure) -> GoURL {
        let (u, fragment) = cut(raw, "#")
        var url: GoURL
        do { url = try parseWithoutFragment(u) } catch { throw Failure(message: "parse \(GoQuote.quote(u)): \(error.message)") }
        if let fragment, !fragment.isEmpty {
            do { url.fragment = try unescape(fragment, .fragment) } catch { throw Failure(message: "parse \(GoQuote.quote(raw)): \(error.message)") }
        }
        return url
    }

    private static func cut(_ s: String, _ separator: Character) -> (String, String?) {
        guard let at = s.firstIndex(of: separator) else { return (s, nil) }
        return (String(s[..<at]), String(s[s.index(after: at)...]))
    }

    private static func parseWithoutFragment(_ raw: String) throws(Failure) -> GoURL {
        if raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw Failure(message: "net/url: invalid control character in URL") }
        var url = GoURL()
        if raw == "*" {
            url.path = "*"
            return url
        }
        var (scheme, rest) = try splitScheme(raw)
        url.scheme = scheme.lowercased()
        if rest.hasSuffix("?") && rest.filter({ $0 == "?" }).count == 1 {
            url.forceQuery = true
            rest.removeLast()
        } else {
            let (before, query) = cut(rest, "?")
            rest = before
            url.rawQuery = query ?? ""
        }
        if !rest.hasPrefix("/") {
            if !url.scheme.isEmpty {
                url.opaque = rest
                return url
            }
            if cut(rest, "/").0.contains(":") { throw Failure(message: "first path segment in URL cannot contain colon") }
        }
        if (!url.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            var authority = String(rest.dropFirst(2))
            rest = ""
            if let slash = authority.firstIndex(of: "/") {
                rest = String(authority[slash...])
                authority = String(authority[..<slash])
            }
            (url.user, url.host) = try parseAuthority(authority)
        } else if !url.scheme.isEmpty && rest.hasPrefix("/") {
            url.omitHost = true
        }
        url.path = try unescape(rest, .path)
        return url
    }

    private static func splitScheme(_ raw: String) throws(Failure) -> (String, String) {
        for (i, c) in raw.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if i == 0 { return ("", raw) }
            case UInt8(ascii: ":"):
                if i == 0 { throw Failure(message: "missing protocol scheme") }
                let b = Array(raw.utf8)
                return (String(decoding: b[..<i], as: UTF8.self), String(decoding: b[(i + 1)...], as: UTF8.self))
            default:
                return ("", raw)
            }
        }
        return ("", raw)
    }

    private static func parseAuthority(_ authority: String) throws(Failure) -> (User?, String) {
        guard let at = authority.lastIndex(of: "@") else { return (nil, try parseHost(authority)) }
        let host = try parseHost(String(authority[authority.index(after: at)...]))
        let userinfo = String(authority[..<at])
        let allowed = Set("-._:~!$&'()*+,;=%@".unicodeScalars)
        guard userinfo.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || allowed.contains($0) }) else {
            throw Failure(message: "net/url: invalid userinfo")
        }
        let (name, password) = cut(userinfo, ":")
        return (User(username: try unescape(name, .userPassword), password: try password.map { p throws(Failure) in try unescape(p, .userPassword) }), host)
    }

    private static func parseHost(_ host: String) throws(Failure) -> String {
        if host.hasPrefix("[") {
            guard let close = host.lastIndex(of: "]") else { throw Failure(message: "missing ']' in host") }
            let colonPort = host[host.index(after: close)...]
            if !isValidOptionalPort(colonPort) { throw Failure(message: "invalid port \(GoQuote.quote(String(colonPort))) after host") }
        } else if let colon = host.lastIndex(of: ":") {
            let colonPort = host[colon...]
            if !isValidOptionalPort(colonPort) { throw Failure(message: "invalid port \(GoQuote.quote(String(colonPort))) after host") }
        }
        return try unescape(host, .host)
    }

    static func isValidOptionalPort(_ port: Substring) -> Bool {
        if port.isEmpty { return true }
        guard port.first == ":" else { return false }
        return port.dropFirst().utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: escaping

    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default: break
        }
        if mode == .host, "!$&'()*+,;=:[]<>\"".utf8.contains(c) { return false }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return c == UInt8(ascii: "?")
            case .userPassword: return c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            case .fragment: return false
            case .host: break
            }
        default: break
        }
        if mode == .fragment, "!()*".utf8.contains(c) { return false }
        return true
    }

    static func escape(_ s: String, _ mode: Mode) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for c in ByteString.bytes(s) {
            if shouldEscape(c, mode) {
                out += [UInt8(ascii: "%"), hex[Int(c >> 4)], hex[Int(c & 15)]]
            } else {
                out.append(c)
            }
        }
        return ByteString.string(out)
    }

    static func unescape(_ s: String, _ mode: Mode) throws(Failure) -> String {
        let b = ByteString.bytes(s)
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) else {
                    let bad = String(decoding: b[i..<min(i + 3, b.count)], as: UTF8.self)
                    throw Failure(message: "invalid URL escape \(GoQuote.quote(bad))")
                }
                if mode == .host && hi < 8 && !(b[i + 1] == UInt8(ascii: "2") && b[i + 2] == UInt8(ascii: "5")) {
                    throw Failure(message: "invalid URL escape \(GoQuote.quote(String(decoding: b[i..<(i + 3)], as: UTF8.self)))")
                }
                out.append(hi << 4 | lo)
                i += 3
                continue
            }
            if mode == .host && c < 0x80 && shouldEscape(c, .host) {
                throw Failure(message: "invalid character \(GoQuote.quote(String(UnicodeScalar(c)))) in host name")
            }
            out.append(c)
            i += 1
        }
        return ByteString.string(out)
    }

    // MARK: printing

    /// `URL.String`.
    var text: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                    if let user { out += user.text + "@" }
                    if !host.isEmpty { out += GoURL.escape(host, .host) }
                }
            }
            let escapedPath = path == "*" ? "*" : GoURL.escape(path, .path)
            if !escapedPath.isEmpty && !escapedPath.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, GoURL.cut(escapedPath, "/").0.contains(":") { out += "./" }
            out += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + GoURL.escape(fragment, .fragment) }
        return out
    }
}
