import Diagnostics
import GoValues
import YAML

/// The state machine behind `SetParser`: Helm's `strvals` parser, step for step, over `Node`s.
///
/// Helm edits Go maps and slices in place; where an argument ends early (which Helm treats
/// as success) those in-place edits stay visible, so the functions here leave their `inout`
/// arguments in the same state Helm's shared maps and slices would be in.
struct StrvalsParser {
    /// Why parsing stopped: the argument ended (success, possibly mid-key), or a real error.
    enum Stop: Error {
        case end
        case failure(String, offset: Int)
    }

    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// Bound on nested keys and indices together, so no argument can exhaust the stack.
    static let maxDepth = 512

    var scanner: RuneScanner
    let kind: SetParser.Kind
    /// The line of marks: which argument of its flag this is (1-based).
    let line: Int
    let readFile: (String) throws(InputError) -> [UInt8]

    init(
        _ argument: String, kind: SetParser.Kind, line: Int,
        readFile: @escaping (String) throws(InputError) -> [UInt8]
    ) {
        scanner = RuneScanner(argument)
        self.kind = kind
        self.line = line
        self.readFile = readFile
    }

    var literal: Bool { kind == .literal }
    var escapes: Bool { kind != .literal }

    func mark(_ offset: Int) -> Mark { Mark(file: kind.flag, line: line, column: offset + 1) }

    /// Reads `name=value` items until the argument ends.
    mutating func parse(into data: inout Mapping) throws(Failure) {
        while true {
            do {
                try key(&data, nameLevel: 0, depth: 0)
            } catch {
                switch error {
                case .end: return
                case .failure(let message, let offset): throw Failure(message: message, offset: offset)
                }
            }
        }
    }

    // MARK: keys

    /// key: name ( '=' value | '.' key | '[' index ']' listItem | ',' )
    mutating func key(_ data: inout Mapping, nameLevel: Int, depth: Int) throws(Stop) {
        try checkDepth(depth)
        let stops: [Unicode.Scalar] = literal ? ["=", "[", "."] : ["=", "[", ",", "."]
        let segment = scanner.until(stops, escapes: escapes)
        let name = segment.string
        guard let stop = segment.stop else {
            if segment.text.isEmpty { throw .end }
            throw .failure("key \(GoQuote.quote(name)) has no value", offset: segment.start)
        }
        let keyMark = mark(segment.start)
        switch stop {
        case "[":
            try listKey(&data, name: name, keyMark: keyMark, keyOffset: segment.start, nameLevel: nameLevel, depth: depth)
        case ".":
            try mapKey(&data, name: name, keyMark: keyMark, keyOffset: segment.start, nameLevel: nameLevel, depth: depth)
        case "=":
            try valueKey(&data, name: name, keyMark: keyMark)
        default:  // ","
            set(&data, name, Node(.string(""), mark: mark(scanner.position - 1)), keyMark: keyMark)
            throw .failure("key \(GoQuote.quote(name)) has no value (cannot end with ,)", offset: segment.start)
        }
    }

    /// `name=value`
    private mutating func valueKey(_ data: inout Mapping, name: String, keyMark: Mark) throws(Stop) {
        switch kind {
        case .json:
            let start = scanner.position
            if scanner.skipEmptyValue() {
                set(&data, name, Node(.null, mark: mark(start)), keyMark: keyMark)
                return
            }
            set(&data, name, try jsonValue(), keyMark: keyMark)
            _ = scanner.skipEmptyValue()
        case .literal:
            let rest = scanner.rest()
            set(&data, name, Node(.string(rest.string), mark: mark(rest.start)), keyMark: keyMark)
        case .set, .string, .file:
            switch try listOrValue() {
            case .endOfArgument(let offset):
                set(&data, name, Node(.string(""), mark: mark(offset)), keyMark: keyMark)
                throw .end
            case .value(let node):
                set(&data, name, node, keyMark: keyMark)
            }
        }
    }

    /// `name.key…`: finds or creates the map under `name` and reads the next key into it.
    private mutating func mapKey(
        _ data: inout Mapping, name: String, keyMark: Mark, keyOffset: Int, nameLevel: Int, depth: Int
    ) throws(Stop) {
        let level = nameLevel + 1
        if level > SetParser.maxNestedNameLevel {
            throw .failure(
                "value name nested level is greater than maximum supported nested level of \(SetParser.maxNestedNameLevel)",
                offset: keyOffset)
        }
        var inner = Mapping()
        var innerMark = keyMark
        var existed = false
        if var existing = name.isEmpty ? data.entries[name] : data.take(name) {
            let typeName = existing.goTypeName
            guard let m = existing.moveMapping() else {
                throw .failure(conversionPanic(typeName, want: "map[string]interface {}"), offset: keyOffset)
            }
            inner = m
            innerMark = existing.mark ?? keyMark
            existed = true
        }
        var stopped: Stop?
        do {
            try key(&inner, nameLevel: level, depth: depth + 1)
        } catch {
            stopped = error
        }
        if stopped == nil, inner.count == 0 {
            throw .failure("key map \(GoQuote.quote(name)) has no value", offset: keyOffset)
        }
        // Helm sets the map back only when it is not empty; an existing map was edited in place.
        // An empty name is never set, but an existing map under it was edited in place.
        let node = Node(.mapping(inner), mark: innerMark)
        if name.isEmpty {
            if existed { data.entries[name] = node }
        } else if existed || inner.count > 0 {
            data.set(name, node, keyMark: inner.count > 0 ? keyMark : nil)
        }
        if let stopped { throw stopped }
    }

    /// `name[index]…`: finds or creates the list under `name` and sets its element.
    private mutating func listKey(
        _ data: inout Mapping, name: String, keyMark: Mark, keyOffset: Int, nameLevel: Int, depth: Int
    ) throws(Stop) {
        let indexOffset = scanner.position
        let index = try keyIndex()
        var list: [Node] = []
        var listMark = keyMark
        var existed = false
        if var existing = name.isEmpty ? data.entries[name] : data.take(name) {
            let typeName = existing.goTypeName
            guard let items = existing.moveSequence() else {
                throw .failure(conversionPanic(typeName, want: "[]interface {}"), offset: keyOffset)
            }
            list = items
            listMark = existing.mark ?? keyMark
            existed = true
        }
        let originalCount = list.count
        var stopped: Stop?
        do {
            try listItem(&list, index: index, indexOffset: indexOffset, nameLevel: nameLevel, depth: depth + 1)
        } catch {
            stopped = error
        }
        let node = Node(.sequence(list), mark: listMark)
        if !name.isEmpty {
            data.set(name, node, keyMark: keyMark)
        } else if existed, list.count == originalCount {
            // Helm ignores an empty name, but edits within the existing slice's length stay visible.
            data.entries[name] = node
        }
        if let stopped { throw stopped }
    }

    /// index: characters up to `]`, read as Go's `strconv.Atoi`.
    mutating func keyIndex() throws(Stop) -> Int {
        let segment = scanner.until(["]"], escapes: escapes)
        guard segment.stop != nil else { throw .end }
        switch GoAtoi.parse(segment.string) {
        case .success(let i):
            return i
        case .failure(let error):
            throw .failure("error parsing index: \(error.message)", offset: segment.start)
        }
    }

    // MARK: helpers

    func set(_ data: inout Mapping, _ name: String, _ value: Node, keyMark: Mark) {
        guard !name.isEmpty else { return }  // Helm ignores an empty name
        data.set(name, value, keyMark: keyMark)
    }

    func checkDepth(_ depth: Int) throws(Stop) {
        if depth > Self.maxDepth {
            throw .failure("keys and indices nested deeper than \(Self.maxDepth) levels", offset: scanner.position)
        }
    }

    /// The text of the Go runtime panic Helm recovers from when a path meets a value of another type.
    func conversionPanic(_ have: String, want: String) -> String {
        "unable to parse key: interface conversion: interface {} is \(have), not \(want)"
    }
}
