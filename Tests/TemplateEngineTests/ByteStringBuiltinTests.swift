import GoValues
import TemplateEngine
import XCTest

/// Go's builtins over strings holding bytes that are not UTF-8: `len`, `index` and `slice` count
/// bytes, `eq` and `lt` compare bytes, `printf` `%q` escapes such a byte as `\xHH` and `%x` prints
/// the bytes, `js` copies it, `urlquery` escapes the byte (as Go's `text/template` does).
final class ByteStringBuiltinTests: XCTestCase {
    func testBuiltinsSeeBytes() throws {
        let data: Value = .map(["s": .string(ByteString.string([0x61, 0xFF, 0xC3, 0xA9, 0x80]))])
        let cases: [(String, String)] = [
            ("{{ len .s }} {{ index .s 1 }} {{ index .s 3 }} {{ slice .s 1 3 | len }}", "5 255 169 2"),
            ("{{ printf \"%q|%+q|%x|% X|%.2x\" .s .s .s .s .s }}", "\"a\\xffé\\x80\"|\"a\\xff\\u00e9\\x80\"|61ffc3a980|61 FF C3 A9 80|61ff"),
            ("{{ eq .s (printf \"a%s\\xc3\\xa9\\x80\" \"\\xff\") }} {{ eq \"\\xff\" \"\\xfe\" }} {{ lt \"\\xff\" \"\\u00ff\" }} {{ gt \"\\xff\" \"\\uffff\" }}", "true false false true"),
            ("{{ urlquery .s }} {{ len \"\\377\" }} {{ len `\\xff` }}", "a%FF%C3%A9%80 1 4"),
        ]
        for (template, expected) in cases {
            let set = TemplateSet(library: FunctionLibrary())
            try set.parse(name: "t", text: template)
            XCTAssertEqual(try set.execute(name: "t", data: data), expected, template)
        }
        let set = TemplateSet(library: FunctionLibrary())
        try set.parse(name: "t", text: "{{ js .s }}")
        XCTAssertEqual(ByteString.bytes(try set.execute(name: "t", data: data)), [0x61, 0xFF, 0xC3, 0xA9, 0x80])
    }
}
