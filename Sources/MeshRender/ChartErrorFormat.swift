import GoTemplate

/// Helm's rewriting of template errors (`engine.cleanupParseError`, `reformatExecErrorMsg`).
enum ChartErrorFormat {
    static let failStart = "HELM_ERR_START"
    static let failEnd = "HELM_ERR_END"

    /// `parse error at (NAME:LINE): MESSAGE` -- Helm keeps only the last `: `-separated part.
    static func parse(_ error: TemplateError) -> String {
        let text = error.description
        let tokens = text.components(separatedBy: ": ")
        guard tokens.count > 1 else { return "parse error in (?): \(text)" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    /// An execution error as Helm prints it:
    /// - `fail`/`required` (messages wrapped in HELM_ERR_START/END): `execution error at (LOC): msg`;
    /// - errors raised inside a function (`error calling NAME: ...` over a plain error): Go's line as is;
    /// - others: one block per template of the include chain,
    ///   `LOC\n  executing "NAME" at <NODE>:\n    message`.
    static func execute(_ error: TemplateError) -> String {
        let text = error.description
        let tokens = text.components(separatedBy: ": ")
        if tokens.count >= 3 {
            let rest = tokens[2...].joined(separator: ": ")
            if let s = rest.range(of: failStart), let e = rest.range(of: failEnd, options: .backwards), s.upperBound <= e.lowerBound {
                return "execution error at (\(tokens[1])): \(rest[s.upperBound..<e.lowerBound])"
            }
        } else {
            return text
        }
        var blocks: [Traceable] = []
        var current: Substring? = Substring(text)
        while let c = current {
            guard let (traceable, next) = Traceable.parse(c) else { return text }
            if blocks.last != traceable { blocks.append(traceable) }
            current = next
        }
        var out = ""
        for b in blocks { out += b.rendered }
        return GoText.trimSpace(out)
    }

    /// One level of Go's error chain: where, which template, and the message.
    struct Traceable: Equatable {
        var location = ""
        var executing = ""
        var message = ""

        var rendered: String {
            var s = ""
            if !location.isEmpty { s += location + "\n  " }
            if !executing.isEmpty { s += executing + "\n    " }
            if !message.isEmpty { s += message + "\n" }
            return s
        }

        /// Parses `template: LOC: executing "NAME" at <NODE>: MSG` (or the shorter forms) and
        /// returns the wrapped error's text when MSG is `error calling FN: <wrapped>`.
        static func parse(_ s: Substring) -> (Traceable, Substring?)? {
            let prefix = "template: "
            guard s.hasPrefix(prefix) else { return nil }
            let remainder = s.dropFirst(prefix.count)
            if remainder.hasPrefix("no template ") { return (Traceable(message: String(s)), nil) }
            var t = Traceable()
            var message: Substring
            if let r = remainder.range(of: ": executing \""),
               let quoteEnd = remainder[r.upperBound...].firstIndex(of: "\""),
               remainder[remainder.index(after: quoteEnd)...].hasPrefix(" at <"),
               let locEnd = remainder[quoteEnd...].range(of: ">: ") {
                t.location = String(remainder[..<r.lowerBound])
                let name = remainder[r.upperBound..<quoteEnd]
                let node = remainder[remainder.index(quoteEnd, offsetBy: 6)..<locEnd.lowerBound]
                t.executing = "executing \"\(name)\" at <\(node)>:"
                message = remainder[locEnd.upperBound...]
            } else if let sep = remainder.range(of: ": ", options: .backwards) {
                t.location = String(remainder[..<sep.lowerBound])
                message = remainder[sep.upperBound...]
            } else {
                return nil
            }
            var wrapped: Substring?
            if message.hasPrefix("error calling "), let colon = message.range(of: ": ") {
                wrapped = message[colon.upperBound...]
            }
            if let cut = message.range(of: " template:") { message = message[..<cut.lowerBound] }
            t.message = String(message)
            return (t, wrapped)
        }
    }
}
