import FuzzSupport
import MeshRender

/// Random manifests through the analysis: the NetworkPolicy, workload and namespace readers, the inventory and the
/// evaluator (`matrix --manifests`), and the diff of those manifests against themselves emptied.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifests(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let io = FileAccess(readFile: { _ in [] }, readStdin: { bytes })
    let input = AnalysisInput(
        chart: .builtin, values: ValuesInput(), release: ReleaseInput(name: "fuzz", namespace: "fuzz"), manifests: "-")
    asCommand { _ = try? Pipeline.matrix(input, format: .json, io: io) }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzManifests_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzManifests(data, size) }
}
