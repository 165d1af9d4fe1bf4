/// An error of the template engine. `description` is exactly Go's `text/template` error text;
/// ``helmDescription`` is what `helm template` prints after `Error: ` for the same error.
///
/// - parse: `template: NAME:LINE: message`
/// - execution at a node: `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message`
///   (COL is Go's 0-based byte column; NAME the file the node was parsed from, TEMPLATE the
///   template being executed, NODE the node printed back as template text)
/// - execution without a node: `template: TEMPLATE: message`
/// - other: `template: message` (e.g. `template: no template "x" associated with template "y"`)
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where and how the error arose.
    public enum Location: Sendable, Equatable {
        /// A parse error in file `name` at `line`.
        case parse(name: String, line: Int)
        /// An execution error at a node of file `name`, while executing template `executing`.
        case node(name: String, line: Int, column: Int, executing: String, context: String)
        /// An execution error of template `executing` not tied to a node.
        case template(executing: String)
        /// No location (the message says everything).
        case none
    }

    private final class Box: @unchecked Sendable, Equatable {
        let error: TemplateError
        init(_ error: TemplateError) { self.error = error }
        static func == (a: Box, b: Box) -> Bool { a.error == b.error }
    }

    public var location: Location
    /// This level's message (`function "x" not defined`, `error calling fail: boom`,
    /// `error calling include: ` when a nested template error follows).
    public var message: String
    private var wrappedBox: Box?
    /// True when this level wraps an error that is not itself a template error in Go's chain (a
    /// function's own error, or `tpl`'s). Helm then prints the whole text on one line.
    public var wrapsFunctionError: Bool
    /// The message given to Helm's `required` or `fail` (Helm prints it alone).
    public var helmMessage: String?

    public init(_ message: String, at location: Location) {
        self.message = message
        self.location = location
        self.wrapsFunctionError = false
    }

    /// The template error this one wraps (`include` failing inside `include`); its text follows
    /// `message` in ``description``.
    public var wrapped: TemplateError? {
        get { wrappedBox?.error }
        set { wrappedBox = newValue.map(Box.init) }
    }

    /// This level's prefix (`template: NAME:LINE:COL: executing "X" at <NODE>: `).
    var prefix: String {
        switch location {
        case .parse(let name, let line):
            return "template: \(name):\(line): "
        case .node(let name, let line, let column, let executing, let context):
            return "template: \(name):\(line):\(column): executing \"\(executing)\" at <\(context)>: "
        case .template(let executing):
            return "template: \(executing): "
        case .none:
            return "template: "
        }
    }

    public var description: String {
        var out = ""
        var level: TemplateError? = self
        while let current = level {
            out += current.prefix
            out += current.message
            level = current.wrapped
        }
        return out
    }

    /// The bottom of the chain.
    public var innermost: TemplateError {
        var e = self
        while let w = e.wrapped { e = w }
        return e
    }

    /// True for errors found while parsing (as opposed to executing).
    public var isParseError: Bool {
        if case .parse = location { return true }
        return false
    }

    /// A `required`/`fail` message anywhere in the chain.
    var chainHelmMessage: String? {
        var level: TemplateError? = self
        while let current = level {
            if let m = current.helmMessage { return m }
            level = current.wrapped
        }
        return nil
    }
}
