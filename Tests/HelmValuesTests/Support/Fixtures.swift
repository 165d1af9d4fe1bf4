import HelmValues
import XCTest
import Diagnostics
import GoValues
import YAML

/// A node written as (flow) YAML, integers kept as integers: the shape `--set` produces.
func yamlNode(_ text: String, file: String = "fixture.yaml", line: UInt = #line) -> Node {
    do {
        return try YAMLParser().parse(text, file: file)
    } catch {
        XCTFail("fixture does not parse: \(error)", line: line)
        return Node(.null)
    }
}

/// The dynamic value of a YAML fixture.
func yamlValue(_ text: String, line: UInt = #line) -> Value {
    yamlNode(text, line: line).toValue()
}

/// `value` with every integer turned into a float: numbers as Helm holds them after JSON.
func floatNumbers(_ value: Value) -> Value {
    switch value {
    case .int(let i): return .float(Double(i))
    case .list(let items): return .list(items.map(floatNumbers))
    case .map(let m): return .map(m.mapValues(floatNumbers))
    default: return value
    }
}

/// Parses `argument` into `initial` (a YAML fixture), returning the result or the error.
func applySet(
    _ argument: String, kind: SetParser.Kind = .set, initial: String = "{}",
    readFile: (String) throws -> [UInt8] = { path in throw InputError("unexpected read of \(path)", at: nil) }
) -> Result<Value, InputError> {
    var node = yamlNode(initial)
    do {
        try SetParser.parse(argument, into: &node, kind: kind, readFile: readFile)
        return .success(node.toValue())
    } catch {
        return .failure(error)
    }
}
