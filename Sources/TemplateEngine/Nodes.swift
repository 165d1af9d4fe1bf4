import GoValues

/// The parse tree of a template. Every node knows its byte offset in the source (`pos`) and prints
/// back to template text (`description`), which is also how execution errors name the node.

/// One parsed template: a file, or a `{{define}}`/`{{block}}` body inside one.
final class Tree {
    /// The template's name (`chart/templates/a.yaml`, or the name given to `define`).
    let name: String
    /// The name of the source the text came from (used in error locations).
    let parseName: String
    /// The source text node positions refer to.
    let source: String
    var root: ListNode
    /// Set on the first tree of a parsed text when the text uses a name the parser watched for (as a field, a
    /// variable's field or a string literal), or calls a function that executes template text (which may use any).
    var usesWatchedName = false
    /// What the parser saw of the template's own code (not of the templates defined inside it).
    var summary = Summary()

    /// Noted while parsing, for ``TemplateIndependence``.
    struct Summary {
        /// Whether the template calls a function that changes a map (`set`, `unset`, `merge` …), and whether those
        /// calls change only maps it made itself (``OwnChangesCheck``, ``TemplateIndependence``).
        var changesMaps = false
        var changesOnlyOwnMaps = true
        /// The templates it includes by literal name (`include "x"`, `{{template "x"}}`, `{{block "x"}}`).
        var includes: Set<String> = []
        /// Whether it includes a template by a computed name.
        var includesAny = false
        /// Whether its own code calls only functions that change nothing and give the same result every time, and
        /// includes only by a literal name as a command's function (what ``OwnChangesCheck`` holds the code around a
        /// shared range to; the templates it includes are held to it through ``includes``).
        var unchanging = true
    }

    init(name: String, parseName: String, source: String, root: ListNode) {
        self.name = name
        self.parseName = parseName
        self.source = source
        self.root = root
    }

    /// Go's `ErrorContext`: `parseName:line:col` of a byte offset (col is the 0-based byte column).
    func location(of pos: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        for b in source.utf8 {
            if i >= pos { break }
            if b == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, line == 1 ? pos : pos - lineStart)
    }

    /// Whether the tree holds nothing but white-space text and comments (Go's `IsEmptyTree`).
    var isEmpty: Bool { root.isEmpty }
}

/// A sequence of nodes.
final class ListNode: CustomStringConvertible {
    let pos: Int
    // Nodes are immutable once parsed: the executor reads their properties at every step, and
    // constants need no exclusivity checks.
    let nodes: [Node]

    init(pos: Int, nodes: [Node]) {
        self.pos = pos
        self.nodes = nodes
    }

    var isEmpty: Bool {
        nodes.allSatisfy { node in
            switch node {
            case .text(let t): return t.text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            case .comment: return true
            default: return false
            }
        }
    }

    var description: String {
        var out = ""
        for n in nodes { n.write(into: &out) }
        return out
    }
}

/// A node of a list: what a template consists of.
enum Node: CustomStringConvertible {
    case text(TextNode)
    case comment(CommentNode)
    case action(ActionNode)
    case branch(BranchNode)
    case template(TemplateNode)
    case breakLoop(pos: Int)
    case continueLoop(pos: Int)

    var description: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .text(let t): out += t.text
        case .comment(let c): out += "{{" + c.text + "}}"
        case .action(let a): out += "{{" + a.pipe.description + "}}"
        case .branch(let b): b.write(into: &out)
        case .template(let t): out += t.description
        case .breakLoop: out += "{{break}}"
        case .continueLoop: out += "{{continue}}"
        }
    }
}

/// Plain text copied to the output.
final class TextNode {
    let pos: Int
    /// The text, a slice of the template's source (no copy of its own).
    let text: Substring
    init(pos: Int, text: Substring) {
        self.pos = pos
        self.text = text
    }
}

/// `{{/* ... */}}`; `text` includes the comment markers.
final class CommentNode {
    let pos: Int
    let text: String
    init(pos: Int, text: String) {
        self.pos = pos
        self.text = text
    }
}

/// `{{pipeline}}`: evaluated and printed.
final class ActionNode {
    let pos: Int
    let line: Int
    let pipe: PipeNode
    /// Whether the (complete) pipeline ends in `| indent N` / `| nindent N` (see
    /// `IndentedOutput`), worked out once.
    let indentedOutput: IndentedOutput?

    /// The field chain or variable the action prints when that is all it does (`{{ .a.b }}`,
    /// `{{ $x.y }}`), worked out once.
    let printedOperand: Operand?

    init(pos: Int, line: Int, pipe: PipeNode) {
        self.pos = pos
        self.line = line
        self.pipe = pipe
        indentedOutput = IndentedOutput(pipe)
        printedOperand = pipe.decl.isEmpty && pipe.cmds.count == 1 && pipe.cmds[0].args.count == 1
            ? pipe.cmds[0].args[0].fieldOrVariable : nil
    }
}

/// `if`, `range` or `with`, with its optional `else` list.
final class BranchNode {
    enum Kind: String {
        case ifBranch = "if"
        case rangeBranch = "range"
        case withBranch = "with"
    }

    let kind: Kind
    let pos: Int
    let line: Int
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?

    init(kind: Kind, pos: Int, line: Int, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.kind = kind
        self.pos = pos
        self.line = line
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
    }

    func write(into out: inout String) {
        out += "{{" + kind.rawValue + " " + pipe.description + "}}" + list.description
        if let elseList { out += "{{else}}" + elseList.description }
        out += "{{end}}"
    }
}

/// `{{template "name" pipeline}}`.
final class TemplateNode: CustomStringConvertible {
    let pos: Int
    let line: Int
    let name: String
    let pipe: PipeNode?

    init(pos: Int, line: Int, name: String, pipe: PipeNode?) {
        self.pos = pos
        self.line = line
        self.name = name
        self.pipe = pipe
    }

    var description: String {
        if let pipe { return "{{template \(GoQuote.quote(name)) \(pipe)}}" }
        return "{{template \(GoQuote.quote(name))}}"
    }
}

/// `$a, $b := cmd | cmd | ...`.
final class PipeNode: CustomStringConvertible {
    let pos: Int
    let line: Int
    let isAssign: Bool
    let decl: [VariableRef]
    let cmds: [CommandNode]

    init(pos: Int, line: Int, isAssign: Bool, decl: [VariableRef], cmds: [CommandNode]) {
        self.pos = pos
        self.line = line
        self.isAssign = isAssign
        self.decl = decl
        self.cmds = cmds
    }

    var description: String {
        var out = ""
        if !decl.isEmpty {
            out += decl.map(\.description).joined(separator: ", ")
            out += isAssign ? " = " : " := "
        }
        for (i, c) in cmds.enumerated() {
            if i > 0 { out += " | " }
            out += c.description
        }
        return out
    }
}

/// A variable named in a declaration (`$x`).
struct VariableRef: CustomStringConvertible {
    let pos: Int
    let name: String
    var description: String { name }
}

/// One command of a pipeline: a function call, a field/method chain, or a single operand.
final class CommandNode: CustomStringConvertible {
    let pos: Int
    let args: [Operand]

    init(pos: Int, args: [Operand]) {
        self.pos = pos
        self.args = args
    }

    var description: String {
        var out = ""
        for (i, a) in args.enumerated() {
            if i > 0 { out += " " }
            if case .pipe(let p) = a {
                out += "(" + p.description + ")"
            } else {
                out += a.description
            }
        }
        return out
    }
}

/// A numeric literal with the interpretations Go allows for it.
struct NumberLiteral {
    let pos: Int
    let text: String
    var intValue: Int64?
    var floatValue: Double?
    var isUnsignedOnly = false   // fits uint64 but not int64
    var isComplex = false

    /// The value Go's `idealConstant` gives the literal when it is an argument or a command: a
    /// float64 when written with `.`, an exponent or `p` (and not a hex integer or a character), else
    /// an int; nil when it has none (complex, or too large for an int).
    var constant: Value? {
        if isComplex { return nil }
        let lower = text.lowercased()
        let isHexInt = (lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x")) && !lower.contains("p")
        let isRune = text.hasPrefix("'")
        if let f = floatValue, !isHexInt, !isRune, text.contains(where: { ".eEpP".contains($0) }) { return .float(f) }
        if let i = intValue { return .int(i) }
        return nil
    }
}

/// An operand of a command.
indirect enum Operand: CustomStringConvertible {
    /// `.A.B` (idents without dots).
    case field(pos: Int, idents: [String])
    /// `$x.A.B` (idents[0] is the variable name with `$`).
    case variable(pos: Int, idents: [String])
    /// A function name, resolved against the function table when parsed.
    case identifier(pos: Int, function: FunctionReference)
    case dot(pos: Int)
    case nilLiteral(pos: Int)
    case bool(pos: Int, value: Bool)
    /// A number literal and its constant value, computed once when parsed.
    case number(NumberLiteral, constant: Value?)
    /// A string literal: the quoted source form and its value.
    case string(pos: Int, quoted: String, value: String)
    /// A parenthesised pipeline.
    case pipe(PipeNode)
    /// `(pipeline).A.B`, or fields after any other non-field term.
    case chain(pos: Int, node: Operand, fields: [String])

    /// The operand itself when it is a field chain or a variable (with or without fields).
    var fieldOrVariable: Operand? {
        switch self {
        case .field, .variable: return self
        default: return nil
        }
    }

    var pos: Int {
        switch self {
        case .field(let p, _), .variable(let p, _), .identifier(let p, _), .dot(let p), .nilLiteral(let p),
             .bool(let p, _), .string(let p, _, _), .chain(let p, _, _):
            return p
        case .number(let n, _): return n.pos
        case .pipe(let p): return p.pos
        }
    }

    var description: String {
        switch self {
        case .field(_, let idents): return idents.map { "." + $0 }.joined()
        case .variable(_, let idents): return idents.joined(separator: ".")
        case .identifier(_, let f): return f.name
        case .dot: return "."
        case .nilLiteral: return "nil"
        case .bool(_, let v): return v ? "true" : "false"
        case .number(let n, _): return n.text
        case .string(_, let quoted, _): return quoted
        case .pipe(let p): return p.description
        case .chain(_, let node, let fields):
            var out: String
            if case .pipe(let p) = node { out = "(" + p.description + ")" } else { out = node.description }
            for f in fields { out += "." + f }
            return out
        }
    }
}

/// A function named in a template, with what the name resolved to when the template was parsed
/// (the table of a `TemplateSet` does not change after it is made).
final class FunctionReference {
    let name: String
    let implementation: FunctionImplementation?
    /// The registration the name resolved to (shared, so a reference stays small).
    let resolved: ResolvedFunction?
    /// What the function declared when it was registered (plain traits for an unknown name), kept here so that a
    /// call reads it in place.
    let traits: FunctionTraits
    /// The arguments Go declares as maps (see ``MapParameters``), looked up once here.
    let mapParameters: MapParameterPositions?
    /// The function itself when it is called as a plain function of its arguments' data
    /// (plain, indenting, YAML-writing): the executor's common case, without a look at the enum.
    let plainFunction: TemplateFunction?

    /// Whether the function's result differs from call to call (``ResolvedFunction/resultsVary``): such a call
    /// takes the executor's general path, which notes it.
    let resultsVary: Bool

    init(name: String, resolved: ResolvedFunction?) {
        self.name = name
        self.implementation = resolved?.implementation
        self.resolved = resolved
        self.resultsVary = resolved?.resultsVary ?? false
        let traits = resolved?.traits ?? FunctionTraits()
        self.traits = traits
        self.mapParameters = traits.mapParameters
        var plain: TemplateFunction? = nil
        if case .external(let f)? = resolved?.implementation, traits.unsignedParameter == nil, !resultsVary {
            switch traits.role {
            case .plain, .indents, .writesYAML: plain = f
            case .buildsMap, .mutatesMap, .sharesArguments: break
            }
        }
        plainFunction = plain
    }

    /// Whether the function includes a template by name (``EngineMechanism/includesTemplate``).
    var isInclude: Bool {
        if case .engine(.includesTemplate)? = implementation { return true }
        return false
    }
}
