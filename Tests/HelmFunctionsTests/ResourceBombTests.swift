import XCTest
import HelmFunctions
import TemplateEngine
import YAML

/// Templates cannot exhaust memory or the stack: functions refuse to build values past
/// `BuildLimits.maxValueSize` (checked before building where the size is known), `printf`
/// bounds widths as Go does, and `tpl` running itself ends at `maxTplDepth`.
final class ResourceBombTests: XCTestCase {
    func testHugeBuildsAreRefusedBeforeTheyAreMade() {
        let over = "over the 256 MiB limit on a value a function builds (--max-value-size MIB raises it)"
        TemplateTable.assertErrors([
            ("{{ range until 2000000000 }}{{ end }}",
             #"template: t:1:9: executing "t" at <until 2000000000>: error calling until: result too large (32000000000 bytes): "# + over),
            ("{{ range seq 1 2000000000 }}{{ end }}",
             #"template: t:1:9: executing "t" at <seq 1 2000000000>: error calling seq: result too large (32000000000 bytes): "# + over),
            ("{{ len (untilStep 0 2000000000 1) }}",
             #"template: t:1:8: executing "t" at <untilStep 0 2000000000 1>: error calling untilStep: result too large (32000000000 bytes): "# + over),
            (#"{{ repeat 2000000000 "x" | len }}"#,
             #"template: t:1:3: executing "t" at <repeat 2000000000 "x">: error calling repeat: result too large (2000000000 bytes): "# + over),
            (#"{{ repeat 9223372036854775807 "xy" | len }}"#,
             #"template: t:1:3: executing "t" at <repeat 9223372036854775807 "xy">: error calling repeat: result too large (more than 2^63 bytes): "# + over),
            (#"{{ $s := "x" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}"#,
             #"template: t:1:43: executing "t" at <print $s $s>: error calling print: result too large (536870912 bytes): "# + over),
        ], data: .map([:]))
    }

    func testStepsNearTheIntegerBoundsDoNotOverflow() {
        TemplateTable.assertOutputs([
            ("{{ untilStep 0 9223372036854775807 4611686018427387904 }}", "[0 4611686018427387904]"),
            ("{{ untilStep 0 -9223372036854775807 -4611686018427387904 }}", "[0 -4611686018427387904]"),
            ("{{ until 3 }} {{ seq 3 }} {{ untilStep 10 0 -4 }}", "[0 1 2] 1 2 3 [10 6 2]"),
        ], data: .map([:]))
    }

    func testPrintfWidthsAsGoBoundsThem() {
        TemplateTable.assertOutputs([
            (#"{{ printf "%99999999d" 1 1.5 }}"#, "%!(NOVERB)%!(EXTRA int=1, float64=1.5)"),
            (#"{{ printf "%.999999999f" 1 1.5 }}"#, "%!(NOVERB)%!(EXTRA int=1, float64=1.5)"),
            (#"{{ printf "%10000010d|" 1 }}"#, "%!(NOVERB)%!(EXTRA int=1)"),
            (#"{{ printf "%10000009d|" 1 | len }}"#, "10000010"),
        ], data: .map([:]))
    }

    func testTplRunningItselfEndsAtItsDepthBound() {
        let set = TemplateSet()
        XCTAssertNoThrow(try set.parse(name: "t", text: "{{ tpl .a . }}"))
        XCTAssertThrowsError(try set.execute(name: "t", data: .map(["a": .string("{{ tpl .a . }}")]))) { error in
            XCTAssertTrue("\(error)".hasSuffix("error calling tpl: exceeded maximum tpl nesting (1000): a tpl text that runs tpl on itself?"))
        }
    }
}
