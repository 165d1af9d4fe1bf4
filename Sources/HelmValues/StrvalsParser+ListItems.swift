import Diagnostics
import GoValues
import YAML

/// List elements: what follows `name[index]`.
extension StrvalsParser {
    /// listItem: ( '=' value | '[' index ']' listItem | '.' key ) after `[index]`.
    mutating func listItem(
        _ list: inout [Node], index: Int, indexOffset: Int, nameLevel: Int, depth: Int
    ) throws(Stop) {
        try checkDepth(depth)
        if index < 0 { throw .failure("negative \(index) index not allowed", offset: indexOffset) }
        let segment = scanner.until(["[", ".", "="], escapes: escapes)
        if !segment.text.isEmpty {
            throw .failure("unexpected data at end of array index: \(GoQuote.quoteRunes(segment.text))", offset: segment.start)
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
    mutating func elementValue(at elementMark: Mark) throws(Stop) -> Node {
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
    func setIndex(_ list: inout [Node], _ index: Int, _ value: Node, indexOffset: Int) throws(Stop) {
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
}
