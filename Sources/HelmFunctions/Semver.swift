import TemplateEngine
import GoValues

/// Sprig's `semverCompare CONSTRAINT VERSION` with Masterminds/semver v3 rules: loose
/// versions (`v1.2`, `1`), operators `= != > < >= <= ~ ^`, wildcards (`1.2.x`), hyphen
/// ranges, `,`/space for AND and `||` for OR; prerelease versions only satisfy a
/// constraint group that itself names a prerelease.
enum SemverFunctions {
    static let table: [String: FunctionBody] = [
        "semverCompare": { a in
            let args = Arguments("semverCompare", a)
            try args.expect(2)
            let constraint = try SemverConstraint(try args.string(0))
            let version = try SemanticVersion(try args.string(1))
            return .bool(constraint.check(version))
        },
        // Go returns a *Version whose methods templates call as fields; here a map with those fields.
        "semver": { a in
            let args = Arguments("semver", a)
            try args.expect(1)
            let text = try args.string(0)
            let v = try SemanticVersion(text)
            return .map([
                "Major": .int(Int64(truncatingIfNeeded: v.major)), "Minor": .int(Int64(truncatingIfNeeded: v.minor)),
                "Patch": .int(Int64(truncatingIfNeeded: v.patch)), "Prerelease": .string(v.prerelease),
                "Metadata": .string(v.metadata), "Original": .string(text),
            ])
        },
    ]
}

struct SemanticVersion: Equatable {
    var major: UInt64, minor: UInt64, patch: UInt64
    var prerelease: String
    var metadata: String

    /// Loose parse: `v?MAJOR(.MINOR)?(.PATCH)?(-PRE)?(+META)?`.
    init(_ text: String) throws {
        guard let parsed = SemanticVersion.parse(text) else { throw callFailure("invalid semantic version") }
        self = parsed
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "", metadata: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
    }

    static func parse(_ text: String) -> SemanticVersion? {
        var s = Substring(text)
        if s.hasPrefix("v") { s = s.dropFirst() }
        var metadata = ""
        if let plus = s.firstIndex(of: "+") {
            metadata = String(s[s.index(after: plus)...])
            s = s[..<plus]
            guard isIdentifierList(metadata) else { return nil }
        }
        var pre = ""
        if let dash = s.firstIndex(of: "-") {
            pre = String(s[s.index(after: dash)...])
            s = s[..<dash]
            guard isIdentifierList(pre) else { return nil }
            for part in pre.split(separator: ".", omittingEmptySubsequences: false)
            where part.allSatisfy({ $0.isASCII && $0.isNumber }) && part.count > 1 && part.hasPrefix("0") {
                return nil
            }
        }
        let nums = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(nums.count) else { return nil }
        var values: [UInt64] = []
        for n in nums {
            guard !n.isEmpty, n.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt64(n) else { return nil }
            values.append(v)
        }
        while values.count < 3 { values.append(0) }
        return SemanticVersion(major: values[0], minor: values[1], patch: values[2], prerelease: pre, metadata: metadata)
    }

    static func isIdentifierList(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Precedence order: numbers, then a release above its prereleases, then prerelease parts.
    func compare(_ o: SemanticVersion) -> Int {
        for (a, b) in [(major, o.major), (minor, o.minor), (patch, o.patch)] where a != b {
            return a < b ? -1 : 1
        }
        if prerelease == o.prerelease { return 0 }
        if prerelease.isEmpty { return 1 }
        if o.prerelease.isEmpty { return -1 }
        return SemanticVersion.comparePrerelease(prerelease, o.prerelease)
    }

    static func comparePrerelease(_ a: String, _ b: String) -> Int {
        let ap = a.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let bp = b.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for i in 0..<max(ap.count, bp.count) {
            let x = i < ap.count ? ap[i] : "", y = i < bp.count ? bp[i] : ""
            if x == y { continue }
            if x.isEmpty { return -1 }
            if y.isEmpty { return 1 }
            let xn = UInt64(x), yn = UInt64(y)
            switch (xn, yn) {
            case let (xv?, yv?): return xv < yv ? -1 : 1
            case (nil, nil): return Value.goLess(x, y) ? -1 : 1
            case (nil, _): return 1
            case (_, nil): return -1
            }
        }
        return 0
    }
}

/// A parsed constraint: OR-groups of AND-ed single constraints.
struct SemverConstraint {
    struct Single {
        var op: String
        var version: SemanticVersion
        var dirty = false, minorDirty = false, patchDirty = false
    }

    var groups: [[Single]]
    var groupHasPrerelease: [Bool]

    init(_ text: String) throws {
        groups = []
        groupHasPrerelease = []
        for orPart in SemverConstraint.rewriteRanges(text).components(separatedBy: "||") {
            let tokens = try SemverConstraint.tokens(orPart)
            if tokens.isEmpty { throw callFailure("improper constraint: \(orPart)") }
            var group: [Single] = []
            for (op, ver) in tokens {
                guard let single = SemverConstraint.single(op, ver) else {
                    throw callFailure("improper constraint: \(orPart)")
                }
                group.append(single)
            }
            groups.append(group)
            groupHasPrerelease.append(group.contains { !$0.version.prerelease.isEmpty })
        }
    }

    /// `1.2 - 1.4.5` → `>= 1.2, <= 1.4.5`.
    static func rewriteRanges(_ s: String) -> String {
        let parts = s.split(separator: " - ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return s }
        var out = parts[0]
        for p in parts.dropFirst() { out = ">= " + GoStrings.trimSpace(out) + ", <= " + p }
        return out
    }

    /// Splits one AND-group into (operator, version) pairs separated by spaces or commas.
    static func tokens(_ s: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        let chars = Array(s.unicodeScalars)
        var i = 0
        func skipSeparators() { while i < chars.count && (chars[i] == " " || chars[i] == "," || chars[i] == "\t") { i += 1 } }
        skipSeparators()
        while i < chars.count {
            var op = ""
            while i < chars.count && "=!<>~^".unicodeScalars.contains(chars[i]) { op.unicodeScalars.append(chars[i]); i += 1 }
            while i < chars.count && chars[i] == " " { i += 1 }
            var ver = ""
            while i < chars.count && chars[i] != " " && chars[i] != "," && chars[i] != "\t" { ver.unicodeScalars.append(chars[i]); i += 1 }
            guard ["", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"].contains(op), !ver.isEmpty else {
                throw callFailure("improper constraint: \(s)")
            }
            out.append((op, ver))
            skipSeparators()
        }
        return out
    }

    static func isWildcard(_ s: Substring) -> Bool { s == "x" || s == "X" || s == "*" }

    static func single(_ op: String, _ text: String) -> Single? {
        var body = Substring(text)
        if body.hasPrefix("v") { body = body.dropFirst() }
        var suffix = ""
        if let cut = body.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            suffix = String(body[cut...])
            body = body[..<cut]
        }
        let nums = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(nums.count) else { return nil }
        var dirty = false, minorDirty = false, patchDirty = false
        var canonical: String
        if isWildcard(nums[0]) {
            canonical = "0.0.0"; dirty = true
        } else if nums.count < 2 || isWildcard(nums[1]) {
            canonical = "\(nums[0]).0.0"; dirty = true; minorDirty = true
        } else if nums.count < 3 || isWildcard(nums[2]) {
            canonical = "\(nums[0]).\(nums[1]).0"; dirty = true; patchDirty = true
        } else {
            canonical = "\(nums[0]).\(nums[1]).\(nums[2])"
        }
        if suffix.hasPrefix("-") { canonical += suffix } else if suffix.hasPrefix("+") { canonical += suffix }
        guard let v = SemanticVersion.parse(canonical) else { return nil }
        let normalized = op == "=>" ? ">=" : op == "=<" ? "<=" : op == "~>" ? "~" : op
        return Single(op: normalized, version: v, dirty: dirty, minorDirty: minorDirty, patchDirty: patchDirty)
    }

    func check(_ v: SemanticVersion) -> Bool {
        for (i, group) in groups.enumerated() {
            if group.allSatisfy({ SemverConstraint.holds($0, v, includePrerelease: groupHasPrerelease[i]) }) { return true }
        }
        return false
    }

    static func holds(_ c: Single, _ v: SemanticVersion, includePrerelease: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePrerelease { return false }
        let k = c.version
        switch c.op {
        case "", "=":
            return c.dirty ? tilde(c, v) : v.compare(k) == 0
        case "!=":
            if c.dirty {
                if k.major != v.major { return true }
                if c.minorDirty { return false }
                if k.minor != v.minor { return true }
                if c.patchDirty { return !v.prerelease.isEmpty || !k.prerelease.isEmpty ? SemanticVersion.comparePrerelease(v.prerelease, k.prerelease) != 0 : false }
            }
            return v.compare(k) != 0
        case ">":
            if !c.dirty { return v.compare(k) == 1 }
            if v.major != k.major { return v.major > k.major }
            if c.minorDirty { return false }
            if c.patchDirty { return v.minor > k.minor }
            return v.compare(k) == 1
        case "<":
            return v.compare(k) < 0
        case ">=":
            return v.compare(k) >= 0
        case "<=":
            if !c.dirty { return v.compare(k) <= 0 }
            if v.major > k.major { return false }
            if v.major == k.major && v.minor > k.minor && !c.minorDirty { return false }
            return true
        case "~":
            return tilde(c, v)
        case "^":
            if v.compare(k) < 0 { return false }
            if k.major > 0 || c.minorDirty { return v.major == k.major }
            if v.major > 0 { return false }
            if k.minor > 0 || c.patchDirty { return v.minor == k.minor }
            if v.minor > 0 { return false }
            return v.patch == k.patch
        default:
            return false
        }
    }

    static func tilde(_ c: Single, _ v: SemanticVersion) -> Bool {
        let k = c.version
        if v.compare(k) < 0 { return false }
        if k.major == 0 && k.minor == 0 && k.patch == 0 && !c.minorDirty && !c.patchDirty { return true }
        if v.major != k.major { return false }
        if v.minor != k.minor && !c.minorDirty { return false }
        return true
    }
}

/// Sprig's `semver` as templates see it: Masterminds' `*semver.Version`, whose methods
/// (`.Major`, `.Prerelease`, ...) read as fields, printed and serialised as its `String()`
/// (`1.2.0` for `1.2`). ``SemverFunctions`` keeps the plain-data form of the same parts.
enum SemverObjectFunctions {
    /// A `*semver.Version` after `deepCopy`: every field is unexported, so all are zero.
    static let zeroVersion = GoStruct(
        typeName: "*semver.Version", isPointer: true,
        fields: [
            .init("major", .int(0)), .init("minor", .int(0)), .init("patch", .int(0)), .init("pre", .string("")),
            .init("metadata", .string("")), .init("original", .string("")),
        ],
        methods: [
            "Major": .int(0), "Minor": .int(0), "Patch": .int(0), "Prerelease": .string(""), "Metadata": .string(""), "Original": .string(""),
        ],
        valueStringer: "0.0.0", marshaled: .string("0.0.0"))

    static let table: [String: StructuredFunction] = [
        "semver": { a in
            guard a.count == 1 else { throw FunctionError.wrongArgumentCount("semver", want: 1, got: a.count) }
            guard a[0].time == nil, case .string(let text) = a[0].value else {
                let got = a[0].time != nil ? "time.Time" : (a[0].value == .null ? "interface {}" : a[0].value.goTypeName)
                throw FunctionError.wrongType(expected: "string", got: got, argumentIndex: 0)
            }
            let v = try SemanticVersion(text)
            var normalized = "\(v.major).\(v.minor).\(v.patch)"
            if !v.prerelease.isEmpty { normalized += "-" + v.prerelease }
            if !v.metadata.isEmpty { normalized += "+" + v.metadata }
            return .structure(GoStruct(
                typeName: "*semver.Version", isPointer: true,
                fields: [
                    .init("major", .int(Int64(truncatingIfNeeded: v.major))), .init("minor", .int(Int64(truncatingIfNeeded: v.minor))),
                    .init("patch", .int(Int64(truncatingIfNeeded: v.patch))), .init("pre", .string(v.prerelease)),
                    .init("metadata", .string(v.metadata)), .init("original", .string(text)),
                ],
                methods: [
                    "Major": .int(Int64(truncatingIfNeeded: v.major)), "Minor": .int(Int64(truncatingIfNeeded: v.minor)),
                    "Patch": .int(Int64(truncatingIfNeeded: v.patch)), "Prerelease": .string(v.prerelease),
                    "Metadata": .string(v.metadata), "Original": .string(text),
                ],
                valueStringer: normalized, marshaled: .string(normalized), zeroCopy: zeroVersion))
        }
    ]
}
