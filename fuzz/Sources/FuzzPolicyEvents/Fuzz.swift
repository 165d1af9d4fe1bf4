import FuzzSupport
import MeshAnalysis
import MeshModel
import YAML

/// The NetworkPolicy event reader against the tree reader on random documents: whatever the event reader takes, the
/// tree reader must read the same policy; a disagreement stops the run (a crash input for libFuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyEvents(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let read = NetworkPolicyEvents.read(YAMLEventCursor(bytes: bytes, file: "fuzz.yaml")) else { return 0 }
    guard let node = try? YAMLParser().parse(bytes: bytes, file: "fuzz.yaml"),
        let tree = try? ManifestObjects.read(document: node), tree.policies == [read.policy]
    else { fatalError("the event reader took a document the tree reader reads otherwise") }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzPolicyEvents_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzPolicyEvents(data, size) }
}
