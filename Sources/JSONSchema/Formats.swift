/// `format` checks for the drafts that assert it (4, 6, 7); non-strings always pass. Each
/// returns the reason a string is invalid, in the validator's words, or nil.
enum Formats {
    static func isKnown(_ name: String) -> Bool { checks[name] != nil }

    static func problem(_ value: JSON, format: String) -> String? {
        guard case .string(let s) = value, let check = checks[format] else { return nil }
        return check(s)
    }

    private static let checks: [String: @Sendable (String) -> String?] = [
        "ipv4": ipv4, "hostname": hostname, "email": email, "date": date, "time": time, "date-time": dateTime,
        "uuid": uuid, "json-pointer": jsonPointer, "regex": regex, "uri": uri, "iri": uri, "ipv6": ipv6,
        "relative-json-pointer": relativeJSONPointer, "duration": duration, "semver": semver,
        "uri-reference": uriReference, "iri-reference": uriReference,
    ]

    private static func ipv6(_ s: String) -> String? {
        guard s.contains(":") else { return "missing colon" }
        if s.contains("%") { return "zone id is not a part of ipv6 address" }
        var text = Substring(s)
        var groups = 0
        // An IPv4 tail counts as two groups.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard ipv4(String(text[text.index(after: lastColon)...])) == nil else { return "invalid ipv4 tail" }
            groups = 2
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return "more than one ::" }
        for half in halves where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), group.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else {
                    return "invalid group \(GoQuoted(String(group)))"
                }
                groups += 1
            }
        }
        if halves.count == 2 { return groups < 8 ? nil : "too many groups" }
        return groups == 8 ? nil : "expected 8 groups"
    }

    private static func relativeJSONPointer(_ s: String) -> String? {
        let number = s.prefix { $0.isASCII && $0.isNumber }
        if number.isEmpty { return "must start with non-negative integer" }
        if number.count > 1 && number.hasPrefix("0") { return "starts with zero" }
        let rest = s.dropFirst(number.count)
        if rest == "#" || rest.isEmpty { return nil }
        return jsonPointer(String(rest))
    }

    private static func ipv4(_ s: String) -> String? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 4 else { return "expected four decimals" }
        for g in groups {
            if g.count > 1 && g.hasPrefix("0") { return "leading zeros" }
            guard !g.isEmpty, g.allSatisfy(\.isASCII), let n = Int(g) else { return "invalid decimal" }
            if n > 255 { return "decimal must be between 0 and 255" }
        }
        return nil
    }

    private static func hostname(_ s: String) -> String? {
        var s = Substring(s)
        if s.hasSuffix(".") { s = s.dropLast() }
        if s.utf8.count > 253 { return "more than 253 characters long" }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty || label.utf8.count > 63 { return "label must be 1 to 63 characters long" }
            if label.hasPrefix("-") { return "label starts with hyphen" }
            if label.hasSuffix("-") { return "label ends with hyphen" }
            if let c = label.unicodeScalars.first(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")) }) {
                return "invalid character \(GoQuote.quoteRune(c))"
            }
        }
        return nil
    }

    private static func email(_ s: String) -> String? {
        if s.utf8.count > 254 { return "more than 255 characters long" }
        guard let at = s.lastIndex(of: "@") else { return "missing @" }
        let local = s[..<at], domain = s[s.index(after: at)...]
        if local.utf8.count > 64 { return "local part more than 64 characters long" }
        if local.hasPrefix(".") { return "starts with dot" }
        if local.hasSuffix(".") { return "ends with dot" }
        if local.contains("..") { return "consecutive dots" }
        if local.isEmpty { return "local part is empty" }
        if let c = local.unicodeScalars.first(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0))) }) {
            return "invalid character \(GoQuote.quoteRune(c))"
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            return ipv4(String(domain.dropFirst().dropLast())).map { "invalid ipv4 address: \($0)" }
        }
        return hostname(String(domain)).map { "invalid domain: \($0)" }
    }

    private static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    private static func date(_ s: String) -> String? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = digits(parts[0]), let m = digits(parts[1]), let d = digits(parts[2]) else {
            return "parsing time \(GoQuoted(s)) as \"2006-01-02\": cannot parse \(GoQuoted(s)) as \"2006\""
        }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m) else { return "parsing time \(GoQuoted(s)): month out of range" }
        guard (1...days[m - 1]).contains(d) else { return "parsing time \(GoQuoted(s)): day out of range" }
        return nil
    }

    private static func time(_ s: String) -> String? {
        let u = Array(s.utf8)
        guard u.count >= 9 else { return "less than 9 characters long" }
        guard u[2] == UInt8(ascii: ":"), u[5] == UInt8(ascii: ":") else { return "missing colon in correct place" }
        guard let h = digits(Substring(s.prefix(2))), let m = digits(s.dropFirst(3).prefix(2)), let sec = digits(s.dropFirst(6).prefix(2)) else {
            return "invalid hour/min/sec"
        }
        guard h <= 23, m <= 59, sec <= 60 else { return "hour/min/sec out of range" }
        var rest = s.dropFirst(8)
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            if fraction.isEmpty { return "no digits in second fraction" }
            rest = rest.dropFirst(fraction.count)
        }
        if rest == "z" || rest == "Z" { return sec == 60 && (h != 23 || m != 59) ? "invalid leap second" : nil }
        guard rest.count == 6 else { return "offset must be 6 characters long" }
        guard rest.hasPrefix("+") || rest.hasPrefix("-") else { return "offset must begin with plus/minus" }
        guard rest.dropFirst(3).hasPrefix(":") else { return "missing colon in offset in correct place" }
        guard let oh = digits(rest.dropFirst().prefix(2)), let om = digits(rest.dropFirst(4)) else { return "invalid hour/min in offset" }
        guard oh <= 23, om <= 59 else { return "hour/min in offset out of range" }
        if sec == 60 {
            let sign = rest.hasPrefix("+") ? -1 : 1
            let utc = ((h * 60 + m + sign * (oh * 60 + om)) % 1440 + 1440) % 1440
            if utc != 23 * 60 + 59 { return "invalid leap second" }
        }
        return nil
    }

    private static func dateTime(_ s: String) -> String? {
        guard s.utf8.count >= 20 else { return "less than 20 characters long" }
        let t = s.index(s.startIndex, offsetBy: 10)
        guard s[t] == "t" || s[t] == "T" else { return "11th character must be t or T" }
        if let e = date(String(s[..<t])) { return "invalid date element: \(e)" }
        if let e = time(String(s[s.index(after: t)...])) { return "invalid time element: \(e)" }
        return nil
    }

    private static func uuid(_ s: String) -> String? {
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        let sizes = [8, 4, 4, 4, 12]
        guard groups.count == 5 else { return "must have 5 elements" }
        for (i, g) in groups.enumerated() {
            if g.count != sizes[i] { return "element \(i + 1) must be \(sizes[i]) characters long" }
            if let c = g.unicodeScalars.first(where: { !$0.properties.isASCIIHexDigit }) { return "non-hex character \(GoQuote.quoteRune(c))" }
        }
        return nil
    }

    private static func jsonPointer(_ s: String) -> String? {
        if s.isEmpty { return nil }
        guard s.hasPrefix("/") else { return "not starting with /" }
        var escape = false
        for c in s.unicodeScalars {
            if escape {
                escape = false
                if c != "0" && c != "1" { return "~ must be followed by 0 or 1" }
            } else if c == "~" { escape = true }
        }
        return escape ? "~ must be followed by 0 or 1" : nil
    }

    static func regex(_ s: String) -> String? {
        if let problem = PatternMatcher.syntaxProblem(s) { return problem }
        return PatternMatcher(s) == nil ? "error parsing regexp: invalid pattern: `\(s)`" : nil
    }

    private static func uri(_ s: String) -> String? {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex,
              s[..<colon].first!.isLetter,
              s[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return "relative url"
        }
        if s.contains(" ") || s.contains("\\") { return "invalid character" }
        return nil
    }
}

import GoValues
