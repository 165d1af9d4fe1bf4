import YAMLCore

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

    private var scanner: RuneScanner
    private let kind: SetParser.Kind
    private let readFile: (String) throws(InputError) -> [UInt8]

    init(_ argument: String, kind: SetParser.Kind, readFile: @escaping (String) throws(InputError) -> [UInt8]) {
        scanner = RuneScanner(argument)
        self.kind = kind
        self.readFile = readFile
    }

    private var literal: Bool { kind == .literal }
    private var escapes: Bool { kind != .literal }

    private func mark(_ offset: Int) -> Mark { Mark(file: kind.flag, line: 1, column: offset + 1) }

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
    private mutating func key(_ data: inout Mapping, nameLevel: Int, depth: Int) throws(Stop) {
        try checkDepth(depth)
        let stops: [Unicode.Scalar] = literal ? ["=", "[", "."] : ["=", "[", ",", "."]
        let segment = scanner.until(stops, escapes: escapes)
        let name = segment.string
        guard let stop = segment.stop else {
            if segment.text.isEmpty { throw .end }
            throw .failure("key \(GoQuote.string(name)) has no value", offset: segment.start)
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
            throw .failure("key \(GoQuote.string(name)) has no value (cannot end with ,)", offset: segment.start)
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
            throw .failure("key map \(GoQuote.string(name)) has no value", offset: keyOffset)
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
    private mutating func keyIndex() throws(Stop) -> Int {
        let segment = scanner.until(["]"], escapes: escapes)
        guard segment.stop != nil else { throw .end }
        switch GoAtoi.parse(segment.string) {
        case .success(let i):
            return i
        case .failure(let error):
            throw .failure("error parsing index: \(error.message)", offset: segment.start)
        }
    }

    // MARK: list elements

    /// listItem: ( '=' value | '[' index ']' listItem | '.' key ) after `[index]`.
    private mutating func listItem(
        _ list: inout [Node], index: Int, indexOffset: Int, nameLevel: Int, depth: Int
    ) throws(Stop) {
        try checkDepth(depth)
        if index < 0 { throw .failure("negative \(index) index not allowed", offset: indexOffset) }
        let segment = scanner.until(["[", ".", "="], escapes: escapes)
        if !segment.text.isEmpty {
            throw .failure("unexpected data at end of array index: \(GoQuote.runes(segment.text))", offset: segment.start)
        }
        guard let stop = segment.stop else { throw .end }
        let elementMark = mark(indexOffset)
        switch stop {
        case "=":
            try setIndex(&list, index, try elementValue(at: elementMark), indexOffset: indexOffset)
        case "[":
            let nextOffset = scanner.position
            let next = try keyIndex()
            if index < list.count, !list[index].isNull {
                let typeName = list[index].goTypeName
                let existingMark = list[index].mark
                guard var inner = list[index].moveSequence() else {
                    throw .failure(conversionPanic(typeName, want: "[]interface {}"), offset: indexOffset)
                }
                do {
                    try listItem(&inner, index: next, indexOffset: nextOffset, nameLevel: nameLevel, depth: depth + 1)
                } catch {
                    list[index] = Node(.sequence(inner), mark: existingMark)  // Helm's slice shares its array
                    throw error
                }
                try setIndex(&list, index, Node(.sequence(inner), mark: existingMark), indexOffset: indexOffset)
            } else {
                var inner: [Node] = []
                try listItem(&inner, index: next, indexOffset: nextOffset, nameLevel: nameLevel, depth: depth + 1)
                try setIndex(&list, index, Node(.sequence(inner), mark: elementMark), indexOffset: indexOffset)
            }
        default:  // "."
            if index < list.count {
                // An element that is not a map is replaced by an empty one, in place.
                let existingMark = list[index].mark
                let existing = list[index].moveMapping()
                var inner = existing ?? Mapping()
                let innerMark = existing == nil ? elementMark : (existingMark ?? elementMark)
                do {
                    try key(&inner, nameLevel: nameLevel, depth: depth + 1)
                } catch {
                    list[index] = Node(.mapping(inner), mark: innerMark)
                    throw error
                }
                try setIndex(&list, index, Node(.mapping(inner), mark: innerMark), indexOffset: indexOffset)
            } else {
                var inner = Mapping()
                try key(&inner, nameLevel: nameLevel, depth: depth + 1)
                try setIndex(&list, index, Node(.mapping(inner), mark: elementMark), indexOffset: indexOffset)
            }
        }
    }

    /// The value after `name[i]=`.
    private mutating func elementValue(at elementMark: Mark) throws(Stop) -> Node {
        switch kind {
        case .json:
            let start = scanner.position
            if scanner.skipEmptyValue() { return Node(.null, mark: mark(start)) }
            let node = try jsonValue()
            _ = scanner.skipEmptyValue()
            return node
        case .literal:
            let rest = scanner.rest()
            return Node(.string(rest.string), mark: mark(rest.start))
        case .set, .string, .file:
            switch try listOrValue() {
            case .endOfArgument(let offset): return Node(.string(""), mark: mark(offset))
            case .value(let node): return node
            }
        }
    }

    /// Helm's `setIndex`: bounds checks, then grows the list with nulls as needed.
    private func setIndex(_ list: inout [Node], _ index: Int, _ value: Node, indexOffset: Int) throws(Stop) {
        if index < 0 { throw .failure("negative \(index) index not allowed", offset: indexOffset) }
        if index > SetParser.maxIndex {
            throw .failure(
                "index of \(index) is greater than maximum supported index of \(SetParser.maxIndex)", offset: indexOffset)
        }
        if list.count <= index {
            list.append(contentsOf: repeatElement(Node(.null, mark: mark(indexOffset)), count: index + 1 - list.count))
        }
        list[index] = value
    }

    // MARK: values

    private enum ValueRead {
        /// Nothing at all follows the `=`.
        case endOfArgument(offset: Int)
        case value(Node)
    }

    /// value: '{' item (',' item)* '}' ','? | characters up to ','
    private mutating func listOrValue() throws(Stop) -> ValueRead {
        let start = scanner.position
        guard let first = scanner.read() else { return .endOfArgument(offset: start) }
        guard first == "{" else {
            scanner.unread()
            let segment = scanner.until([","], escapes: true)
            return .value(try convert(segment))
        }
        var items: [Node] = []
        while true {
            let segment = scanner.until([",", "}"], escapes: true)
            guard let stop = segment.stop else {
                throw .failure("list must terminate with '}'", offset: start)
            }
            items.append(try convert(segment))
            if stop == "}" {
                if let next = scanner.read(), next != "," { scanner.unread() }
                return .value(Node(.sequence(items), mark: mark(start)))
            }
        }
    }

    /// Turns the characters of one value into a node according to the flag.
    private func convert(_ segment: RuneScanner.Segment) throws(Stop) -> Node {
        let text = segment.string
        let valueMark = mark(segment.start)
        switch kind {
        case .set: return Node(SetScalar.typed(text), mark: valueMark)
        case .file:
            do {
                let bytes = try readFile(text)
                return Node(.string(String(decoding: bytes, as: UTF8.self)), mark: valueMark)
            } catch {
                throw .failure(error.message, offset: segment.start)
            }
        case .string, .json, .literal: return Node(.string(text), mark: valueMark)
        }
    }

    /// One JSON value, read like Go's `json.Decoder.Decode`; the rest of the argument stays unread.
    private mutating func jsonValue() throws(Stop) -> Node {
        var reader = JSONValueReader(scanner.runes, from: scanner.position, file: kind.flag)
        do {
            let node = try reader.readValue()
            scanner.position = reader.position
            return node
        } catch {
            throw .failure(error.message, offset: error.offset)
        }
    }

    // MARK: helpers

    private func set(_ data: inout Mapping, _ name: String, _ value: Node, keyMark: Mark) {
        guard !name.isEmpty else { return }  // Helm ignores an empty name
        data.set(name, value, keyMark: keyMark)
    }

    private func checkDepth(_ depth: Int) throws(Stop) {
        if depth > Self.maxDepth {
            throw .failure("keys and indices nested deeper than \(Self.maxDepth) levels", offset: scanner.position)
        }
    }

    /// The text of the Go runtime panic Helm recovers from when a path meets a value of another type.
    private func conversionPanic(_ have: String, want: String) -> String {
        "unable to parse key: interface conversion: interface {} is \(have), not \(want)"
    }
}
