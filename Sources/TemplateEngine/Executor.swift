import GoValues

/// Executes parse trees against data, writing into one output buffer. Mirrors Go's `exec.go`:
/// the walk over list nodes, pipelines whose stages pass their value on as the last argument of
/// the next, field chains on maps, variables in a stack, and errors located at the node being
/// evaluated.
final class Executor {
    /// How a walk over a list ended.
    enum Flow { case normal, breakLoop, continueLoop }

    /// The node errors are reported at (Go's `state.at`).
    enum Site {
        case none
        case operand(Operand)
        case pipe(PipeNode)
        case command(CommandNode)
        case action(ActionNode)
        case branch(BranchNode)
        case template(TemplateNode)

        var pos: Int {
            switch self {
            case .none: return 0
            case .operand(let o): return o.pos
            case .pipe(let p): return p.pos
            case .command(let c): return c.pos
            case .action(let a): return a.pos
            case .branch(let b): return b.pos
            case .template(let t): return t.pos
            }
        }

        var text: String {
            switch self {
            case .none: return ""
            case .operand(let o): return o.description
            case .pipe(let p): return p.description
            case .command(let c): return c.description
            case .action(let a): return Node.action(a).description
            case .branch(let b): return Node.branch(b).description
            case .template(let t): return t.description
            }
        }
    }

    struct Variable {
        let name: String
        var value: Datum
    }

    /// Where `site` points, held without reference counting: it is set at nearly every step of an
    /// execution, and every node it can name lives in a tree that outlives the step (the trees of
    /// this execution, or the tree of a frame still on the stack: `run` and `{{template}}` put the
    /// site back when they return). A node made only to be reported is kept in `siteKeepAlive`.
    struct SiteState {
        enum Kind: UInt8 { case none, operand, pipe, command, action, branch, template }
        var kind: Kind = .none
        var bits: UInt = 0
    }

    var siteState: SiteState {
        unsafeAddress { UnsafePointer(siteStateCell.pointer) }
        unsafeMutableAddress { siteStateCell.pointer }
    }
    /// Keeps a site given through `site = ...` alive (such sites may be made on the spot).
    private var siteKeepAlive: Site = .none

    /// The node errors are reported at (Go's `state.at`).
    var site: Site {
        get {
            let bits = siteState.bits
            func object<T: AnyObject>(_: T.Type) -> T {
                Unmanaged<T>.fromOpaque(UnsafeRawPointer(bitPattern: bits).unsafelyUnwrapped).takeUnretainedValue()
            }
            switch siteState.kind {
            case .none: return .none
            case .operand: return .operand(unsafeBitCast(bits, to: Operand.self))
            case .pipe: return .pipe(object(PipeNode.self))
            case .command: return .command(object(CommandNode.self))
            case .action: return .action(object(ActionNode.self))
            case .branch: return .branch(object(BranchNode.self))
            case .template: return .template(object(TemplateNode.self))
            }
        }
        set {
            siteKeepAlive = newValue
            switch newValue {
            case .none: siteState = SiteState()
            case .operand(let o): at(o)
            case .pipe(let p): at(p)
            case .command(let c): at(c)
            case .action(let a): siteState = SiteState(kind: .action, bits: Self.bits(of: a))
            case .branch(let b): siteState = SiteState(kind: .branch, bits: Self.bits(of: b))
            case .template(let t): siteState = SiteState(kind: .template, bits: Self.bits(of: t))
            }
        }
    }

    @inline(__always) private static func bits(of object: AnyObject) -> UInt {
        UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque())
    }

    /// Sets the site to an operand of a parsed tree (see ``siteState``).
    @inline(__always) func at(_ operand: Operand) {
        siteState = SiteState(kind: .operand, bits: unsafeBitCast(operand, to: UInt.self))
    }

    /// Sets the site to a command of a parsed tree (see ``siteState``).
    @inline(__always) func at(_ command: CommandNode) {
        siteState = SiteState(kind: .command, bits: Self.bits(of: command))
    }

    /// Sets the site to a pipeline of a parsed tree (see ``siteState``).
    @inline(__always) func at(_ pipe: PipeNode) {
        siteState = SiteState(kind: .pipe, bits: Self.bits(of: pipe))
    }

    let library: FunctionLibrary
    /// Identity bookkeeping of the maps and lists of this execution.
    let heap: Heap
    let methods: [String: TemplateMethod]
    var trees: [String: Tree] {
        didSet { lastTree = nil }
    }
    /// The template `tree(named:)` found last, and the name it was asked for.
    private var lastTree: Tree?
    private var lastTreeName = ""
    let rootName: String
    let limits: TemplateSet.Limits
    /// The output of the template being executed (`include` swaps in a fresh buffer).
    var out: OutputBuffer {
        unsafeAddress { UnsafePointer(outCell.pointer) }
        unsafeMutableAddress { outCell.pointer }
    }
    /// Variables of every template being executed, innermost last; those of the current template
    /// start at `frameBase` (a template sees only its own, Go's `$` included).
    var vars: VariableStack {
        unsafeAddress { UnsafePointer(varsCell.pointer) }
        unsafeMutableAddress { varsCell.pointer }
    }
    var frameBase = 0
    /// Emptied output buffers kept for reuse by `include ... | indent`.
    var scratch: [OutputBuffer] = []
    /// Emptied argument arrays kept for reuse by function calls (one per nesting level in use).
    var valueArrays: [[Value]] {
        unsafeAddress { UnsafePointer(valueArraysCell.pointer) }
        unsafeMutableAddress { valueArraysCell.pointer }
    }
    /// Emptied arrays of evaluated arguments kept for reuse (see ``Call/allArguments()``).
    var datumArrays: [[Datum]] {
        unsafeAddress { UnsafePointer(datumArraysCell.pointer) }
        unsafeMutableAddress { datumArraysCell.pointer }
    }
    var tree: Tree
    var executing: String
    var depth = 0
    /// `include` nesting per template name (Helm's bound).
    /// Names of the `include`s open now, outermost first; beyond the first
    /// `includeStackScanLimit` they are also counted in `deepIncludeCounts` (no scan of a deep stack).
    var includeStack: [String] {
        unsafeAddress { UnsafePointer(includeStackCell.pointer) }
        unsafeMutableAddress { includeStackCell.pointer }
    }

    // The state read and changed at nearly every step lives at fixed addresses (`ExecutorCell`):
    // an access through a pointer needs none of the dynamic exclusivity checks that accesses to a
    // class's stored properties pay. One executor runs on one thread, and no access to one of
    // these overlaps another to the same one.
    private let siteStateCell = ExecutorCell(SiteState())
    private let outCell = ExecutorCell(OutputBuffer())
    private let varsCell = ExecutorCell(VariableStack())
    private let valueArraysCell = ExecutorCell([[Value]]())
    private let datumArraysCell = ExecutorCell([[Datum]]())
    private let includeStackCell = ExecutorCell([String]())
    var deepIncludeCounts: [String: Int] = [:]
    static let includeStackScanLimit = 64
    /// Nesting of `include`/`tpl`/`template` calls in this execution (a bound on native stack use).
    var nesting = 0
    /// Nesting of `tpl` calls alone (``TemplateSet/Limits/maxTplDepth``).
    var tplDepth = 0
    /// A top-level range limited to the elements at these indices, of a list or of a map's keys in order (see
    /// ``RangeSlicing``).
    var rangeWindow: (node: BranchNode, indices: Range<Int>)?
    /// The range of this template whose iterations are shared out when reached (see ``RangeSharing``).
    var rangeSharing: RangeSharing?
    /// Set when this execution is one share of another's range: it runs that share and stops.
    var shareRole: ShareRole?
    /// Set once the execution calls a function whose result differs from call to call (`randAlpha`, `now` …).
    var calledVaryingFunction = false

    init(library: FunctionLibrary, methods: [String: TemplateMethod], trees: [String: Tree], rootName: String,
         limits: TemplateSet.Limits, tree: Tree, heap: Heap) {
        self.heap = heap
        self.library = library
        self.methods = methods
        self.trees = trees
        self.rootName = rootName
        self.limits = limits
        self.tree = tree
        self.executing = tree.name
    }

    deinit {
        siteStateCell.free()
        outCell.free()
        vars.free()
        varsCell.free()
        valueArraysCell.free()
        datumArraysCell.free()
        includeStackCell.free()
    }

    // MARK: errors

    /// An error at the current node (Go's `state.errorf`).
    func fail(_ message: String) -> TemplateError {
        if case .none = site { return TemplateError(message, at: .template(executing: executing)) }
        let (line, column) = tree.location(of: site.pos)
        return TemplateError(
            message, at: .node(name: tree.parseName, line: line, column: column, executing: executing, context: site.text))
    }

    /// The template named `name`. An `include` in a loop asks for one name again and again (the
    /// same literal): that is recognised by the string's representation, without hashing.
    func tree(named name: String) -> Tree? {
        if let lastTree, unsafeBitCast(lastTreeName, to: (UInt64, UInt64).self) == unsafeBitCast(name, to: (UInt64, UInt64).self) {
            return lastTree
        }
        guard let found = trees[name] else { return nil }
        lastTree = found
        lastTreeName = name
        return found
    }

    // MARK: entry points

    /// Executes `tree` with `dot`, appending to `out`.
    func run(_ tree: Tree, dot: Datum) throws(TemplateError) {
        let saved = (self.tree, executing, frameBase, siteState, depth)
        self.tree = tree
        executing = tree.name
        frameBase = vars.count
        vars.append(Variable(name: "$", value: dot))
        siteState = SiteState()
        defer {
            popVariables(to: frameBase)
            (self.tree, executing, frameBase, siteState, depth) = saved
        }
        _ = try walk(dot, tree.root)
    }

    /// Executes template `name` into a fresh buffer and returns its text (Go's `ExecuteTemplate`).
    func executeTemplate(named name: String, dot: Datum) throws(TemplateError) -> String {
        guard let target = tree(named: name) else {
            throw TemplateError("no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(rootName))", at: .none)
        }
        return try executeTemplate(target, dot: dot)
    }

    /// Executes `target` into a fresh buffer and returns its text (`tpl` runs the tree it parsed
    /// this way, even where an empty tree left the set's template of that name in place).
    func executeTemplate(_ target: Tree, dot: Datum) throws(TemplateError) -> String {
        var buffer = OutputBuffer()
        swap(&buffer, &out)
        defer { swap(&buffer, &out) }
        let savedDepth = depth
        depth = 0
        defer { depth = savedDepth }
        try run(target, dot: dot)
        return out.string
    }

    /// Executes template `name` and appends its output to ours indented (Sprig's `indent`, with a
    /// newline first when `leadingNewline`), through a reused scratch buffer.
    func executeTemplate(named name: String, dot: Datum, indentedBy spaces: Int, leadingNewline: Bool) throws(TemplateError) {
        guard let target = tree(named: name) else {
            throw TemplateError("no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(rootName))", at: .none)
        }
        var buffer = scratch.popLast() ?? OutputBuffer()
        swap(&buffer, &out)
        var restored = false
        defer { if !restored { swap(&buffer, &out) } }
        let savedDepth = depth
        depth = 0
        defer { depth = savedDepth }
        try run(target, dot: dot)
        swap(&buffer, &out)
        restored = true
        out.appendIndented(buffer, spaces: spaces, leadingNewline: leadingNewline)
        buffer.removeAll()
        scratch.append(buffer)
    }

    // MARK: walking

    func walk(_ dot: Datum, _ list: ListNode) throws(TemplateError) -> Flow {
        // The nodes are read in place (the list outlives the walk): no copy of each.
        try list.nodes.withUnsafeBufferPointer { (nodes) throws(TemplateError) -> Flow in
            for i in nodes.indices {
                let node = nodes.baseAddress.unsafelyUnwrapped + i
                let flow: Flow
                if let branch = Self.branchReference(node) {
                    flow = try walkBranch(dot, branch)
                } else {
                    flow = try walk(dot, node.pointee)
                }
                if out.count > BuildLimits.maxOutputSize { throw fail(BuildLimits.outputMessage) }
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    /// The branch a node is, not retained (the list holding it outlives the walk).
    @inline(__always) private static func branchReference(_ node: UnsafePointer<Node>) -> Unmanaged<BranchNode>? {
        if case .branch(let b) = node.pointee { return .passUnretained(b) }
        return nil
    }

    /// Walks a branch node the list holds (``branchReference(_:)``).
    private func walkBranch(_ dot: Datum, _ branch: Unmanaged<BranchNode>) throws(TemplateError) -> Flow {
        var outcome: Result<Flow, TemplateError> = .success(.normal)
        branch._withUnsafeGuaranteedRef { b in
            do throws(TemplateError) {
                switch b.kind {
                case .ifBranch, .withBranch: outcome = .success(try walkIfOrWith(dot, b))
                case .rangeBranch: try walkRange(dot, b)
                }
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }

    private func walk(_ dot: Datum, _ node: Node) throws(TemplateError) -> Flow {
        switch node {
        case .text(let t):
            out += t.text
        case .comment:
            break
        case .action(let a):
            // No error is located at the action itself: the pipeline locates its own (its first
            // step), and printing cannot fail.
            if let tail = a.indentedOutput {
                try walkIndented(dot, a, tail)
                return .normal
            }
            if let operand = a.printedOperand {
                try printValue(try evalPrintedOperand(dot, operand).unboxed)
                return .normal
            }
            let value = try evalPipeline(dot, a.pipe)
            if a.pipe.decl.isEmpty { try printValue(value) }
        case .branch(let b):
            switch b.kind {
            case .ifBranch, .withBranch: return try walkIfOrWith(dot, b)
            case .rangeBranch: try walkRange(dot, b)
            }
        case .template(let t):
            try walkTemplate(dot, t)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        }
        return .normal
    }

    /// The value of an action that is one field chain or variable: what `evalPipeline` gives for
    /// it (the pipeline's own site is passed over at once, nothing can fail before the operand's).
    private func evalPrintedOperand(_ dot: Datum, _ operand: Operand) throws(TemplateError) -> Datum {
        at(operand)
        switch operand {
        case .field(_, let idents):
            return try evalFieldChain(dot, receiver: dot, node: operand, idents[...], args: [], final: nil)
        case .variable(_, let idents):
            let value = try variableValue(idents[0])
            if idents.count == 1 { return value }
            return try evalFieldChain(dot, receiver: value, node: operand, idents.dropFirst(), args: [], final: nil)
        default:
            return try evalArg(dot, operand)
        }
    }

    /// Prints a pipeline's value as Go's `fmt.Fprint` does (`<no value>` for no value); a map or
    /// list that contains itself is an error (Go's printer overflows its stack on it).
    func printValue(_ value: Datum) throws(TemplateError) {
        printPlain(value)
        if heap.cycleFound {
            heap.cycleFound = false
            throw fail(CycleOutcome.message)
        }
    }

    private func printPlain(_ value: Datum) {
        switch value {
        case .invalid: out += "<no value>"
        case .boxed(let i), .plain(let i):
            guard case .value(let v) = i else {
                if case .structure(let s) = i {
                    // Only a struct field reached directly is addressable, so only it prints through String().
                    if case .plain = value, let stringer = s.stringer { out += stringer } else { out += s.printedDereferenced }
                } else {
                    out += GoPrintf.sprint([i.value])
                }
                return
            }
            switch v {
            case .string(let s): out += s
            case .int(let n), .int64(let n): out += String(n)
            case .bool(let b): out += b ? "true" : "false"
            case .float(let f):
                // Go's %v of a small integral float is its integer digits (-0 keeps its sign).
                if f.magnitude < 1e6, f == f.rounded(.towardZero), !(f == 0 && f.sign == .minus) {
                    out += String(Int64(f))
                } else {
                    out += GoPrintf.sprint([v])
                }
            default: out += GoPrintf.sprint([v])
            }
        }
    }

    private func walkIfOrWith(_ dot: Datum, _ b: BranchNode) throws(TemplateError) -> Flow {
        let mark = vars.count
        defer { popVariables(to: mark) }
        let value = try evalPipeline(dot, b.pipe)
        if value.truth {  // the truth of `value.indirect`: a nil interface is false either way
            return try walk(b.kind == .withBranch ? value : dot, b.list)
        } else if let elseList = b.elseList {
            return try walk(dot, elseList)
        }
        return .normal
    }

    private func walkRange(_ dot: Datum, _ r: BranchNode) throws(TemplateError) {
        site = .branch(r)
        let outerMark = vars.count
        defer { popVariables(to: outerMark) }
        let ranged = try evalPipeline(dot, r.pipe).indirect
        let value = ranged.byteEntriesMap(in: heap) ?? ranged.underlyingValue
        let mark = vars.count
        let decl = r.pipe.decl

        // One iteration; returns false on {{break}}.
        func iterate(index: Datum, element: Datum) throws(TemplateError) -> Bool {
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVariable(decl[0].name, decl.count > 1 ? index : element)
                } else {
                    vars[vars.count - 1].value = element
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign {
                    try setVariable(decl[1].name, element)
                } else {
                    vars[vars.count - 2].value = index
                }
            }
            defer { popVariables(to: mark) }
            let flow = try walk(element, r.list)
            if case .breakLoop = flow { return false }
            return true
        }

        switch value {
        case .invalid:
            break
        case .boxed(let item), .plain(let item):
            switch item.object(in: heap) {
            case .list(let list):
                if list.count > 0 {
                    try iterations(of: r, count: list.count) { (i) throws(TemplateError) in
                        try iterate(index: .plainValue(.int(Int64(i))), element: .boxed(list[i]))
                    }
                    return
                }
            case .map(let map):
                if !map.isEmpty {
                    let entries = map.sortedEntries
                    try iterations(of: r, count: entries.count) { (i) throws(TemplateError) in
                        try iterate(index: .plainValue(.string(entries[i].key)), element: .boxed(entries[i].item))
                    }
                    return
                }
            case .value(.nilList):
                break
            case .value(let v) where v.integer != nil:
                // Go 1.22's range over an integer: the values have the integer's own type.
                let n = v.integer ?? 0
                let number: (Int64) -> Value = { if case .int64 = v { .int64($0) } else { .int($0) } }
                if decl.count > 1 {
                    throw fail("can't use \(n) to iterate over more than one variable")
                }
                if n > 0 {
                    var i: Int64 = 0
                    while i < n {
                        if try !iterate(index: .plainValue(number(i)), element: .plainValue(number(i))) { break }
                        i += 1
                    }
                    return
                }
            case .value(let v):
                throw fail("range can't iterate over \(GoPrintf.sprint([v]))")
            case .structure(let s):
                throw fail("range can't iterate over \(s.printedDereferenced)")
            }
        }
        if let elseList = r.elseList {
            _ = try walk(dot, elseList)
        }
    }

    /// Runs `step` for the elements `0..<count` of range `r` (false from `step`: `{{break}}`), or for those of the
    /// window or share this execution has of it.
    @inline(__always)
    private func iterations(
        of r: BranchNode, count: Int, _ step: (Int) throws(TemplateError) -> Bool
    ) throws(TemplateError) {
        if let window = rangeWindow, window.node === r {
            for i in window.indices.clamped(to: 0..<count) {
                if try !step(i) { break }
            }
            return
        }
        if nesting == 0, shareRole?.position == r.pos || rangeSharing?.position == r.pos {
            if try shareIterations(of: r, count: count, step) { return }
        }
        for i in 0..<count {
            if try !step(i) { break }
        }
    }

    private func walkTemplate(_ dot: Datum, _ t: TemplateNode) throws(TemplateError) {
        site = .template(t)
        guard let target = trees[t.name] else { throw fail("template \(GoQuote.quote(t.name)) not defined") }
        if depth >= limits.maxTemplateDepth { throw fail("exceeded maximum template depth (\(limits.maxTemplateDepth))") }
        try enterNesting()
        defer { nesting -= 1 }
        let newDot = try t.pipe.map { (p) throws(TemplateError) in try evalPipeline(dot, p) } ?? .invalid
        let saved = (tree, executing, frameBase, siteState)
        tree = target
        executing = target.name
        frameBase = vars.count
        vars.append(Variable(name: "$", value: newDot))
        depth += 1
        defer {
            depth -= 1
            popVariables(to: frameBase)
            (tree, executing, frameBase, siteState) = saved
        }
        _ = try walk(newDot, target.root)
    }

    /// Counts one more open `include` of `name`; returns how many are open now.
    func openInclude(_ name: String) -> Int {
        var open = 0
        for i in 0..<min(includeStack.count, Self.includeStackScanLimit) where includeStack[i] == name { open += 1 }
        if includeStack.count >= Self.includeStackScanLimit {
            func increment(_ n: inout Int) -> Int {
                n += 1
                return n
            }
            open += increment(&deepIncludeCounts[name, default: 0])
        } else {
            open += 1
        }
        includeStack.append(name)
        return open
    }

    /// Counts the innermost open `include` (of `name`) as finished.
    func closeInclude(_ name: String) {
        if includeStack.count > Self.includeStackScanLimit { deepIncludeCounts[name, default: 1] -= 1 }
        includeStack.removeLast()
    }

    func enterNesting() throws(TemplateError) {
        if nesting >= limits.maxNesting {
            throw fail("exceeded maximum template nesting (\(limits.maxNesting)) of include, tpl and template calls")
        }
        nesting += 1
    }

    // MARK: variables

    /// Drops the variables declared since `mark` (usually none: no call then).
    @inline(__always) func popVariables(to mark: Int) {
        while vars.count > mark { vars.removeLast() }
    }

    private func setVariable(_ name: String, _ value: Datum) throws(TemplateError) {
        guard let i = variableIndex(name) else { throw fail("undefined variable: \(name)") }
        vars[i].value = value
    }

    private func variableValue(_ name: String) throws(TemplateError) -> Datum {
        guard let i = variableIndex(name) else { throw fail("undefined variable: \(name)") }
        return vars[i].value
    }

    /// Where the innermost variable `name` of the current template is, read in place (no copy of each variable).
    @inline(__always) private func variableIndex(_ name: String) -> Int? {
        vars.index(of: name, from: frameBase)
    }

    /// Whether two variable names are the same bytes (short names told apart by their inline representations);
    /// never Swift's Unicode comparison, which is slow on a mismatch and equates what Go tells apart.
    @inline(__always) static func sameName(_ a: String, _ b: String) -> Bool {
        ByteString.comparedInPlace(a, b) ?? ByteString.sameUTF8(a, b)
    }

    // MARK: pipelines and commands

    func evalPipeline(_ dot: Datum, _ pipe: PipeNode) throws(TemplateError) -> Datum {
        at(pipe)
        var value: Datum? = nil
        // The commands are read in place and not retained: the pipeline holds them.
        try pipe.cmds.withUnsafeBufferPointer { (cmds) throws(TemplateError) in
            let references = UnsafeRawPointer(cmds.baseAddress)?.assumingMemoryBound(to: Unmanaged<CommandNode>.self)
            for i in cmds.indices {
                var failure: TemplateError?
                references.unsafelyUnwrapped[i]._withUnsafeGuaranteedRef { cmd in
                    do throws(TemplateError) {
                        value = try evalCommand(dot, cmd, final: value).opened()
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
            }
        }
        let result = value ?? .invalid
        for v in pipe.decl {
            if pipe.isAssign {
                try setVariable(v.name, result)
            } else {
                vars.append(Variable(name: v.name, value: result))
            }
        }
        return result
    }

    func evalCommand(_ dot: Datum, _ cmd: CommandNode, final: Datum?) throws(TemplateError) -> Datum {
        // The first word is read in place (the command outlives the call): no copy of it.
        try cmd.args.withUnsafeBufferPointer { (words) throws(TemplateError) -> Datum in
            let first = words.baseAddress.unsafelyUnwrapped
            if let function = Self.plainFunctionReference(first) {
                return try evalPlainFunction(
                    dot, function, nodeAt: first, cmd: cmd, operands: UnsafeBufferPointer(rebasing: words.dropFirst()), final: final)
            }
            return try evalCommand(dot, cmd, words[0], final: final)
        }
    }

    /// The function an operand names when it is a plain function (``FunctionReference/plainFunction``), not retained
    /// (the command holding it outlives the call).
    @inline(__always) private static func plainFunctionReference(_ operand: UnsafePointer<Operand>) -> Unmanaged<FunctionReference>? {
        if case .identifier(_, let function) = operand.pointee, function.plainFunction != nil { return .passUnretained(function) }
        return nil
    }

    private func evalCommand(_ dot: Datum, _ cmd: CommandNode, _ first: Operand, final: Datum?) throws(TemplateError) -> Datum {
        switch first {
        case .field(_, let idents):
            at(first)
            return try evalFieldChain(dot, receiver: dot, node: first, idents[...], args: cmd.args, final: final)
        case .chain:
            return try evalChain(dot, first, args: cmd.args, final: final)
        case .identifier(_, let function):
            return try evalFunction(dot, function, node: first, cmd: cmd, args: cmd.args.dropFirst(), final: final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable:
            return try evalVariable(dot, first, args: cmd.args, final: final)
        default:
            break
        }
        at(first)
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .plainValue(.bool(b))
        case .dot: return dot
        case .nilLiteral: throw fail("nil is not a command")
        case .number(let n, let value): return try constant(n, value)
        case .string(_, _, let s): return .plainValue(.string(s))
        default: throw fail("can't evaluate command \(GoQuote.quote(first.description))")
        }
    }

    private func notAFunction(_ args: [Operand], _ final: Datum?) throws(TemplateError) {
        if args.count > 1 || final != nil {
            throw fail("can't give argument to non-function \(args[0])")
        }
    }

    /// A number literal as Go's `idealConstant` sees it: float if written with `.`/exponent, else int.
    func constant(_ n: NumberLiteral, _ value: Value?) throws(TemplateError) -> Datum {
        if let value { return .plainValue(value) }
        site = .operand(.number(n, constant: nil))
        if n.isComplex { throw fail("complex constants are not supported: \(n.text)") }
        throw fail("\(n.text) overflows int")
    }

    // MARK: fields

    private func evalChain(_ dot: Datum, _ chain: Operand, args: [Operand], final: Datum?) throws(TemplateError) -> Datum {
        guard case .chain(_, let node, let fields) = chain else { return .invalid }
        at(chain)
        if case .nilLiteral = node { throw fail("indirection through explicit nil in \(chain)") }
        let receiver = try evalArg(dot, node)
        // Go leaves the site where evaluating `node` ended: the fields' own errors point there.
        return try evalFieldChain(
            dot, receiver: receiver, node: chain, fieldSite: Call.lastSite(of: node), fields[...], args: args, final: final)
    }

    private func evalVariable(_ dot: Datum, _ variable: Operand, args: [Operand]?, final: Datum?) throws(TemplateError) -> Datum {
        guard case .variable(_, let idents) = variable else { return .invalid }
        at(variable)
        let value = try variableValue(idents[0])
        if idents.count == 1 {
            if let args { try notAFunction(args, final) }
            return value
        }
        return try evalFieldChain(dot, receiver: value, node: variable, idents.dropFirst(), args: args ?? [], final: final)
    }

    /// `node` is where a method call's error points; `fieldSite` (default: `node`) where the
    /// fields' own errors do.
    private func evalFieldChain(
        _ dot: Datum, receiver: Datum, node: Operand, fieldSite: Operand? = nil, _ idents: ArraySlice<String>, args: [Operand],
        final: Datum?
    ) throws(TemplateError) -> Datum {
        var receiver = receiver
        var i = idents.startIndex
        let last = idents.endIndex - 1
        // Map entries found step by step need none of `evalField`'s checks (its first case).
        while i < last {
            switch receiver {
            case .boxed(.map(let map)), .plain(.map(let map)):
                if let entry = map[idents[i]] {
                    receiver = .boxed(entry)
                } else {
                    receiver = try evalField(dot, idents[i], node: node, fieldSite: fieldSite, args: [], final: nil, receiver: receiver)
                }
            default:
                receiver = try evalField(dot, idents[i], node: node, fieldSite: fieldSite, args: [], final: nil, receiver: receiver)
            }
            i += 1
        }
        if args.count <= 1 && final == nil {
            switch receiver {
            case .boxed(.map(let map)), .plain(.map(let map)):
                if let entry = map[idents[last]] { return .boxed(entry) }
            default:
                break
            }
        }
        return try evalField(dot, idents[last], node: node, fieldSite: fieldSite, args: args, final: final, receiver: receiver)
    }

    /// Points the site at `fieldSite` when there is one, else at `node` (no copy of either).
    @inline(__always) private func atField(_ node: Operand, _ fieldSite: Operand?) {
        if let fieldSite { at(fieldSite) } else { at(node) }
    }

    private func evalField(
        _ dot: Datum, _ name: String, node: Operand, fieldSite: Operand?, args: [Operand], final: Datum?, receiver: Datum
    ) throws(TemplateError) -> Datum {
        let item: Item
        switch receiver {
        case .invalid:
            return .invalid  // missingkey=zero: fields of nothing are nothing
        case .boxed(let i):
            if i.isNull { throw fail("nil pointer evaluating interface {}.\(name)") }
            item = i
        case .plain(let i):
            if i.isNull { return .invalid }
            item = i
        }
        let hasArgs = args.count > 1 || final != nil
        if case .structure(let s) = item {
            return try evalStructField(dot, s, name, node: fieldSite ?? node, args: args, final: final, hasArgs: hasArgs)
        }
        let object = item.object(in: heap)
        if case .map(let map) = object, let entry = map[name] {
            // The site is this field node already (set by whoever evaluates it).
            if hasArgs {
                atField(node, fieldSite)
                throw fail("\(name) is not a method but has arguments")
            }
            return .boxed(entry)
        }
        if let result = try callDataMethod(dot, name, on: { item.value }, node: node, args: args, final: final) { return result }
        if case .map = object {
            atField(node, fieldSite)
            if hasArgs { throw fail("\(name) is not a method but has arguments") }
            return .boxed(.null)
        }
        atField(node, fieldSite)
        throw fail("can't evaluate field \(name) in type \(receiver.typeName)")
    }

    /// The set's method `name` (``TemplateSet/methods``) called on `receiver`, or nil when there is
    /// none for it. The receiver is made plain data only for a method: a field a map lacks (`.component` of a
    /// `dict` that has none) must not copy the map, nor the whole top-level data it may hold (`.Files` among it).
    private func callDataMethod(
        _ dot: Datum, _ name: String, on receiver: () -> Value?, node: Operand, args: [Operand], final: Datum?
    ) throws(TemplateError) -> Datum? {
        guard !methods.isEmpty, let method = methods[name], let value = receiver() else { return nil }
        let result = try callMethod(dot, name, node: node, args: args, final: final) { try method(value, $0).map(GoStruct.Content.value) }
        return result
    }

    /// A struct's method with arguments (``GoStruct/callables``), failures reported as for data methods.
    private func callStructMethod(
        _ dot: Datum, _ name: String, _ callable: GoStruct.Callable, node: Operand, args: [Operand], final: Datum?
    ) throws(TemplateError) -> Datum {
        try callMethod(dot, name, node: node, args: args, final: final) { try callable($0) }!
    }

    /// Calls a method with the evaluated arguments; nil when it does not apply to its receiver. A
    /// wrong argument is reported at that argument, in Go's words for a literal
    /// (`expected string; found 1`); other failures as `error calling NAME: …`.
    private func callMethod(
        _ dot: Datum, _ name: String, node: Operand, args: [Operand], final: Datum?,
        _ method: ([Value]) throws -> GoStruct.Content?
    ) throws(TemplateError) -> Datum? {
        var argValues: [Value] = []
        for a in args.dropFirst() { argValues.append(try evalArg(dot, a).value) }
        if let final { argValues.append(final.value) }
        at(node)
        do {
            switch try method(argValues) {
            case .value(let v)?: return .boxed(Item.value(v).object(in: heap))
            case .structure(let inner)?: return .plain(.structure(inner))
            case nil: return nil
            }
        } catch let e as FunctionError {
            if e.kind == .argument {
                guard let index = e.argumentIndex, index + 1 < args.count else { throw fail(e.message) }
                let call = Call(executor: self, dot: dot, name: name, nameNode: node, cmd: nil, args: args[1...], final: final)
                throw call.argumentFailure(e.message, index: index)
            }
            throw wrapFunctionError(name, e.message)
        } catch {
            throw wrapFunctionError(name, "\(error)")
        }
    }

    /// A field or argument-less method of a struct; other names are Go's `can't evaluate field`.
    private func evalStructField(
        _ dot: Datum, _ s: GoStruct, _ name: String, node: Operand, args: [Operand], final: Datum?, hasArgs: Bool
    ) throws(TemplateError) -> Datum {
        site = .operand(node)
        if let content = s.field(name) {
            if hasArgs { throw fail("\(name) has arguments but cannot be invoked as function") }
            switch content {
            case .value(let v): return .plain(Item.value(v).object(in: heap))
            case .structure(let inner): return .plain(.structure(inner))
            }
        }
        if let result = s.methods[name] {
            if hasArgs {
                throw fail("wrong number of args for \(name): want 0 got \(args.count - 1 + (final == nil ? 0 : 1))")
            }
            return .plain(Item.value(result).object(in: heap))
        }
        if let callable = s.callables[name] {
            return try callStructMethod(dot, name, callable, node: node, args: args, final: final)
        }
        if let result = try callDataMethod(dot, name, on: { s.underlying }, node: node, args: args, final: final) {
            return result
        }
        site = .operand(node)
        if s.fields.contains(where: { $0.name == name }) {
            throw fail("\(name) is an unexported field of struct type \(s.typeName)")
        }
        throw fail("can't evaluate field \(name) in type \(s.typeName)")
    }

    // MARK: arguments

    /// Evaluates an argument of a function call (Go's `evalArg` for an `interface{}` parameter).
    func evalArg(_ dot: Datum, _ node: Operand) throws(TemplateError) -> Datum {
        at(node)
        switch node {
        case .dot: return dot
        case .nilLiteral: return .boxed(.null)
        case .field(_, let idents):
            return try evalFieldChain(dot, receiver: dot, node: node, idents[...], args: [], final: nil)
        case .variable(_, let idents):
            // A variable alone (the common argument) read where it is.
            if idents.count == 1, let i = variableIndex(idents[0]) { return vars[i].value }
            return try evalVariable(dot, node, args: nil, final: nil)
        case .pipe(let p):
            return try evalPipeline(dot, p)
        case .identifier(_, let function):
            return try evalFunction(dot, function, node: node, cmd: nil, args: [], final: nil)
        case .chain:
            return try evalChain(dot, node, args: [], final: nil)
        case .bool(_, let b): return .plainValue(.bool(b))
        case .number(let n, let value): return try constant(n, value)
        case .string(_, _, let s): return .plainValue(.string(s))
        }
    }

    /// ``evalArg(_:_:)`` of an operand read in place, where the command holding it outlives the call: a variable
    /// alone or a parenthesised pipeline is evaluated without a copy of the operand.
    func evalArg(_ dot: Datum, at operand: UnsafePointer<Operand>) throws(TemplateError) -> Datum {
        if let name = Self.loneVariableName(operand), let i = variableIndex(name) {
            siteState = SiteState(kind: .operand, bits: UnsafeRawPointer(operand).load(as: UInt.self))
            return vars[i].value
        }
        if let pipe = Self.pipeReference(operand) {
            siteState = SiteState(kind: .operand, bits: UnsafeRawPointer(operand).load(as: UInt.self))
            var outcome: Result<Datum, TemplateError> = .success(.invalid)
            pipe._withUnsafeGuaranteedRef { p in
                do throws(TemplateError) {
                    outcome = .success(try evalPipeline(dot, p))
                } catch {
                    outcome = .failure(error)
                }
            }
            return try outcome.get()
        }
        return try evalArg(dot, operand.pointee)
    }

    /// The parenthesised pipeline an operand is, not retained.
    @inline(__always) private static func pipeReference(_ operand: UnsafePointer<Operand>) -> Unmanaged<PipeNode>? {
        if case .pipe(let p) = operand.pointee { return .passUnretained(p) }
        return nil
    }

    // MARK: functions

    /// `error calling NAME: message` at the current node, wrapping a function's own error.
    func wrapFunctionError(_ name: String, _ message: String) -> TemplateError {
        var e = fail("error calling \(name): \(message)")
        e.wrapsFunctionError = true
        return e
    }

    /// Calls a plain function (``FunctionReference/plainFunction``, read where it is kept): arguments evaluated to
    /// data, the result boxed (maps and lists as objects). The `Call` describing it is made only to report an error.
    /// The argument operands are read in place; `args` gives them as the command's slice, to report an error.
    private func callExternal(
        _ dot: Datum, _ reference: FunctionReference, nodeAt: UnsafePointer<Operand>, cmd: CommandNode?,
        operands: UnsafeBufferPointer<Operand>, args: () -> ArraySlice<Operand>, final: Datum?
    ) throws(TemplateError) -> Datum {
        var values = valueArrays.popLast() ?? []
        let result: Datum
        do {
            result = try callExternal(
                dot, reference, nodeAt: nodeAt, cmd: cmd, operands: operands, args: args, final: final, values: &values)
        } catch {
            while !values.isEmpty { values.removeLast() }
            valueArrays.append(consume values)
            throw error
        }
        while !values.isEmpty { values.removeLast() }
        valueArrays.append(consume values)
        return result
    }

    /// ``callExternal(_:_:nodeAt:cmd:operands:args:final:)`` with the arguments put in `values` (an emptied array kept for
    /// reuse). The operand naming the function is read only to report an error.
    private func callExternal(
        _ dot: Datum, _ reference: FunctionReference, nodeAt: UnsafePointer<Operand>, cmd: CommandNode?,
        operands: UnsafeBufferPointer<Operand>, args: () -> ArraySlice<Operand>, final: Datum?, values: inout [Value]
    ) throws(TemplateError) -> Datum {
        var structs: [(index: Int, value: GoStruct)] = []
        var nilInterface: Int?
        try argumentValues(
            dot, operands, final: final, into: &values, structs: &structs, mapParameters: reference.mapParameters,
            nilInterfaceAt: &nilInterface)
        if let nilInterface {
            throw Call(
                executor: self, dot: dot, name: reference.name, nameNode: nodeAt.pointee, cmd: cmd, args: args(), final: final,
                reference: reference
            ).argumentFailure(MapParameters.message, index: nilInterface)
        }
        let result: Value
        do {
            if !structs.isEmpty, let special = try StructArguments.call(
                    reference.traits.structArguments, values, structs, ordinary: reference.plainFunction.unsafelyUnwrapped)
            {
                result = special
            } else {
                result = try reference.plainFunction.unsafelyUnwrapped(values)
                if !structs.isEmpty, let returned = StructArguments.returned(reference.traits.structArguments, result, structs) {
                    return returned
                }
            }
        } catch {
            let call = Call(
                executor: self, dot: dot, name: reference.name, nameNode: nodeAt.pointee, cmd: cmd, args: args(), final: final,
                reference: reference)
            throw call.translate(error, values)
        }
        switch result {
        case .map, .list: return .boxed(Item.value(result).object(in: heap))
        default: return .boxed(.value(result))
        }
    }

    /// Evaluates the arguments of a call (pipeline value last) as plain data. Maps and lists are
    /// materialised after all arguments are evaluated, so a later argument's change to an earlier
    /// one's map is seen, as Go's references see it.
    func argumentValues(_ dot: Datum, _ args: ArraySlice<Operand>, final: Datum?) throws(TemplateError) -> [Value] {
        var structs: [(index: Int, value: GoStruct)] = []
        var unused: Int?
        return try argumentValues(dot, args, final: final, structs: &structs, nilInterfaceAt: &unused)
    }

    /// ``argumentValues(_:_:final:)`` noting which arguments are structs (given as their
    /// ``GoStruct/jsonView``). With `mapParameters`, the first argument that is a nil interface
    /// for a map parameter stops the evaluation (as Go's conversion error would) and its index is
    /// put in `nilInterfaceAt`.
    func argumentValues(
        _ dot: Datum, _ args: ArraySlice<Operand>, final: Datum?, structs: inout [(index: Int, value: GoStruct)],
        mapParameters: MapParameterPositions? = nil, nilInterfaceAt: inout Int?
    ) throws(TemplateError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(args.count + (final == nil ? 0 : 1))
        try argumentValues(
            dot, args, final: final, into: &values, structs: &structs, mapParameters: mapParameters,
            nilInterfaceAt: &nilInterfaceAt)
        return values
    }

    /// ``argumentValues(_:_:final:structs:mapParameters:nilInterfaceAt:)`` appended to `values`
    /// (an emptied array kept for reuse).
    func argumentValues(
        _ dot: Datum, _ args: ArraySlice<Operand>, final: Datum?, into values: inout [Value],
        structs: inout [(index: Int, value: GoStruct)], mapParameters: MapParameterPositions? = nil,
        nilInterfaceAt: inout Int?
    ) throws(TemplateError) {
        try args.withUnsafeBufferPointer { (operands) throws(TemplateError) in
            try argumentValues(
                dot, operands, final: final, into: &values, structs: &structs, mapParameters: mapParameters,
                nilInterfaceAt: &nilInterfaceAt)
        }
    }

    /// ``argumentValues(_:_:final:into:structs:mapParameters:nilInterfaceAt:)`` of operands read in place (the
    /// command holding them outlives the call).
    func argumentValues(
        _ dot: Datum, _ operands: UnsafeBufferPointer<Operand>, final: Datum?, into values: inout [Value],
        structs: inout [(index: Int, value: GoStruct)], mapParameters: MapParameterPositions?,
        nilInterfaceAt: inout Int?
    ) throws(TemplateError) {
        var pending = PendingObjects()
        for k in operands.indices {
            let operand = operands.baseAddress.unsafelyUnwrapped + k
            if mapParameters == nil, let name = Self.loneVariableName(operand), let i = variableIndex(name) {
                // A variable alone (the common argument), read where it is: what `evalArg` gives, without a copy.
                siteState = SiteState(kind: .operand, bits: UnsafeRawPointer(operand).load(as: UInt.self))
                // A list no element of which was reached is its elements: as the last operand nothing evaluated
                // later can change it, so it is materialised at once (no copy of the object).
                if k == operands.count - 1, let elements = Self.unreachedElements(vars.valueAddress(i)) {
                    values.append(.list(elements))
                    continue
                }
                Self.appendArgument(vars[i].value, to: &values, pending: &pending)
                continue
            }
            let datum = try evalArg(dot, at: operand)
            if let mapParameters, mapParameters.contains(values.count), MapParameters.isNilInterface(datum, node: operand.pointee) {
                nilInterfaceAt = values.count
                return
            }
            Self.appendArgument(datum, to: &values, pending: &pending)
        }
        if let final {
            if let mapParameters, mapParameters.contains(values.count), MapParameters.isNilInterface(final, node: nil) {
                nilInterfaceAt = values.count
                return
            }
            switch final.item {
            case .value(let v): values.append(v)
            case let object:
                pending.note(object, at: values.count)
                values.append(.null)
            }
        }
        guard let first = pending.first else { return }
        if case .structure(let s) = first.item { structs.append((first.index, s)) }
        values[first.index] = first.item.value
        for (index, item) in pending.more {
            if case .structure(let s) = item { structs.append((index, s)) }
            values[index] = item.value
        }
    }

    /// The elements of a datum that is a list none of whose elements was reached as an object (read in place).
    @inline(__always) private static func unreachedElements(_ datum: UnsafePointer<Datum>) -> [Value]? {
        switch datum.pointee {
        case .boxed(.list(let l)), .plain(.list(let l)): return l.unreachedElements
        default: return nil
        }
    }

    /// The name of the variable an operand is when it is one alone (`$x`, not `$x.y`).
    @inline(__always) private static func loneVariableName(_ operand: UnsafePointer<Operand>) -> String? {
        if case .variable(_, let idents) = operand.pointee, idents.count == 1 { return idents[0] }
        return nil
    }

    /// Appends an evaluated argument's data to `values` (taking it over): a scalar as it is, a map, list or struct as
    /// a placeholder noted in `pending`, an invalid datum as `.null`.
    @inline(__always) private static func appendArgument(
        _ datum: consuming Datum, to values: inout [Value], pending: inout PendingObjects
    ) {
        switch consume datum {
        case .invalid: values.append(.null)
        case .boxed(let item), .plain(let item):
            switch item {
            case .value(let v): values.append(v)
            case let object:
                pending.note(object, at: values.count)
                values.append(.null)
            }
        }
    }

    /// ``evalFunction(_:_:node:cmd:args:final:)`` of a plain function (``FunctionReference/plainFunction``): the
    /// common call, kept apart from the general one so that its frame stays small.
    /// The function and the operand naming it are read where the command holds them (not retained).
    @inline(never)
    private func evalPlainFunction(
        _ dot: Datum, _ function: Unmanaged<FunctionReference>, nodeAt: UnsafePointer<Operand>, cmd: CommandNode,
        operands: UnsafeBufferPointer<Operand>, final: Datum?
    ) throws(TemplateError) -> Datum {
        var outcome: Result<Datum, TemplateError> = .success(.invalid)
        function._withUnsafeGuaranteedRef { reference in
            do throws(TemplateError) {
                let result: Datum
                do throws(TemplateError) {
                    siteState = SiteState(kind: .operand, bits: UnsafeRawPointer(nodeAt).load(as: UInt.self))
                    result = try callExternal(
                        dot, reference, nodeAt: nodeAt, cmd: cmd, operands: operands, args: { cmd.args.dropFirst() }, final: final)
                } catch {
                    if heap.cycleFound {
                        outcome = .success(try settleCycle(reference, nil, node: nodeAt.pointee, cmd: cmd))
                        return
                    }
                    throw error
                }
                if heap.cycleFound {
                    outcome = .success(try settleCycle(reference, result, node: nodeAt.pointee, cmd: cmd))
                    return
                }
                if case .value(let v) = result.item, let message = BuildLimits.oversizedResult(v) {
                    at(cmd)
                    throw wrapFunctionError(reference.name, message)
                }
                outcome = .success(result)
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }

    @inline(never)
    private func evalFunction(
        _ dot: Datum, _ reference: FunctionReference, node: Operand, cmd: CommandNode?, args: ArraySlice<Operand>,
        final: Datum?
    ) throws(TemplateError) -> Datum {
        let result: Datum
        do {
            result = try dispatchFunction(dot, reference, node: node, cmd: cmd, args: args, final: final)
        } catch {
            if heap.cycleFound { return try settleCycle(reference, nil, node: node, cmd: cmd) }
            throw error
        }
        if heap.cycleFound { return try settleCycle(reference, result, node: node, cmd: cmd) }
        if case .value(let v) = result.item, let message = BuildLimits.oversizedResult(v) {
            if let cmd { at(cmd) } else { at(node) }
            throw wrapFunctionError(reference.name, message)
        }
        return result
    }

    private func dispatchFunction(
        _ dot: Datum, _ reference: FunctionReference, node: Operand, cmd: CommandNode?, args: ArraySlice<Operand>,
        final: Datum?
    ) throws(TemplateError) -> Datum {
        at(node)
        if reference.plainFunction != nil {
            return try withUnsafePointer(to: node) { (nodeAt) throws(TemplateError) in
                try args.withUnsafeBufferPointer { (operands) throws(TemplateError) in
                    try callExternal(dot, reference, nodeAt: nodeAt, cmd: cmd, operands: operands, args: { args }, final: final)
                }
            }
        }
        let name = reference.name
        guard let function = reference.implementation else {
            throw fail("\(GoQuote.quote(name)) is not a defined function")
        }
        if reference.resultsVary { calledVaryingFunction = true }
        let call = Call(
            executor: self, dot: dot, name: name, nameNode: node, cmd: cmd, args: args, final: final, reference: reference)
        switch function {
        case .external(let f):
            switch reference.traits.role {
            case .plain, .indents, .writesYAML: return try call.callExternal(f)
            case .mutatesMap(let mutation): return try call.callMutating(f, mutation)
            case .buildsMap: return try call.callDictionary(f)
            case .sharesArguments(let shared): return try call.callSharing(f, shared)
            }
        case .structured(let f):
            return try call.callStructured(f)
        case .builtin(let b):
            return try Builtins.call(b, call)
        case .engine(let e):
            return try EngineFunctions.call(e, call)
        }
    }
}

/// The arguments of a call that are maps, lists or structs, materialised once every argument is evaluated (see
/// ``Executor/argumentValues(_:_:final:)``): the first kept inline (most calls have one at most), the rest in an array.
struct PendingObjects {
    var first: (index: Int, item: Item)?
    var more: [(index: Int, item: Item)] = []

    mutating func note(_ item: Item, at index: Int) {
        if first == nil { first = (index, item) } else { more.append((index, item)) }
    }
}

/// One value at a fixed address, allocated and freed by its owner (see ``Executor``).
struct ExecutorCell<Value> {
    let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    func free() {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
