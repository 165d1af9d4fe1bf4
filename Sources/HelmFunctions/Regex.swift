import GoRegex
import GoValues
import Platform

/// Sprig's regular-expression functions over `GoRegex` (Go's `regexp`: RE2 syntax, leftmost-first
/// submatches, time linear in the input), with Go's match iteration, `Split` and `$1`/`${name}`
/// replacement semantics.
enum RegexFunctions {
    static let table: [String: FunctionBody] = [
        "regexMatch": { a in
            let args = Arguments("regexMatch", a)
            try args.expect(2)
            guard let re = try? compiled(try args.string(0)) else { return .bool(false) }
            return .bool(re.matches(try args.string(1)))
        },
        "mustRegexMatch": { a in
            let args = Arguments("mustRegexMatch", a)
            try args.expect(2)
            return .bool(try compiled(try args.string(0), for: "mustRegexMatch").matches(try args.string(1)))
        },
        "regexFind": { a in try find(a, "regexFind") },
        "mustRegexFind": { a in try find(a, "mustRegexFind") },
        "regexFindAll": { a in try findAll(a, "regexFindAll") },
        "mustRegexFindAll": { a in try findAll(a, "mustRegexFindAll") },
        "regexReplaceAll": { a in try replace(a, "regexReplaceAll", literal: false) },
        "mustRegexReplaceAll": { a in try replace(a, "mustRegexReplaceAll", literal: false) },
        "regexReplaceAllLiteral": { a in try replace(a, "regexReplaceAllLiteral", literal: true) },
        "mustRegexReplaceAllLiteral": { a in try replace(a, "mustRegexReplaceAllLiteral", literal: true) },
        "regexSplit": { a in try split(a, "regexSplit") },
        "mustRegexSplit": { a in try split(a, "mustRegexSplit") },
        "regexQuoteMeta": { a in try StringFunctions.unary(a, "regexQuoteMeta", GoRegexp.quoteMeta) },
    ]

    /// Compiled patterns by source text: templates call the same pattern once per loop iteration.
    private static let cache = RegexCache()

    /// `pattern` compiled for the function `function`: the `must…` functions report a bad pattern as
    /// Go's `regexp.Compile` error, the others as the panic of `regexp.MustCompile`, as Sprig does.
    static func compiled(_ pattern: String, for function: String = "regexMatch") throws -> GoRegexp {
        if let hit = cache[pattern] { return hit }
        let message: String
        do throws(RegexSyntaxError) {
            if let rest = fromFirstByte(pattern) { message = "error parsing regexp: invalid UTF-8: `\(rest)`" } else {
                let re = try GoRegexp(pattern)
                cache[pattern] = re
                return re
            }
        } catch {
            message = error.description
        }
        throw callFailure(function.hasPrefix("must") ? message : "regexp: Compile(\(mustCompileQuote(pattern))): \(message)")
    }

    /// The part of `pattern` from its first byte that is not UTF-8 on (which Go's parser refuses);
    /// nil for a pattern of text.
    static func fromFirstByte(_ pattern: String) -> String? {
        guard ByteString.mayHoldBytes(pattern) else { return nil }
        let scalars = ByteString.normalized(pattern).unicodeScalars
        guard let first = scalars.firstIndex(where: { ByteString.byte($0) != nil }) else { return nil }
        return String(scalars[first...])
    }

    /// How `regexp.MustCompile` quotes a pattern in its panic: in backquotes when it can be.
    static func mustCompileQuote(_ s: String) -> String {
        let backquotable = s.unicodeScalars.allSatisfy { c in
            c != "\u{FEFF}" && c != "`" && c != "\u{7F}" && (c.value >= 0x20 || c == "\t") && ByteString.byte(c) == nil
        }
        return backquotable ? "`\(s)`" : GoQuote.quote(s)
    }

    static func find(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(2)
        let re = try compiled(try args.string(0), for: name)
        return .string(re.allMatchTexts(in: try args.string(1), limit: 1).first ?? "")
    }

    static func findAll(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try compiled(try args.string(0), for: name)
        let s = try args.string(1)
        let n = try args.int(2)
        if n == 0 { return .nilList }  // Go's nil slice, as for no match at all
        let matches = re.allMatchTexts(in: s, limit: n)
        if matches.isEmpty { return .nilList }
        return .list(matches.map { .string($0) })
    }

    static func replace(_ a: [Value], _ name: String, literal: Bool) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try compiled(try args.string(0), for: name)
        let s = try args.string(1)
        let template = try args.string(2)
        return .string(literal ? re.replaceAllLiteral(in: s, with: template) : re.replaceAll(in: s, with: template))
    }

    /// Go's `Regexp.Split(s, n)`.
    static func split(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(3)
        let re = try compiled(try args.string(0), for: name)
        let s = try args.string(1)
        let n = try args.int(2)
        guard let parts = re.split(s, limit: n) else { return .nilList }  // Go's nil slice
        return .list(parts.map { .string($0) })
    }
}

/// A small thread-safe cache of compiled patterns; cleared when it grows past its bound. `String`
/// equality is Unicode canonical equivalence, under which the Kelvin sign `K` (U+212A) is the
/// letter `K`, but Go's patterns are byte strings: the patterns under one key are told apart by
/// their bytes.
final class RegexCache: @unchecked Sendable {
    private var entries: [String: [GoRegexp]] = [:]
    private var count = 0
    private let lock = Lock()
    private let limit = 256

    subscript(pattern: String) -> GoRegexp? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries[pattern]?.first { $0.pattern.utf8.elementsEqual(pattern.utf8) }
        }
        set {
            guard let newValue else { return }
            lock.lock()
            defer { lock.unlock() }
            if count >= limit {
                entries.removeAll(keepingCapacity: true)
                count = 0
            }
            entries[pattern, default: []].append(newValue)
            count += 1
        }
    }
}
