/// A compiled regular expression with the syntax and semantics of Go's `regexp` package (RE2):
/// leftmost-first matching, Go's submatches, time linear in the input.
///
/// Positions are UTF-8 byte offsets into the searched string; a match's slots are `[start, end]`
/// pairs, group 0 (the whole match) first, -1 for a group that took no part in the match.
public final class GoRegexp: Sendable {
    /// The source text of the pattern.
    public let pattern: String
    /// The names of the groups, group 0 (the whole match, "") first; "" for unnamed groups.
    public let subexpNames: [String]
    let prog: Program

    /// Compiles `pattern`, or throws Go's syntax error for it.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        let (tree, names) = try Parser.parse(pattern)
        subexpNames = [""] + names
        prog = try Compiler.compile(Simplifier.simplify(tree), groups: names.count, pattern: pattern)
    }

    /// The number of parenthesized groups.
    public var numSubexp: Int { subexpNames.count - 1 }

    /// The index of the first group named `name`, or -1.
    public func subexpIndex(_ name: String) -> Int {
        guard !name.isEmpty else { return -1 }
        return subexpNames.firstIndex { $0.utf8.elementsEqual(name.utf8) } ?? -1
    }

    /// Whether `s` contains a match (Go's `MatchString`).
    public func matches(_ s: String) -> Bool {
        UTF8Input.with(s) { PikeVM(prog: prog, input: $0, ncap: 0).match(from: 0) }
    }

    /// The slots of the leftmost match in `s` with all its groups (Go's `FindStringSubmatchIndex`).
    public func firstMatch(in s: String) -> [Int]? {
        UTF8Input.with(s) { input in
            let vm = PikeVM(prog: prog, input: input, ncap: prog.slotCount)
            return vm.match(from: 0) ? vm.slots : nil
        }
    }

    /// The slots of the leftmost match in the bytes `text`, which need not be valid UTF-8: an invalid
    /// or truncated sequence reads as U+FFFD, one byte wide (Go's `FindSubmatchIndex`).
    public func firstMatch(inBytes text: [UInt8]) -> [Int]? {
        text.withUnsafeBufferPointer { buffer in
            let vm = PikeVM(prog: prog, input: UTF8Input(bytes: buffer), ncap: prog.slotCount)
            return vm.match(from: 0) ? vm.slots : nil
        }
    }

    /// Up to `limit` successive non-overlapping matches (all when negative), with all their groups
    /// when `submatches`, else only group 0: Go's `FindAllStringSubmatchIndex` / `FindAllStringIndex`,
    /// where an empty match right after the previous match does not count.
    public func allMatches(in s: String, limit: Int = -1, submatches: Bool = false) -> [[Int]] {
        UTF8Input.with(s) { input in
            var out: [[Int]] = []
            forEachMatch(input, limit: limit, ncap: submatches ? prog.slotCount : 2) { out.append($0.slots) }
            return out
        }
    }

    /// Go's `allMatches` loop: calls `deliver` with the machine holding each accepted match.
    private func forEachMatch(_ input: UTF8Input, limit: Int, ncap: Int, _ deliver: (PikeVM) -> Void) {
        let end = input.bytes.count
        let n = limit < 0 ? end + 1 : limit
        let vm = PikeVM(prog: prog, input: input, ncap: ncap)
        var count = 0
        var pos = 0
        var prevMatchEnd = -1
        while count < n && pos <= end {
            guard vm.match(from: pos) else { break }
            let m0 = vm.matchcap[0], m1 = vm.matchcap[1]
            var accept = true
            if m1 == pos {
                // An empty match: not right after the previous match; move on one rune.
                if m0 == prevMatchEnd { accept = false }
                let width = input.step(pos).1
                pos += width > 0 ? width : end + 1 - pos
            } else {
                pos = m1
            }
            prevMatchEnd = m1
            if accept {
                deliver(vm)
                count += 1
            }
        }
    }

    /// The texts of up to `limit` successive matches (all when negative): Go's `FindAllString`.
    public func allMatchTexts(in s: String, limit: Int = -1) -> [String] {
        UTF8Input.with(s) { input in
            var out: [String] = []
            forEachMatch(input, limit: limit, ncap: 2) { vm in
                out.append(String(decoding: UnsafeBufferPointer(rebasing: input.bytes[vm.matchcap[0]..<vm.matchcap[1]]), as: UTF8.self))
            }
            return out
        }
    }

    /// Go's `ReplaceAllString`: every match replaced by `template` with `$1`, `${1}`, `$name`,
    /// `${name}` expanded (see `ExpandTemplate`).
    public func replaceAll(in s: String, with template: String) -> String {
        let needsGroups = template.utf8.contains(UInt8(ascii: "$"))
        let expansion = ExpandTemplate(template, names: subexpNames)
        return replace(s, ncap: needsGroups ? prog.slotCount : 2) { out, src, vm in
            expansion.append(into: &out, source: src, match: vm.matchcap, slots: vm.ncap)
        }
    }

    /// Go's `ReplaceAllLiteralString`: every match replaced by `replacement` as it is.
    public func replaceAllLiteral(in s: String, with replacement: String) -> String {
        let r = Array(replacement.utf8)
        return replace(s, ncap: 2) { out, _, _ in out.append(contentsOf: r) }
    }

    private func replace(_ s: String, ncap: Int, _ write: (inout [UInt8], UnsafeBufferPointer<UInt8>, PikeVM) -> Void) -> String {
        UTF8Input.with(s) { input in
            let src = input.bytes
            let end = src.count
            let vm = PikeVM(prog: prog, input: input, ncap: ncap)
            var out: [UInt8] = []
            var lastMatchEnd = 0
            var searchPos = 0
            while searchPos <= end {
                guard vm.match(from: searchPos) else { break }
                let a0 = vm.matchcap[0], a1 = vm.matchcap[1]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[lastMatchEnd..<a0]))
                // No replacement for an empty match right after the previous match.
                if a1 > lastMatchEnd || a0 == 0 { write(&out, src, vm) }
                lastMatchEnd = a1
                let width = input.step(searchPos).1
                if searchPos + width > a1 {
                    searchPos += width
                } else if searchPos + 1 > a1 {
                    searchPos += 1
                } else {
                    searchPos = a1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[lastMatchEnd...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Go's `Split`: the texts between matches, at most `limit` of them (all when negative; none
    /// when 0).
    public func split(_ s: String, limit: Int) -> [String]? {
        if limit == 0 { return nil }
        if !pattern.isEmpty && s.isEmpty { return [""] }
        let bytes = Array(s.utf8)
        var parts: [String] = []
        var begin = 0, end = 0
        for m in allMatches(in: s, limit: limit) {
            if limit > 0 && parts.count == limit - 1 { break }
            end = m[0]
            if m[1] != 0 { parts.append(String(decoding: bytes[begin..<end], as: UTF8.self)) }
            begin = m[1]
        }
        if end != bytes.count { parts.append(String(decoding: bytes[begin...], as: UTF8.self)) }
        return parts
    }

    /// Go's `QuoteMeta`: `s` with every metacharacter escaped.
    public static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
