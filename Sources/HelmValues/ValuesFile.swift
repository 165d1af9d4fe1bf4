import Diagnostics
import GoValues
import YAML

/// Reading one values file (a `-f` argument, or a chart's `values.yaml`) the way Helm does.
public enum ValuesFile {
    /// Parses `bytes` into a mapping node.
    ///
    /// - Every document of the stream must be a map (or empty / null, which adds nothing);
    ///   the documents merge in order with `ValuesMerge.mergeMaps`.
    /// - Integers become floats (Helm's YAML → JSON → Go step); `.inf`/`.nan` are errors.
    /// - An empty file is an empty map. Marks name `file`.
    ///
    /// Errors: YAML syntax problems at their `file:line:col`; a top level that is not a map at
    /// the document's start.
    public static func load(_ bytes: [UInt8], file: String, parser: YAMLParser = YAMLParser()) throws(InputError) -> Node {
        // Numbers as Helm's YAML → JSON step leaves them: integers are float64, and a float JSON
        // cannot hold is an error (the first one of the first map document holding one).
        var parser = parser
        parser.jsonNumbers = true
        let stream: ParsedStream
        do {
            stream = try parser.parseStream(bytes: bytes, file: file)
        } catch {
            throw error.inputError
        }
        var values = Node.emptyMapping(mark: Mark(file: file, line: 1, column: 1))
        for (index, document) in stream.documents.enumerated() {
            switch document.kind {
            case .null:
                continue
            case .mapping:
                if index < stream.nonFiniteFloats.count, let (value, mark) = stream.nonFiniteFloats[index] {
                    throw InputError(
                        "unsupported value: \(GoFormat.float(value)) (values must be representable in JSON)", at: mark)
                }
                values = ValuesMerge.mergeMaps(values, document)
            default:
                throw InputError(
                    "values must be a map at the top level, but this document is \(document.typeDescription)",
                    at: document.mark ?? Mark(file: file, line: 1, column: 1))
            }
        }
        return values
    }
}
