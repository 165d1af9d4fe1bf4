import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// Deeply nested data encodes as Helm encodes it: `toJson` at any depth, `toPrettyJson` and
/// `toYaml` up to Go's 10,000 levels (past them Helm prints "").
final class DeepEncodingTests: XCTestCase {
    static func nested(_ n: Int) -> String {
        "{{ $x := list }}{{ range until \(n) }}{{ $x = list $x }}{{ end }}"
    }

    func testEncodersFollowHelmsDepthBounds() {
        let encoders = "{{ toJson $x | len }} {{ toYaml $x | len }} {{ toPrettyJson $x | len }} {{ mustToJson $x | len }}"
        TemplateTable.assertOutputs([
            (Self.nested(1001) + encoders, "2004 2004 2008008 2004"),
            (Self.nested(9999) + encoders, "20000 20000 200000000 20000"),
            (Self.nested(10000) + encoders, "20002 0 0 20002"),
        ], data: .map([:]))
    }
}
