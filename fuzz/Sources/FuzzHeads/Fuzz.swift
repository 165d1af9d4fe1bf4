import FuzzSupport
import MeshRender
import YAML

/// The manifest head scanner against the YAML parser on random documents: whatever document the scanner reads a head
/// from (``DocumentHead/Reading/head``), the parser must accept, with the same `kind` and annotations; a disagreement
/// stops the run (a crash input for libFuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeads(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }  // rendered text is a Swift string
    let parser = YAMLParser(duplicateKeys: .lastWins)
    guard case .head(let head)? = DocumentHead.read(text[...], file: "fuzz.yaml", parser: parser) else { return 0 }
    guard let node = try? parser.parse(bytes: bytes, file: "fuzz.yaml") else {
        fatalError("the scanner read a head from a document the parser rejects")
    }
    func string(_ node: Node?) -> String? {
        guard let node else { return "" }
        if node.isNull { return "" }
        return node.string
    }
    guard string(node["kind"]) == head.kind else { fatalError("the scanner read another kind than the parser") }
    var annotations: [String: String] = [:]
    if let map = node["metadata"]?["annotations"]?.mapping {
        for (key, value) in map.entries {
            guard let text = string(value) else { fatalError("the scanner read an annotation that is not a string") }
            annotations[key] = text
        }
    }
    guard annotations == head.annotations else { fatalError("the scanner read other annotations than the parser") }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzHeads_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzHeads(data, size) }
}
