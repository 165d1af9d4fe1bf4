import XCTest
import Diagnostics
import YAML
@testable import MeshModel

/// Parses YAML text named `file` into one node, failing the test on a YAML error.
func yaml(_ text: String, file: String = "t.yaml") throws -> Node {
    try YAMLParser().parse(text, file: file)
}

/// The error description thrown by `body`, or nil when it succeeded.
func inputError<T>(_ body: () throws(InputError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.description
    }
}
