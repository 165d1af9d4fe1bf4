import GoValues
/// Go's text/template parser: tokens in, trees out. One `Parser` parses one source text; the
/// templates it defines (`define`, `block`) come out as further trees. It pulls tokens from the lexer
/// as it goes and reads their text from the source bytes in place.
///
/// Errors read `template: NAME:LINE: message`, LINE being the line of the token last read.
struct Parser {
    private struct Failure: Error { let message: String }

    private let parseName: String
    private let source: String
    private let input: UnsafeBufferPointer<UInt8>  // the UTF-8 of `source`
    private var lexer: Lexer
    private var index = 0             // next token to read (counted from the first token)
    private var base = 0              // index of `lexer.tokens[0]`
    private var lastLine = 1          // line of the most recently read token
    private var vars: [String] = ["$"]
    private var rangeDepth = 0
    private var actionLine = 0        // line where the current action started (for lexer errors)
    private var depth = 0             // nesting of parentheses
    /// Go's bound on nesting (`max expression depth exceeded`).
    static let maxDepth = 10_000
    private let resolve: (String) -> ResolvedFunction?
    /// Names whose use the parser notes (see `Tree.usesWatchedName`).
    private let watched: [String]
    private var sawWatched = false
    /// Trees defined while parsing, in order (the main tree first).
    private(set) var trees: [Tree] = []
    /// What the template being parsed changes and includes (``Tree/summary``).
    private var summary = Tree.Summary()
    /// Where each name is in `trees` (so that a file of many `define`s is added in linear time).
    private var treeIndex: [String: Int] = [:]
    /// One reference per function named in the text (a reference never changes once made; a chart's templates
    /// name functions tens of thousands of times).
    private var references: [ObjectIdentifier: FunctionReference] = [:]

    /// Parses `text` (from source `parseName`) as template `name`; returns the main tree first, then
    /// every `define`/`block` tree. `isFunction` tells which identifiers are known functions.
    static func parse(
        name: String, parseName: String, text: String, isFunction: @escaping (String) -> Bool
    ) throws(TemplateError) -> [Tree] {
        try parse(name: name, parseName: parseName, text: text) {
            isFunction($0) ? ResolvedFunction(implementation: .builtin(.print), traits: FunctionTraits()) : nil
        }
    }

    /// Parses with function names resolved by `resolve` (nil: not a function).
    static func parse(
        name: String, parseName: String, text: String, watching watched: [String] = [],
        resolve: @escaping (String) -> ResolvedFunction?
    ) throws(TemplateError) -> [Tree] {
        var bytes = text
        let result = bytes.withUTF8 { input -> Result<[Tree], TemplateError> in
            let lexer = Lexer(
                input: input, breakAllowed: resolve("break") == nil, continueAllowed: resolve("continue") == nil)
            var parser = Parser(
                parseName: parseName, source: text, input: input, lexer: lexer, watched: watched, resolve: resolve)
            do throws(Failure) {
                try parser.parseTop(name: name)
            } catch {
                return .failure(TemplateError(error.message, at: .parse(name: parseName, line: parser.lastLine)))
            }
            parser.trees.first?.usesWatchedName = parser.sawWatched
            for tree in parser.trees where tree.summary.changesMaps {
                tree.summary.changesOnlyOwnMaps = OwnChangesCheck.changesOnlyOwnMaps(tree)
            }
            return .success(parser.trees)
        }
        return try result.get()
    }

    private init(
        parseName: String, source: String, input: UnsafeBufferPointer<UInt8>, lexer: Lexer, watched: [String],
        resolve: @escaping (String) -> ResolvedFunction?
    ) {
        self.parseName = parseName
        self.source = source
        self.input = input
        self.lexer = lexer
        self.watched = watched
        self.resolve = resolve
    }

    /// The reference to function `resolved`, made the first time the text names it.
    private mutating func reference(to resolved: ResolvedFunction, named name: String) -> FunctionReference {
        if let made = references[ObjectIdentifier(resolved)], made.name == name { return made }
        let made = FunctionReference(name: name, resolved: resolved)
        references[ObjectIdentifier(resolved)] = made
        return made
    }

    /// Notes `name` when it is watched.
    private mutating func note(_ name: String) {
        if !watched.isEmpty, !sawWatched, watched.contains(name) { sawWatched = true }
    }

    // MARK: token access

    /// Tokens kept behind the one last read: more than the parser ever backs up (a few).
    private static let keptBehind = 32

    private mutating func next() -> Token {
        while index - base >= lexer.tokens.count {
            guard lexer.lexMore() else {
                let t = Token(kind: .eof, pos: input.count, end: input.count, line: lastLine)
                return t
            }
        }
        let t = lexer.tokens[index - base]
        index += 1
        lastLine = max(lastLine, t.line)
        if index - base > 4 * Parser.keptBehind {
            let drop = index - base - Parser.keptBehind
            lexer.dropFirst(drop)
            base += drop
        }
        return t
    }

    /// The text of `token` (from byte `skip` of it on), or the message of an error token.
    private func text(_ token: Token, skip: Int = 0) -> String {
        if token.kind == .error { return lexer.errorMessage }
        return String(decoding: UnsafeBufferPointer(rebasing: input[(token.pos + skip)..<token.end]), as: UTF8.self)
    }

    /// The text of `token` as a slice of the source (sharing its storage): text between actions, which is most of a
    /// template, is not copied. Such tokens start and end at ASCII delimiters or the ends of the source.
    private func sourceSlice(_ token: Token) -> Substring {
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: token.pos)
        return source[start..<utf8.index(start, offsetBy: token.end - token.pos)]
    }

    private mutating func backup(_ count: Int = 1) { index -= count }

    private mutating func peek() -> Token {
        let t = next()
        backup()
        return t
    }

    private mutating func nextNonSpace() -> Token {
        var t = next()
        while t.kind == .space { t = next() }
        return t
    }

    private mutating func peekNonSpace() -> Token {
        let t = nextNonSpace()
        backup()
        return t
    }

    private mutating func expect(_ kind: TokenKind, _ context: String) throws(Failure) -> Token {
        let t = nextNonSpace()
        if t.kind != kind { try unexpected(t, context) }
        return t
    }

    private func fail(_ message: String) -> Failure { Failure(message: message) }

    private func unexpected(_ token: Token, _ context: String) throws(Failure) -> Never {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if lexer.errorMessage.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            throw fail(lexer.errorMessage + extra)
        }
        throw fail("unexpected \(token.quotedForError(text(token))) in \(context)")
    }

    // MARK: grammar

    // Template: (text | action | define)* EOF
    private mutating func parseTop(name: String) throws(Failure) {
        let rootPos = peek().pos
        var nodes: [Node] = []
        // In the list of trees before the definitions it holds; its nodes are set once parsed.
        let main = Tree(name: name, parseName: parseName, source: source, root: ListNode(pos: rootPos, nodes: []))
        treeIndex[name] = trees.count
        trees.append(main)
        defer {
            main.root = ListNode(pos: rootPos, nodes: nodes)
            main.summary = summary
        }
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let saved = index
                _ = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                index = saved
            }
            switch try textOrAction() {
            case .node(let n): nodes.append(n)
            case .end(let t), .elseMarker(let t): throw fail("unexpected \(t)")
            }
        }
    }

    // Definition: '{{define' string '}}' itemList '{{end}}'
    private mutating func parseDefinition() throws(Failure) {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { try unexpected(nameToken, context) }
        let name = try unquote(text(nameToken))
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        let outer = summary
        vars = ["$"]
        summary = Tree.Summary()
        let (list, end) = try itemList()
        vars = savedVars
        guard case .end = end else { throw fail("unexpected \(end) in \(context)") }
        let tree = Tree(name: name, parseName: parseName, source: source, root: list)
        tree.summary = summary
        summary = outer
        try addTree(tree)
    }

    /// Go's `Tree.add`: within one text, a template may be defined twice only if one is empty.
    private mutating func addTree(_ tree: Tree) throws(Failure) {
        guard let existing = treeIndex[tree.name] else {
            treeIndex[tree.name] = trees.count
            trees.append(tree)
            return
        }
        if trees[existing].isEmpty {
            trees[existing] = tree
        } else if !tree.isEmpty {
            throw fail("template: multiple definition of template \(GoQuote.quote(tree.name))")
        }
    }

    /// What ends an item list.
    private enum ListEnd: CustomStringConvertible {
        case end(String)
        case elseMarker(String)
        var description: String {
            switch self {
            case .end(let s), .elseMarker(let s): return s
            }
        }
    }

    private enum Item {
        case node(Node)
        case end(String)
        case elseMarker(String)
    }

    // itemList: textOrAction* (ends at {{end}} or {{else}})
    private mutating func itemList() throws(Failure) -> (ListNode, ListEnd) {
        let pos = peekNonSpace().pos
        var nodes: [Node] = []
        while peekNonSpace().kind != .eof {
            switch try textOrAction() {
            case .node(let n): nodes.append(n)
            case .end(let s): return (ListNode(pos: pos, nodes: nodes), .end(s))
            case .elseMarker(let s): return (ListNode(pos: pos, nodes: nodes), .elseMarker(s))
            }
        }
        throw fail("unexpected EOF")
    }

    // textOrAction: text | comment | action
    private mutating func textOrAction() throws(Failure) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .node(.text(TextNode(pos: token.pos, text: sourceSlice(token))))
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return .node(.comment(CommentNode(pos: token.pos, text: text(token))))
        default:
            try unexpected(token, "input")
        }
    }

    // Action: control | pipeline
    // control: block | break | continue | else | end | if | range | template | with
    private mutating func action() throws(Failure) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return .node(try blockControl())
        case .breakKeyword: return .node(try breakControl(token))
        case .continueKeyword: return .node(try continueControl(token))
        case .elseKeyword: return try elseControl()
        case .end: return try endControl()
        case .ifKeyword: return .node(.branch(try parseControl(.ifBranch)))
        case .range: return .node(.branch(try parseControl(.rangeBranch)))
        case .template: return .node(try templateControl())
        case .with: return .node(.branch(try parseControl(.withBranch)))
        default: break
        }
        backup()
        let start = peek()
        let pipe = try pipeline("command", end: .rightDelim)
        return .node(.action(ActionNode(pos: start.pos, line: start.line, pipe: pipe)))
    }

    // Break: '{{break}}' (inside range only)
    private mutating func breakControl(_ token: Token) throws(Failure) -> Node {
        let t = nextNonSpace()
        if t.kind != .rightDelim { try unexpected(t, "{{break}}") }
        if rangeDepth == 0 { throw fail("{{break}} outside {{range}}") }
        return .breakLoop(pos: token.pos)
    }

    // Continue: '{{continue}}' (inside range only)
    private mutating func continueControl(_ token: Token) throws(Failure) -> Node {
        let t = nextNonSpace()
        if t.kind != .rightDelim { try unexpected(t, "{{continue}}") }
        if rangeDepth == 0 { throw fail("{{continue}} outside {{range}}") }
        return .continueLoop(pos: token.pos)
    }

    // Else: '{{else}}' | '{{else if ...' | '{{else with ...' (the if/with is left for parseControl)
    private mutating func elseControl() throws(Failure) -> Item {
        let p = peekNonSpace()
        if p.kind == .ifKeyword || p.kind == .with { return .elseMarker("{{else}}") }
        _ = try expect(.rightDelim, "else")
        return .elseMarker("{{else}}")
    }

    // End: '{{end}}'
    private mutating func endControl() throws(Failure) -> Item {
        _ = try expect(.rightDelim, "end")
        return .end("{{end}}")
    }

    // Control: pipeline '}}' itemList ('{{else}}' itemList | '{{else if/with' control)? '{{end}}'
    private mutating func parseControl(_ kind: BranchNode.Kind) throws(Failure) -> BranchNode {
        let varCount = vars.count
        defer { vars.removeLast(vars.count - varCount) }
        let pipe = try pipeline(kind.rawValue, end: .rightDelim)
        if kind == .rangeBranch { rangeDepth += 1 }
        let (list, end) = try itemList()
        if kind == .rangeBranch { rangeDepth -= 1 }
        var elseList: ListNode?
        if case .elseMarker = end {
            if kind == .ifBranch && peek().kind == .ifKeyword {
                let ifToken = next()
                elseList = ListNode(pos: ifToken.pos, nodes: [.branch(try parseControl(.ifBranch))])
            } else if kind == .withBranch && peek().kind == .with {
                let withToken = next()
                elseList = ListNode(pos: withToken.pos, nodes: [.branch(try parseControl(.withBranch))])
            } else {
                let (list2, end2) = try itemList()
                guard case .end = end2 else { throw fail("expected end; found \(end2)") }
                elseList = list2
            }
        }
        return BranchNode(kind: kind, pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    // Block: '{{block' stringValue pipeline '}}' itemList '{{end}}'
    // (defines the template and executes it in place)
    private mutating func blockControl() throws(Failure) -> Node {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        let outer = summary
        vars = ["$"]
        rangeDepth = 0
        summary = Tree.Summary()
        let (list, end) = try itemList()
        vars = savedVars
        rangeDepth = savedRange
        guard case .end = end else { throw fail("unexpected \(end) in \(context)") }
        let tree = Tree(name: name, parseName: parseName, source: source, root: list)
        tree.summary = summary
        summary = outer
        summary.includes.insert(name)
        try addTree(tree)
        return .template(TemplateNode(pos: token.pos, line: token.line, name: name, pipe: pipe))
    }

    // Template: '{{template' stringValue pipeline? '}}'
    private mutating func templateControl() throws(Failure) -> Node {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        summary.includes.insert(name)
        return .template(TemplateNode(pos: token.pos, line: token.line, name: name, pipe: pipe))
    }

    private mutating func templateName(_ token: Token, _ context: String) throws(Failure) -> String {
        guard token.kind == .string || token.kind == .rawString else { try unexpected(token, context) }
        return try unquote(text(token))
    }

    // Pipeline: declarations? command ('|' command)*
    // declarations: variable (':=' | '=') | variable ',' variable ':=' (range only)
    private mutating func pipeline(_ context: String, end: TokenKind) throws(Failure) -> PipeNode {
        let first = peekNonSpace()
        var isAssign = false
        var decl: [VariableRef] = []
        var cmds: [CommandNode] = []
        decls: while true {
            let saved = index
            let v = nextNonSpace()
            guard v.kind == .variable else {
                index = saved
                break decls
            }
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                isAssign = following.kind == .assign
                _ = nextNonSpace()
                let name = text(v)
                decl.append(VariableRef(pos: v.pos, name: name))
                vars.append(name)
                break decls
            } else if following.kind == .char && input[following.pos] == UInt8(ascii: ",") {
                _ = nextNonSpace()
                let name = text(v)
                decl.append(VariableRef(pos: v.pos, name: name))
                vars.append(name)
                if context == "range" && decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen:
                        continue decls  // second variable of "range $i, $v :="
                    default:
                        throw fail("range can only initialize variables")
                    }
                }
                throw fail("too many declarations in \(context)")
            } else {
                index = saved  // not a declaration: the variable is an operand
                break decls
            }
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(cmds, context)
                return PipeNode(pos: first.pos, line: first.line, isAssign: isAssign, decl: decl, cmds: cmds)
            case .bool, .charConstant, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
                 .variable, .leftParen:
                backup()
                cmds.append(try command())
            default:
                try unexpected(token, context)
            }
        }
    }

    private func checkPipeline(_ cmds: [CommandNode], _ context: String) throws(Failure) {
        if cmds.isEmpty { throw fail("missing value for \(context)") }
        for (i, c) in cmds.enumerated().dropFirst() {
            switch c.args.first {
            case .bool?, .dot?, .nilLiteral?, .number?, .string?:
                throw fail("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    // Command: operand (space operand)*
    private mutating func command() throws(Failure) -> CommandNode {
        let pos = peekNonSpace().pos
        var args: [Operand] = []
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { args.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                continue
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                try unexpected(token, "operand")
            }
            break
        }
        if args.isEmpty { throw fail("empty command") }
        if case .identifier(_, let f) = args[0], f.isInclude {
            if args.count > 1, case .string(_, _, let target) = args[1] {
                summary.includes.insert(target)
            } else {
                summary.includesAny = true
                summary.unchanging = false
            }
        }
        for arg in args.dropFirst() {
            if case .identifier(_, let f) = arg, f.isInclude { summary.unchanging = false }
        }
        return CommandNode(pos: pos, args: args)
    }

    // Operand: term ('.' Field)*
    private mutating func operand() throws(Failure) -> Operand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peek().kind == .field {
            let field = next()
            fields.append(text(field, skip: 1))
            note(fields[fields.count - 1])
        }
        switch node {
        case .field(_, var idents):
            idents.append(contentsOf: fields)
            return .field(pos: chainPos, idents: idents)
        case .variable(_, var idents):
            idents.append(contentsOf: fields)
            return .variable(pos: chainPos, idents: idents)
        case .bool, .string, .number, .nilLiteral, .dot:
            throw fail("unexpected . after term \(GoQuote.quote(node.description))")
        default:
            return .chain(pos: chainPos, node: node, fields: fields)
        }
    }

    // Term: literal | function | '.' | nil | variable | field | '(' pipeline ')'
    private mutating func term() throws(Failure) -> Operand? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            let name = text(token)
            guard let implementation = resolve(name) else {
                throw fail("function \(GoQuote.quote(name)) not defined")
            }
            if case .engine(.executesText) = implementation.implementation { sawWatched = sawWatched || !watched.isEmpty }
            if case .mutatesMap = implementation.traits.role { summary.changesMaps = true }
            if !OwnChangesCheck.isUnchanging(implementation) { summary.unchanging = false }
            return .identifier(pos: token.pos, function: reference(to: implementation, named: name))
        case .dot:
            return .dot(pos: token.pos)
        case .nilKeyword:
            return .nilLiteral(pos: token.pos)
        case .variable:
            return try useVariable(token)
        case .field:
            let field = text(token, skip: 1)
            note(field)
            return .field(pos: token.pos, idents: [field])
        case .bool:
            return .bool(pos: token.pos, value: input[token.pos] == UInt8(ascii: "t"))
        case .charConstant, .number:
            let literal = try number(token)
            return .number(literal, constant: literal.constant)
        case .leftParen:
            depth += 1
            defer { depth -= 1 }
            if depth >= Parser.maxDepth { throw fail("max expression depth exceeded") }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            let quoted = text(token)
            let value = try stringValue(token, quoted: quoted)
            note(value)
            return .string(pos: token.pos, quoted: quoted, value: value)
        default:
            backup()
            return nil
        }
    }

    private mutating func useVariable(_ token: Token) throws(Failure) -> Operand {
        // `$x.a.b` cut at its dots straight from the input's bytes.
        var idents: [String] = []
        var start = token.pos
        for i in token.pos..<token.end where input[i] == UInt8(ascii: ".") {
            idents.append(String(decoding: UnsafeBufferPointer(rebasing: input[start..<i]), as: UTF8.self))
            start = i + 1
        }
        idents.append(String(decoding: UnsafeBufferPointer(rebasing: input[start..<token.end]), as: UTF8.self))
        // Names compared byte for byte, as Go compares them.
        guard vars.contains(where: { ByteString.sameUTF8($0, idents[0]) }) else {
            throw fail("undefined variable \(GoQuote.quote(idents[0]))")
        }
        for field in idents.dropFirst() { note(field) }
        return .variable(pos: token.pos, idents: idents)
    }

    /// The value of a string token: the bytes between its quotes when nothing in them needs decoding
    /// (nearly always; the lexer has already found the closing quote), else Go's unquoting of `quoted`.
    private func stringValue(_ token: Token, quoted: String) throws(Failure) -> String {
        let body = UnsafeBufferPointer(rebasing: input[(token.pos + 1)..<(token.end - 1)])
        let plain = token.kind == .rawString
            ? !body.contains(UInt8(ascii: "\r"))
            // (0xF4 may start a byte of the template that is not UTF-8, which a quoted literal reads as U+FFFD.)
            : !body.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == 0xF4 }
        return plain ? String(decoding: body, as: UTF8.self) : try unquote(quoted)
    }

    private func unquote(_ literal: String) throws(Failure) -> String {
        do {
            return try GoQuote.unquote(literal)
        } catch {
            throw fail("invalid syntax")
        }
    }

    /// A number literal with every interpretation Go gives it (int, float; char constants are ints).
    private func number(_ token: Token) throws(Failure) -> NumberLiteral {
        let literal = text(token)
        var n = NumberLiteral(pos: token.pos, text: literal)
        if token.kind == .charConstant {
            guard let scalar = try? GoQuote.unquoteCharConstant(literal) else {
                throw fail("malformed character constant: \(literal)")
            }
            n.intValue = Int64(scalar.value)
            n.floatValue = Double(scalar.value)
            return n
        }
        if literal.hasSuffix("i") {
            n.isComplex = true
            return n
        }
        if let i = NumberSyntax.parseInt(literal) {
            n.intValue = i
            n.floatValue = Double(i)
        } else if let u = NumberSyntax.parseUInt(literal) {
            n.isUnsignedOnly = true
            n.floatValue = Double(u)
        } else if let f = NumberSyntax.parseFloat(literal) {
            if !literal.contains(where: { ".eEpP".contains($0) }) {
                throw fail("integer overflow: \(GoQuote.quote(literal))")
            }
            n.floatValue = f
            if f.rounded() == f && abs(f) < 9.2e18 { n.intValue = Int64(f) }
        }
        if n.intValue == nil && n.floatValue == nil {
            throw fail("illegal number syntax: \(GoQuote.quote(literal))")
        }
        return n
    }
}

/// Go's number literal syntax (`strconv.ParseInt(s, 0, 64)` and friends): decimal, `0x`, `0o`, `0b`,
/// legacy octal `017`, `_` separators, floats with exponents.
enum NumberSyntax {
    static func isHex(_ s: String) -> Bool {
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s
        return body.hasPrefix("0x") || body.hasPrefix("0X")
    }

    private static func split(_ s: String) -> (negative: Bool, radix: Int, digits: String)? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        var radix = 10
        var hadPrefix = false
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2); hadPrefix = true }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2); hadPrefix = true }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2); hadPrefix = true }
        else if body.count > 1 && body.hasPrefix("0") { radix = 8; body = body.dropFirst(); hadPrefix = true }
        // Underscores only with a base prefix, between digits.
        if body.contains("_") {
            if body.hasSuffix("_") || body.contains("__") || (!hadPrefix && body.hasPrefix("_")) { return nil }
        }
        let digits = body.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty else { return nil }
        return (negative, radix, digits)
    }

    static func parseInt(_ s: String) -> Int64? {
        guard let (negative, radix, digits) = split(s), let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func parseUInt(_ s: String) -> UInt64? {
        guard !s.hasPrefix("-"), let (_, radix, digits) = split(s) else { return nil }
        return UInt64(digits, radix: radix)
    }

    static func parseFloat(_ s: String) -> Double? {
        if s.contains("_") { return nil }
        if isHex(s) { return Double(s) }  // Swift parses hex floats like Go (0x1p-2)
        return Double(s)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(of: Character(target), with: replacement)
    }
}
