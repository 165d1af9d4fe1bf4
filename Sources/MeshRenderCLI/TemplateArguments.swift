/// A `helm template` command line read the way Helm's flag library reads it: flags before, between
/// or after the positionals; `--name=value` or `--name value`; `-fvalue`, `-f value` and `-f=value`;
/// shorthand booleans grouped (`-ga`); `--` ends the flags; booleans take an optional `=true|false`.
struct TemplateArguments {
    /// The words that are no flag or flag value: `[NAME] CHART`.
    var positionals: [String] = []
    /// Values by flag's long name, in command-line order (a slice flag's values already split at commas).
    var values: [String: [String]] = [:]

    /// One line, worded as Helm's flag library words it.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(parsing words: [String]) throws(UsageError) {
        var rest = words[...]
        while let word = rest.popFirst() {
            if word == "--" {
                positionals += rest
                break
            }
            if word.hasPrefix("--") {
                try long(String(word.dropFirst(2)), &rest)
            } else if word.hasPrefix("-"), word.count > 1 {
                try shorthands(String(word.dropFirst()), &rest)
            } else {
                positionals.append(word)
            }
        }
    }

    /// The last value of a string flag.
    func last(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable flag.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a boolean flag was set to true (its last occurrence wins).
    func isSet(_ name: String) -> Bool { values[name]?.last == "true" }

    /// Whether the flag appeared at all.
    func has(_ name: String) -> Bool { values[name] != nil }

    private mutating func long(_ body: String, _ rest: inout ArraySlice<String>) throws(UsageError) {
        let name: String, inline: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inline = String(body[body.index(after: equals)...])
        } else {
            name = body
            inline = nil
        }
        guard let flag = TemplateFlag.byLong[name], !name.isEmpty else {
            throw UsageError(description: "unknown flag: --\(name)")
        }
        try take(flag, shown: "--" + name, inline: inline, &rest)
    }

    private mutating func shorthands(_ body: String, _ rest: inout ArraySlice<String>) throws(UsageError) {
        var letters = Substring(body)
        while let letter = letters.popFirst() {
            guard let flag = TemplateFlag.byShort[letter] else {
                throw UsageError(description: "unknown shorthand flag: '\(letter)' in -\(body)")
            }
            if flag.kind == .bool {
                if letters.first == "=" {
                    try take(flag, shown: "-\(letter)", inline: String(letters.dropFirst()), &rest)
                    return
                }
                try take(flag, shown: "-\(letter)", inline: nil, &rest)
                continue
            }
            // `-n=x` is `x`, but `-n=` alone is the value "=" (as Helm's flag library reads it).
            let inline: String? = letters.isEmpty ? nil : String(letters.first == "=" && letters.count > 1 ? letters.dropFirst() : letters)
            try take(flag, shown: "-\(letter)", inline: inline, &rest)
            return
        }
    }

    private mutating func take(
        _ flag: TemplateFlag, shown: String, inline: String?, _ rest: inout ArraySlice<String>
    ) throws(UsageError) {
        let value: String
        switch flag.kind {
        case .bool:
            guard let text = inline else { value = "true"; break }
            guard let parsed = TemplateArguments.goBool(text) else {
                throw UsageError(description: "invalid argument \"\(text)\" for \"\(shown)\" flag: strconv.ParseBool: parsing \"\(text)\": invalid syntax")
            }
            value = parsed ? "true" : "false"
        case .optional(let implied):
            value = inline ?? implied
        case .string, .array, .slice:
            if let inline {
                value = inline
            } else if let next = rest.popFirst() {
                value = next
            } else {
                throw UsageError(description: "flag needs an argument: \(shown)")
            }
        }
        if case .slice = flag.kind {
            values[flag.long, default: []] += value.isEmpty ? [] : TemplateArguments.csvFields(value)
        } else {
            values[flag.long, default: []].append(value)
        }
    }

    /// Go's `strconv.ParseBool`.
    static func goBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    /// One CSV record's fields, as a string-slice flag splits its value (`"a,b"` quoting allowed).
    static func csvFields(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Substring(text)
        var atStart = true
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && atStart {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
                atStart = true
                continue
            } else {
                field.append(c)
            }
            atStart = false
        }
        fields.append(field)
        return fields
    }
}
