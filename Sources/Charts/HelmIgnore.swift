/// A chart's `.helmignore` rules, evaluated as Helm evaluates them when it loads a chart directory:
/// in order, the first rule that decides wins. A rule without `/` matches the file's base name;
/// one with `/` the path from the chart's top (a leading `/` is dropped); a trailing `/` makes it
/// apply to directories only. A negated rule (`!rule`) ignores every path it does *not* match —
/// Helm's reading of negation, kept as it is. `**` is refused. Helm's default rule,
/// `templates/.?*`, follows the file's own.
struct HelmIgnore {
    private struct Rule {
        var pattern: String
        var negate: Bool
        var directoryOnly: Bool
        var baseNameOnly: Bool
        /// How the pattern matches, worked out once: most rules are a plain name or `*` and a suffix.
        var shape: Shape

        enum Shape {
            /// No `*`, `?`, `[` or `\`: the name itself.
            case literal
            /// `*` and then a literal without `/`: any name without `/` that ends in it.
            case anyWithSuffix(String)
            case general
        }

        init(pattern: String, negate: Bool, directoryOnly: Bool, baseNameOnly: Bool) {
            (self.pattern, self.negate, self.directoryOnly, self.baseNameOnly) = (pattern, negate, directoryOnly, baseNameOnly)
            let meta: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "\\")]
            let rest = pattern.utf8.dropFirst()
            if !pattern.utf8.contains(where: meta.contains) {
                shape = .literal
            } else if pattern.utf8.first == UInt8(ascii: "*"), !rest.contains(where: { meta.contains($0) || $0 == UInt8(ascii: "/") }) {
                shape = .anyWithSuffix(String(pattern.dropFirst()))
            } else {
                shape = .general
            }
        }

        /// Go's `filepath.Match(pattern, name)`, a malformed pattern matching nothing.
        func matches(_ name: String) -> Bool {
            switch shape {
            case .literal: return name.utf8.elementsEqual(pattern.utf8)
            case .anyWithSuffix(let suffix):
                return !name.utf8.contains(UInt8(ascii: "/")) && name.utf8.count >= suffix.utf8.count
                    && name.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
            case .general: return GoPathMatch.match(pattern, name)
            }
        }
    }

    private var rules: [Rule] = []

    /// Only Helm's default rule.
    init() {
        try? add("templates/.?*")
    }

    /// The rules of a `.helmignore` file's text, then Helm's default rule.
    init(parsing text: String) throws(ChartRenderError) {
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            try add(String(ResolvedChart.goTrimSpace(String(line))))
        }
        try add("templates/.?*")
    }

    private mutating func add(_ line: String) throws(ChartRenderError) {
        if line.isEmpty || line.hasPrefix("#") { return }
        if line.contains("**") { throw ChartRenderError(.load, "double-star (**) syntax is not supported") }
        guard GoPathMatch.matches(line, "abc") != nil else { throw ChartRenderError(.load, "syntax error in pattern") }
        var pattern = Substring(line)
        let negate = pattern.hasPrefix("!")
        if negate { pattern = pattern.dropFirst() }
        let directoryOnly = pattern.hasSuffix("/")
        if directoryOnly { pattern = pattern.dropLast() }
        let anchored = pattern.hasPrefix("/")
        if anchored { pattern = pattern.dropFirst() }
        rules.append(Rule(pattern: String(pattern), negate: negate, directoryOnly: directoryOnly,
                          baseNameOnly: !anchored && !pattern.contains("/")))
    }

    /// Whether the file or directory at `path` (relative to the chart's top, `/`-separated) is left out.
    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        let baseName = path.split(separator: "/").last.map(String.init) ?? path
        for rule in rules {
            let matched = rule.matches(rule.baseNameOnly ? baseName : path)
            if rule.negate {
                if rule.directoryOnly && !isDirectory { return true }
                if !matched { return true }
                continue
            }
            if rule.directoryOnly && !isDirectory { continue }
            if matched { return true }
        }
        return false
    }
}
