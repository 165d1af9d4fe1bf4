import GoValues

/// The formats with a small grammar of their own: ISO 8601 durations, semantic versions, URI references.
extension Formats {
    static func duration(_ s: String) -> String? {
        guard s.hasPrefix("P") else { return "must start with P" }
        let rest = s.dropFirst()
        if rest.isEmpty { return "nothing after P" }
        if rest.hasSuffix("W") {
            let weeks = rest.dropLast()
            if weeks.isEmpty { return "no number in week" }
            return weeks.allSatisfy { ("0"..."9").contains($0) } ? nil : "invalid week"
        }
        let allUnits: [Substring] = ["YMD", "HMS"]
        for (i, part) in rest.split(separator: "T", omittingEmptySubsequences: false).enumerated() {
            if i != 0 && part.isEmpty { return "no time elements" }
            if i >= allUnits.count { return "more than one T" }
            var units = allUnits[i]
            var s = part
            while !s.isEmpty {
                let number = s.prefix { ("0"..."9").contains($0) }
                if number.isEmpty { return "missing number" }
                s = s.dropFirst(number.count)
                guard let unit = s.first else { return "missing unit" }
                guard let j = units.firstIndex(of: unit) else {
                    let quoted = GoQuote.quoteRune(unit.unicodeScalars.first!)
                    return allUnits[i].contains(unit) ? "unit \(quoted) out of order" : "invalid unit \(quoted)"
                }
                units = units[units.index(after: j)...]
                s = s.dropFirst()
            }
        }
        return nil
    }

    static func semver(_ s: String) -> String? {
        var core = Substring(s)
        let isIdentifierCharacter = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-") }
        if let plus = core.firstIndex(of: "+") {
            let build = core[core.index(after: plus)...]
            if build.isEmpty { return "build is empty" }
            for id in build.split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "build identifier is empty" }
                if let c = id.first(where: { !isIdentifierCharacter($0) }) {
                    return "invalid character \(GoQuote.quoteRune(c.unicodeScalars.first!)) in build identifier"
                }
            }
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            for id in core[core.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "pre-release identifier is empty" }
                if let c = id.first(where: { !isIdentifierCharacter($0) }) {
                    return "invalid character \(GoQuote.quoteRune(c.unicodeScalars.first!)) in pre-release identifier"
                }
                if id.allSatisfy(\.isNumber) && id.count > 1 && id.hasPrefix("0") { return "pre-release numeric identifier starts with zero" }
            }
            core = core[..<dash]
        }
        let versions = core.split(separator: ".", omittingEmptySubsequences: false)
        guard versions.count == 3 else { return "versionCore must have 3 numbers separated by dot" }
        for (name, version) in zip(["major", "minor", "patch"], versions) {
            if version.isEmpty { return "\(name) is empty" }
            if version.count > 1 && version.hasPrefix("0") { return "\(name) starts with zero" }
            if !version.allSatisfy({ ("0"..."9").contains($0) }) { return "\(name) contains non-digit" }
        }
        return nil
    }

    static func uriReference(_ s: String) -> String? {
        if s.contains("\\") { return "contains \\" }
        return s.contains(" ") ? "invalid character \" \"" : nil
    }
}
