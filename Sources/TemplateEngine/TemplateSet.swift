import FoundationEssentials
import Glibc
import GoValues
import Platform

/// A method on data: called for `.Receiver.Name args...` when the receiver is not a map holding
/// `Name`. Returns nil when the method does not apply to this receiver (the field lookup then
/// proceeds as usual). Example: Helm's `.Capabilities.APIVersions.Has "apps/v1"`.
public typealias TemplateMethod = (_ receiver: Value, _ args: [Value]) throws -> Value?

/// A set of named templates sharing one function table, like a Go `*template.Template` with its
/// associated templates, configured as Helm configures it (`missingkey=zero`, `<no value>` removed
/// from the output). The functions are those of the ``FunctionLibrary`` it is made with (Helm's
/// library adds a `TemplateSet()` with Sprig's and Helm's functions).
///
/// ```swift
/// let set = TemplateSet(library: library)
/// try set.parse(name: "chart/templates/_helpers.tpl", text: helpers)
/// try set.parse(name: "chart/templates/a.yaml", text: "x: {{ .Values.x }}")
/// let out = try set.execute(name: "chart/templates/a.yaml", data: .map(["Values": .map(["x": .int(1)])]))
/// ```
///
/// Parse every file once, in Helm's order; a later `{{define}}` of the same name replaces an
/// earlier one (unless its body is empty). Execution appends into one buffer.
public final class TemplateSet {
    /// Bounds that keep execution from exhausting the stack.
    public struct Limits: Sendable {
        /// Go's bound on nested `{{template}}` calls (error `exceeded maximum template depth (N)`).
        public var maxTemplateDepth = 100_000
        /// Helm's bound on nested `include`s of one name (error `rendering template has a nested reference name`).
        public var maxIncludeDepth = 1000
        /// Bound on all nested `include`, `tpl` and `{{template}}` calls together.
        public var maxNesting = 100_000
        /// Bound on nested `tpl` calls (a text that runs `tpl` on itself): each level parses and runs
        /// a template, so the native stack allows far fewer of them than of `include`.
        public var maxTplDepth = 1000
        public init() {}
    }

    let library: FunctionLibrary
    private(set) var trees: [String: Tree] = [:]
    /// What ``sharedRange(_:)`` found so far (shared with the sets that share these templates; made anew when more
    /// templates are parsed).
    private(set) var rangeFacts = RangeFacts()
    /// Methods on data, by name.
    public var methods: [String: TemplateMethod]
    /// The name of the set itself, used in `no template "x" associated with template "gotpl"` and
    /// as the name of `tpl` texts (Helm's `gotpl`).
    public var rootName = "gotpl"
    /// Go structs among the top-level fields of the data (Helm's `.Capabilities`): each session
    /// puts them in place of the data's entry of the same name.
    public var structs: [String: GoStruct] = [:]
    /// Remove `<no value>` from each output, as Helm does (default true).
    public var removesNoValue = true
    public var limits = Limits()
    /// Native stack size of the thread that executes (deep template recursion needs it).
    public var stackSize = 1 << 30
    /// Names whose use later ``parse(name:text:)`` calls note: as a field (`.Files`, `$.Files`, `$x.a.Files`) or a
    /// string literal (`index $ "Files"`). A text that calls a function executing template text counts as using
    /// them all. See ``usesWatchedNames``.
    public var watchedNames: [String] = []
    /// Whether a text parsed into the set uses one of ``watchedNames`` (or executes template text), as the parser
    /// saw it: what a caller asks before building an object only such templates can reach.
    public private(set) var usesWatchedNames = false

    /// A set calling the functions of `library` and the `methods` on data.
    public init(library: FunctionLibrary, methods: [String: TemplateMethod] = [:]) {
        self.library = library
        self.methods = methods
    }

    /// A set of the same templates and settings, for executions on another thread: the parsed templates are shared
    /// (they do not change once parsed; `tpl` adds its own to its execution's copy of the table only).
    public func sharingTemplates() -> TemplateSet {
        let copy = TemplateSet(library: library, methods: methods)
        copy.trees = trees
        copy.rangeFacts = rangeFacts
        copy.rootName = rootName
        copy.structs = structs
        copy.removesNoValue = removesNoValue
        copy.limits = limits
        copy.stackSize = stackSize
        copy.watchedNames = watchedNames
        copy.usesWatchedNames = usesWatchedNames
        return copy
    }

    /// Whether `name` is a known function (Go's builtins and the library's).
    public func hasFunction(_ name: String) -> Bool { library.functions[name] != nil }

    /// Parses `text` as the template `name`; its `{{define}}`s and `{{block}}`s add further templates.
    /// Errors read `template: NAME:LINE: message`.
    public func parse(name: String, text: String) throws(TemplateError) {
        let library = self.library, watched = watchedNames
        let result: Result<[Tree], TemplateError> = runWithLargeStack {
            do throws(TemplateError) {
                return .success(try Parser.parse(name: name, parseName: name, text: text, watching: watched) { library.functions[$0] })
            } catch {
                return .failure(error)
            }
        }
        addParsed(try result.get())
    }

    /// Adds the templates of one parsed file (see ``add(_:to:)``).
    func addParsed(_ parsed: [Tree]) {
        if parsed.first?.usesWatchedName == true { usesWatchedNames = true }
        TemplateSet.add(parsed, to: &trees)
        rangeFacts = RangeFacts()
    }

    /// Go's `AddParseTree` for each tree: a template replaces one of the same name unless it is empty.
    static func add(_ parsed: [Tree], to trees: inout [String: Tree]) {
        for tree in parsed {
            if trees[tree.name] != nil && tree.isEmpty { continue }
            trees[tree.name] = tree
        }
    }

    /// Whether a template of that name has been parsed or defined.
    public func hasTemplate(_ name: String) -> Bool { trees[name] != nil }

    /// The names of all templates, sorted.
    public var templateNames: [String] { trees.keys.sorted(by: Value.goLess) }

    /// Executes template `name` with `data` as dot and returns its output (with `<no value>` removed
    /// when ``removesNoValue``). Errors read `template: NAME:LINE:COL: executing "NAME" at <NODE>: message`.
    ///
    /// Each call starts from `data` afresh; to let changes made by `set`/`merge` in one template be
    /// seen by the next, as in Helm, execute through one ``ExecutionSession``.
    public func execute(name: String, data: Value) throws(TemplateError) -> String {
        try session(data: data).execute(name: name)
    }

    /// A session whose data (and every change templates make to its maps) is shared by all the
    /// templates it executes, as Helm shares one values map between the files of a chart.
    public func session(data: Value) -> ExecutionSession {
        ExecutionSession(set: self, data: data)
    }

    /// Executes template `name`; with `rangeWindow`, its top-level range visits only those elements
    /// and the output is returned raw (`<no value>` kept, see ``RangeSlicing``).
    /// `configure` prepares the executor before it starts (see ``RangeSharing``).
    func run(
        name: String, dot: Datum, heap: Heap, rangeWindow: Range<Int>? = nil, configure: (Executor) -> Void = { _ in }
    ) throws(TemplateError) -> String {
        guard let tree = trees[name] else {
            throw TemplateError("no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(rootName))", at: .none)
        }
        let executor = Executor(
            library: library, methods: methods, trees: trees, rootName: rootName, limits: limits, tree: tree, heap: heap)
        configure(executor)
        if let rangeWindow, let range = tree.root.nodes.lazy.compactMap({ node -> BranchNode? in
            if case .branch(let b) = node, b.kind == .rangeBranch { return b }
            return nil
        }).first {
            executor.rangeWindow = (range, rangeWindow)
        }
        let result: Result<String, TemplateError> = runWithLargeStack {
            do throws(TemplateError) {
                try executor.run(tree, dot: dot)
                return .success(executor.out.string)
            } catch {
                return .failure(error)
            }
        }
        let out = try result.get()
        if rangeWindow != nil { return out }
        return removesNoValue ? TemplateSet.removingNoValue(out) : out
    }

    /// Helm's workaround: `<no value>` removed from rendered text. The text is searched for `<`
    /// with `memchr`, so text without the marker is scanned at memory speed and returned as is.
    static func removingNoValue(_ s: String) -> String {
        var text = s
        let stripped: [UInt8]? = text.withUTF8 { bytes -> [UInt8]? in
            guard let base = bytes.baseAddress else { return nil }
            let marker: StaticString = "<no value>"
            let markerLength = marker.utf8CodeUnitCount
            let n = bytes.count
            var out: [UInt8] = []
            var found = false
            var copied = 0
            var i = 0
            while i + markerLength <= n {
                guard let hit = memchr(base + i, Int32(UInt8(ascii: "<")), n - markerLength + 1 - i) else { break }
                i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + i, marker.utf8Start, markerLength) != 0 {
                    i += 1
                    continue
                }
                if !found {
                    found = true
                    out.reserveCapacity(n)
                }
                out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: i - copied))
                i += markerLength
                copied = i
            }
            guard found else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: n - copied))
            return out
        }
        guard let stripped else { return s }
        return String(decoding: stripped, as: UTF8.self)
    }

    /// Parse trees can nest thousands of levels deep, and releasing them recurses as deep: release them
    /// with the large stack they were built with (in place on a thread that has it, else on a thread
    /// of their own while the caller goes on).
    deinit {
        guard !trees.isEmpty else { return }
        let doomed = TreeRelease(trees)
        trees = [:]
        LargeStackThread.runOrDetach(stackSize: stackSize) { doomed.trees = [:] }
    }

    /// Runs `body` with a stack of ``stackSize`` bytes (see ``LargeStackThread``) and waits for it.
    private func runWithLargeStack<T>(_ body: @escaping () -> T) -> T {
        LargeStackThread.run(stackSize: stackSize, body)
    }
}

/// Carries parse trees to the thread that releases them.
private final class TreeRelease: @unchecked Sendable {
    var trees: [String: Tree]
    init(_ trees: [String: Tree]) { self.trees = trees }
}

/// Executions over one shared data object (see ``TemplateSet/session(data:)``).
public final class ExecutionSession {
    private let set: TemplateSet
    let heap = Heap()
    private let root: Item

    init(set: TemplateSet, data: Value) {
        self.set = set
        self.root = Item.value(data).object(in: heap)
        if !set.structs.isEmpty, case .map(let object) = root {
            for key in set.structs.keys.sorted() { object.set(key, .structure(set.structs[key]!)) }
        }
    }

    /// Executes template `name` with the session's data as dot, after setting the top-level keys
    /// in `topLevel` (Helm sets `Template` for each file this way).
    public func execute(name: String, topLevel: [String: Value] = [:]) throws(TemplateError) -> String {
        try execute(name: name, topLevel: topLevel, configure: { _ in })
    }

    /// ``execute(name:topLevel:)`` with `configure` preparing the executor before it starts.
    func execute(name: String, topLevel: [String: Value], configure: (Executor) -> Void) throws(TemplateError) -> String {
        if case .map(let object) = root {
            for key in topLevel.keys.sorted() { object.set(key, Item.value(topLevel[key]!).object(in: heap)) }
        }
        let dot: Datum = root.isNull ? .invalid : .plain(root)
        return try set.run(name: name, dot: dot, heap: heap, configure: configure)
    }

    /// Executes template `name` like ``execute(name:topLevel:)``, with `scope`'s top-level object
    /// as dot instead of the session's (see ``ExecutionScope``); `topLevel` keys and `structs` are
    /// set on it.
    public func execute(
        name: String, topLevel: [String: Value], structs: [String: GoStruct] = [:], scope: ExecutionScope
    ) throws(TemplateError) -> String {
        try execute(name: name, topLevel: topLevel, structs: structs, scope: scope, configure: { _ in })
    }

    /// ``execute(name:topLevel:structs:scope:)`` with `configure` preparing the executor before it starts.
    func execute(
        name: String, topLevel: [String: Value], structs: [String: GoStruct], scope: ExecutionScope,
        configure: (Executor) -> Void
    ) throws(TemplateError) -> String {
        let object = scopeRoot(scope)
        for key in topLevel.keys.sorted() { object.set(key, Item.value(topLevel[key]!).object(in: heap)) }
        for key in structs.keys.sorted() { object.set(key, .structure(structs[key]!)) }
        return try set.run(name: name, dot: .plain(.map(object)), heap: heap, configure: configure)
    }

    private var scopeRoots: [ExecutionScope: MapObject] = [:]

    /// Makes the top-level objects of `scopes` now, from the session's entries as they are (as Helm makes each
    /// chart's before any template runs), rather than when each is first used.
    public func prepare(scopes: [ExecutionScope]) {
        for scope in scopes { _ = scopeRoot(scope) }
    }

    /// The top-level object of `scope`, made on first use from the session's entries as they are then.
    private func scopeRoot(_ scope: ExecutionScope) -> MapObject {
        if let made = scopeRoots[scope] { return made }
        let object = MapObject([:], heap: heap)
        if case .map(let top) = root {
            for key in top.sortedKeys where key != scope.key {
                if let item = top[key] { object.set(key, item) }
            }
            var shared: Item? = top[scope.key]
            for step in scope.path {
                guard case .map(let map)? = shared else { shared = nil; break }
                shared = map[step]
            }
            if case .map? = shared {
                object.set(scope.key, shared!)
            } else {
                object.set(scope.key, Item.value(.map([:])).object(in: heap))
            }
        }
        scopeRoots[scope] = object
        return object
    }

    /// `execute(name:topLevel:)` with the template's top-level range limited to `rangeWindow`,
    /// returning the raw output (see ``RangeSlicing``).
    func execute(name: String, topLevel: [String: Value], rangeWindow: Range<Int>) throws(TemplateError) -> String {
        if case .map(let object) = root {
            for key in topLevel.keys.sorted() { object.set(key, Item.value(topLevel[key]!).object(in: heap)) }
        }
        let dot: Datum = root.isNull ? .invalid : .plain(root)
        return try set.run(name: name, dot: dot, heap: heap, rangeWindow: rangeWindow)
    }

    /// The session's data as it is now (with the changes templates made).
    public var data: Value { root.value }

    /// ``data`` without the set's structs (`.Files`, `.Capabilities`: a session made of it sets them again), so
    /// without making their data views.
    public var dataWithoutStructs: Value {
        guard case .map(let object) = root else { return root.value }
        var top: [String: Value] = [:]
        for key in object.sortedKeys {
            guard let item = object[key] else { continue }
            if case .structure = item { continue }
            top[key] = item.value
        }
        return .map(top)
    }
}

/// A top-level object of its own within an ``ExecutionSession``: the session's data with its entry
/// `key` replaced by the map found at `path` below that entry — the same map object, so that changes
/// made through either are seen through both (an empty map of its own when there is no map there).
/// Helm gives each subchart's templates such an object, whose `Values` is the part of the parent's
/// values under the subchart's name.
public struct ExecutionScope: Hashable, Sendable {
    /// Distinguishes scopes with the same key and path (each chart has its own top-level object).
    public var id: Int
    public var key: String
    public var path: [String]

    public init(id: Int, key: String, path: [String]) {
        self.id = id
        self.key = key
        self.path = path
    }
}
