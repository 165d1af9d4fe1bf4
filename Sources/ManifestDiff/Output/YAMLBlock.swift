import GoValues
import YAML

/// Writes a value as a YAML block the way Helm's `toYaml` does (`HelmYAML.marshal`): the normalised form
/// that human and unified output show. Values `toYaml` refuses (NaN, ±Inf, unreadable characters) are
/// written by a small block writer of its own: keys in byte order, lists unindented under their key.
enum YAMLBlock {
    /// The lines of `value` (no trailing newline on any line).
    static func lines(_ value: Value) -> [String] {
        if let text = try? HelmYAML.marshalChecked(value) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        return fallbackLines(value)
    }

    /// The block writer used when `toYaml` cannot write the value.
    static func fallbackLines(_ value: Value) -> [String] {
        var out: [String] = []
        write(value, indent: "", into: &out)
        return out
    }

    private static func write(_ value: Value, indent: String, into out: inout [String]) {
        switch value {
        case .map(let m) where !m.isEmpty:
            for key in value.sortedKeys {
                guard let child = m[key] else { continue }
                writeEntry(prefix: indent + scalar(.string(key)) + ":", child, childIndent: indent, into: &out)
            }
        case .list(let items) where !items.isEmpty:
            for item in items {
                writeItem(item, indent: indent, into: &out)
            }
        default:
            if case .string(let text) = value, let literal = literal(text) {
                out.append(indent + literal.header)
                for line in literal.lines { out.append(line.isEmpty ? "" : indent + "  " + line) }
            } else {
                out.append(indent + scalar(value))
            }
        }
    }

    /// A multi-line string as a literal block (`|`, `|-` or `|+` and its lines), when it can be one.
    static func literal(_ s: String) -> (header: String, lines: [String])? {
        guard s.utf8.contains(UInt8(ascii: "\n")),
            !s.utf8.contains(where: { ($0 < 0x20 && $0 != UInt8(ascii: "\n")) || $0 == 0x7F })
        else { return nil }
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var trailing = 0
        while lines.count > 1, lines.last == "" {
            lines.removeLast()
            trailing += 1
        }
        // Leading spaces on the first line would need an indentation indicator; trailing spaces are lost
        // by some readers: quote those instead.
        guard let first = lines.first, !first.hasPrefix(" "), !lines.contains(where: { $0.hasSuffix(" ") }) else {
            return nil
        }
        let header = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+"
        if trailing > 1 { lines += Array(repeating: "", count: trailing - 1) }
        return (header, lines)
    }

    /// `key: scalar`, or `key:` followed by the nested block.
    private static func writeEntry(prefix: String, _ child: Value, childIndent: String, into out: inout [String]) {
        switch child {
        case .map(let m) where !m.isEmpty:
            out.append(prefix)
            write(child, indent: childIndent + "  ", into: &out)
        case .list(let items) where !items.isEmpty:
            out.append(prefix)
            write(child, indent: childIndent, into: &out)
        default:
            if case .string(let text) = child, let literal = literal(text) {
                out.append(prefix + " " + literal.header)
                for line in literal.lines { out.append(line.isEmpty ? "" : childIndent + "  " + line) }
            } else {
                out.append(prefix + " " + scalar(child))
            }
        }
    }

    /// `- item`, the item's first line after the dash, the rest indented under it.
    private static func writeItem(_ item: Value, indent: String, into out: inout [String]) {
        var nested: [String] = []
        write(item, indent: "", into: &nested)
        guard let first = nested.first else { return }
        out.append(indent + "- " + first)
        for line in nested.dropFirst() { out.append(line.isEmpty ? "" : indent + "  " + line) }
    }

    /// A scalar in flow form, quoted when plain text would read back as something else.
    static func scalar(_ value: Value) -> String {
        switch value {
        case .null, .nilList: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i), .int64(let i): return String(i)
        case .float(let f):
            if f.isNaN { return ".nan" }
            if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
            return GoFormat.float(f)
        case .string(let s): return quotedIfNeeded(s)
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    static func quotedIfNeeded(_ s: String) -> String {
        if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return doubleQuoted(s) }
        if needsQuotes(s) { return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }
        return s
    }

    private static func needsQuotes(_ s: String) -> Bool {
        let bytes = s.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        // Only words starting like a null, bool or number can read back as something else than a string.
        if "~nNyYtTfFoO0123456789+-.".utf8.contains(first), !isPlainString(s) { return true }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ")
            || last == UInt8(ascii: "\t")
        {
            return true
        }
        if "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) { return true }
        if last == UInt8(ascii: ":") { return true }
        // ": " starts a mapping value and " #" a comment inside plain text.
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return true }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return true }
            previous = byte
        }
        return false
    }

    private static func isPlainString(_ s: String) -> Bool {
        if case .string = ScalarResolver.resolvePlain(s) { return true }
        return false
    }

    private static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
