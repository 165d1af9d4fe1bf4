import TemplateEngine
import GoValues

/// Sprig's string functions (argument order as sprig has it: the subject string last,
/// so that `"x" | upper` and `"a,b" | splitList ","` read naturally).
enum StringFunctions {
    static let table: [String: FunctionBody] = [
        "trim": { a in try unary(a, "trim") { GoStrings.trimSpace($0) } },
        "upper": { a in try unary(a, "upper") { GoStrings.mapCase($0, upper: true) } },
        "lower": { a in try unary(a, "lower") { GoStrings.mapCase($0, upper: false) } },
        "title": { a in try unary(a, "title", GoStrings.title) },
        "untitle": { a in try unary(a, "untitle", untitle) },
        "nospace": { a in try unary(a, "nospace", GoStrings.deleteWhiteSpace) },
        "trimAll": { a in try binary(a, "trimAll") { cut, s in GoStrings.trim(s, cutset: cut) } },
        "trimall": { a in try binary(a, "trimall") { cut, s in GoStrings.trim(s, cutset: cut) } },
        "trimPrefix": { a in try binary(a, "trimPrefix") { p, s in GoStrings.trimPrefix(s, p) } },
        "trimSuffix": { a in try binary(a, "trimSuffix") { p, s in GoStrings.trimSuffix(s, p) } },
        "contains": { a in try predicate(a, "contains") { sub, s in GoStrings.contains(s, sub) } },
        "hasPrefix": { a in try predicate(a, "hasPrefix") { p, s in GoStrings.hasPrefix(s, p) } },
        "hasSuffix": { a in try predicate(a, "hasSuffix") { p, s in GoStrings.hasSuffix(s, p) } },
        "replace": replace,
        "quote": { a in .string(quoteEach(a, { GoQuote.quote($0) })) },
        "squote": { a in .string(quoteEach(a) { "'" + $0 + "'" }) },
        "cat": cat,
        "indent": { a in try indent(Arguments("indent", a), leadingNewline: false) },
        "nindent": { a in try indent(Arguments("nindent", a), leadingNewline: true) },
        "trunc": trunc,
        "repeat": repeatString,
        "join": join,
        "splitList": { a in
            let args = Arguments("splitList", a)
            try args.expect(2)
            return .list(GoStrings.split(try args.string(1), separator: try args.string(0)).map(Value.string))
        },
        "split": { a in
            let args = Arguments("split", a)
            try args.expect(2)
            return indexedParts(GoStrings.split(try args.string(1), separator: try args.string(0)))
        },
        "splitn": { a in
            let args = Arguments("splitn", a)
            try args.expect(3)
            let parts = GoStrings.split(try args.string(2), separator: try args.string(0), limit: try args.int(1))
            return indexedParts(parts)
        },
        "toString": { a in
            let args = Arguments("toString", a)
            try args.expect(1)
            return .string(GoTypes.stringValue(a[0]))
        },
        "toStrings": { a in
            let args = Arguments("toStrings", a)
            try args.expect(1)
            return .list(GoTypes.stringSlice(a[0]).map(Value.string))
        },
        "substr": substr,
        "abbrev": abbrev,
        "plural": { a in
            let args = Arguments("plural", a)
            try args.expect(3)
            return .string(try args.int(2) == 1 ? try args.string(0) : try args.string(1))
        },
        "initials": { a in
            try unary(a, "initials") { s in
                // goutils reads the text byte by byte, each byte as the character of that code point.
                var out = String.UnicodeScalarView()
                var atStart = true
                for b in ByteString.bytes(s) {
                    let c = Unicode.Scalar(b)
                    if isGoSpace(c) { atStart = true } else if atStart { out.append(c); atStart = false }
                }
                return String(out)
            }
        },
    ]

    static func unary(_ a: [Value], _ name: String, _ f: (String) -> String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(1)
        return .string(f(try args.string(0)))
    }

    static func binary(_ a: [Value], _ name: String, _ f: (String, String) -> String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(2)
        return .string(f(try args.string(0), try args.string(1)))
    }

    static func predicate(_ a: [Value], _ name: String, _ f: (String, String) -> Bool) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(2)
        return .bool(f(try args.string(0), try args.string(1)))
    }

    /// Lower-cases the first letter of every space-separated word.
    static func untitle(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var atStart = true
        for c in ByteString.runes(s).unicodeScalars {
            if isGoSpace(c) {
                atStart = true
                out.append(c)
            } else if atStart {
                out.append(contentsOf: GoStrings.mapCase(String(c), upper: false).unicodeScalars)
                atStart = false
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    static func replace(_ a: [Value]) throws -> Value {
        let args = Arguments("replace", a)
        try args.expect(3)
        return .string(GoStrings.replaceAll(try args.string(2), try args.string(0), try args.string(1)))
    }

    /// `quote`/`squote`: every non-nil argument, rendered and wrapped, joined by spaces.
    static func quoteEach(_ a: [Value], _ wrap: (String) -> String) -> String {
        if a.count == 1 {
            if case .null = a[0] { return "" }
            return wrap(GoTypes.stringValue(a[0]))
        }
        var out: [String] = []
        out.reserveCapacity(a.count)
        for v in a {
            if case .null = v { continue }
            out.append(wrap(GoTypes.stringValue(v)))
        }
        return out.joined(separator: " ")
    }

    static func cat(_ a: [Value]) throws -> Value {
        var parts: [String] = []
        for v in a {
            if case .null = v { continue }
            parts.append(GoFormat.value(v))
        }
        return .string(parts.joined(separator: " "))
    }

    static func indent(_ args: Arguments, leadingNewline: Bool) throws -> Value {
        try args.expect(2)
        let n = try args.int(0)
        if n < 0 { throw callFailure("strings: negative Repeat count") }
        let text = try args.string(1)
        let lines = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        if n.multipliedReportingOverflow(by: lines).overflow { throw callFailure("strings: Repeat output length overflow") }
        return .string(TextIndent.indented(text, spaces: n, leadingNewline: leadingNewline))
    }

    /// `trunc N s`: the first N bytes, or for negative N the last -N bytes.
    static func trunc(_ a: [Value]) throws -> Value {
        let args = Arguments("trunc", a)
        try args.expect(2)
        let c = try args.int(0)
        let s = try args.string(1)
        let count = ByteString.count(s)
        if c >= 0 && count <= c { return .string(s) }
        let bytes = ByteString.bytes(s)
        if c < 0 && bytes.count + c > 0 { return .string(GoStrings.string(bytes[(bytes.count + c)...])) }
        if c >= 0 && bytes.count > c { return .string(GoStrings.string(bytes[..<c])) }
        return .string(s)
    }

    static func repeatString(_ a: [Value]) throws -> Value {
        let args = Arguments("repeat", a)
        try args.expect(2)
        let n = try args.int(0)
        let s = try args.string(1)
        if n < 0 { throw callFailure("strings: negative Repeat count") }
        let (bytes, overflow) = s.utf8.count.multipliedReportingOverflow(by: n)
        try BuildLimits.checkString(bytes: overflow ? Int.max : bytes)
        return .string(GoStrings.repeating(s, n))
    }

    static func join(_ a: [Value]) throws -> Value {
        let args = Arguments("join", a)
        try args.expect(2)
        let sep = try args.string(0)
        return .string(GoTypes.stringSlice(a[1]).joined(separator: sep))
    }

    /// `split`/`splitn` results: a map `_0`, `_1`, ... of the parts.
    static func indexedParts(_ parts: [String]) -> Value {
        var m = [String: Value](minimumCapacity: parts.count)
        for (i, p) in parts.enumerated() { m["_\(i)"] = .string(p) }
        return .map(m)
    }

    /// `substr start end s` on bytes; out-of-range bounds fail as Go's slicing does.
    static func substr(_ a: [Value]) throws -> Value {
        let args = Arguments("substr", a)
        try args.expect(3)
        let start = try args.int(0), end = try args.int(1)
        let bytes = ByteString.bytes(try args.string(2))
        func slice(_ lo: Int, _ hi: Int) throws -> Value {
            guard lo >= 0, lo <= hi, hi <= bytes.count else {
                throw callFailure("runtime error: slice bounds out of range [\(lo):\(hi)]")
            }
            return .string(GoStrings.string(bytes[lo..<hi]))
        }
        if start < 0 {
            // Go's `s[:end]`.
            if end < 0 { throw callFailure("runtime error: slice bounds out of range [:\(end)]") }
            if end > bytes.count { throw callFailure("runtime error: slice bounds out of range [:\(end)] with length \(bytes.count)") }
            return try slice(0, end)
        }
        if end < 0 || end > bytes.count { return try slice(start, bytes.count) }
        return try slice(start, end)
    }

    /// `abbrev width s`: shortens to `width` bytes ending in `...`.
    static func abbrev(_ a: [Value]) throws -> Value {
        let args = Arguments("abbrev", a)
        try args.expect(2)
        let width = try args.int(0)
        let s = try args.string(1)
        let bytes = ByteString.bytes(s)
        if width < 4 || bytes.count <= width { return .string(s) }
        return .string(GoStrings.string(bytes[..<(width - 3)]) + "...")
    }
}
