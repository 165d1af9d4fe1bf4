import MeshRender

/// Random manifests through the analysis: the NetworkPolicy, workload and namespace readers, the inventory and the
/// evaluator (`matrix --manifests`), and the diff of those manifests against themselves emptied.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifests(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let io = FileAccess(readFile: { _ in [] }, readStdin: { bytes })
    let input = AnalysisInput(
        chart: .builtin, values: ValuesInput(), release: ReleaseInput(name: "fuzz", namespace: "fuzz"), manifests: "-")
    _ = try? Pipeline.matrix(input, format: .json, io: io)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's entry point under this name; it hands control to libFuzzer's driver.
@_cdecl("FuzzManifests_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzManifests(data, size) }
}
