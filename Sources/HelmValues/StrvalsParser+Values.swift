import YAML
import GoValues

/// Values: what follows `=`.
extension StrvalsParser {
    enum ValueRead {
        /// Nothing at all follows the `=`.
        case endOfArgument(offset: Int)
        case value(Node)
    }

    /// value: '{' item (',' item)* '}' ','? | characters up to ','
    mutating func listOrValue() throws(Stop) -> ValueRead {
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
    func convert(_ segment: RuneScanner.Segment) throws(Stop) -> Node {
        let text = segment.string
        let valueMark = mark(segment.start)
        switch kind {
        case .set: return Node(SetScalar.typed(text), mark: valueMark)
        case .file:
            do {
                let bytes = try readFile(text)
                return Node(.string(ByteString.string(bytes)), mark: valueMark)  // Go keeps the bytes as they are
            } catch {
                throw .failure(error.message, offset: segment.start)
            }
        case .string, .json, .literal: return Node(.string(text), mark: valueMark)
        }
    }

    /// One JSON value, read like Go's `json.Decoder.Decode`; the rest of the argument stays unread.
    mutating func jsonValue() throws(Stop) -> Node {
        var reader = JSONValueReader(scanner.runes, from: scanner.position, file: kind.flag, line: line)
        do {
            let node = try reader.readValue()
            scanner.position = reader.position
            return node
        } catch {
            throw .failure(error.message, offset: error.offset)
        }
    }
}
