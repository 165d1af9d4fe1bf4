/// An error of the template engine, printed exactly as Go's `text/template` prints it.
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

    public var location: Location
    /// The bare message (`function "x" not defined`, `error calling fail: boom`, ...).
    public var message: String

    public init(_ message: String, at location: Location) {
        self.message = message
        self.location = location
    }

    public var description: String {
        switch location {
        case .parse(let name, let line):
            return "template: \(name):\(line): \(message)"
        case .node(let name, let line, let column, let executing, let context):
            return "template: \(name):\(line):\(column): executing \"\(executing)\" at <\(context)>: \(message)"
        case .template(let executing):
            return "template: \(executing): \(message)"
        case .none:
            return "template: \(message)"
        }
    }

    /// True for errors found while parsing (as opposed to executing).
    public var isParseError: Bool {
        if case .parse = location { return true }
        return false
    }
}
