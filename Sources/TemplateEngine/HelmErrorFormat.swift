import FoundationEssentials

extension TemplateError {
    /// The text `helm template` prints after `Error: ` for this error (Helm's engine rewrites Go's
    /// errors):
    /// - parse errors: `parse error at (NAME:LINE): message`;
    /// - `required`/`fail`: `execution error at (NAME:LINE:COL): message`;
    /// - errors whose chain is made only of template errors: one block per level,
    ///   `NAME:LINE:COL` / `  executing "X" at <NODE>:` / `    message`;
    /// - anything else (a function's own error somewhere in the chain): Go's text, on one line.
    public var helmDescription: String {
        let goText = description
        if isParseError {
            let tokens = goText.components(separatedBy: ": ")
            guard tokens.count > 1 else { return goText }
            return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
        }
        let tokens = goText.split(separator: ": ", maxSplits: 2, omittingEmptySubsequences: false)
        guard tokens.count == 3 else { return goText }
        if let message = chainHelmMessage {
            return "execution error at (\(tokens[1])): \(message)"
        }
        var check: TemplateError? = self
        while let current = check {
            if current.wrapsFunctionError { return goText }
            check = current.wrapped
        }
        var blocks: [String] = []
        var level: TemplateError? = self
        while let current = level {
            let block = current.traceBlock
            if blocks.last != block { blocks.append(block) }
            level = current.wrapped
        }
        return blocks.joined().trimmingWhitespace()
    }

    /// One level as Helm's `TraceableError` prints it.
    private var traceBlock: String {
        func cut(_ s: String) -> String {
            if let r = s.firstRange(of: " template:") { return String(s[..<r.lowerBound]) }
            return s
        }
        var message = message
        if let wrapped { message += wrapped.prefix }  // what Go's text shows up to the cut
        switch location {
        case .node(let name, let line, let column, let executing, let context):
            return "\(name):\(line):\(column)\n  executing \"\(executing)\" at <\(context)>:\n    \(cut(message))\n"
        case .template(let executing):
            // Helm splits "NAME: message" at the last ": ".
            let remainder = "\(executing): \(message)"
            guard let sep = remainder.ranges(of: ": ").last else { return remainder + "\n" }
            return "\(remainder[..<sep.lowerBound])\n  \(cut(String(remainder[sep.upperBound...])))\n"
        case .none, .parse:
            return description + "\n"
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        let space: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        while start < end && space(scalars[start]) { start = scalars.index(after: start) }
        while end > start && space(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
