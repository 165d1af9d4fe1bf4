import FuzzSupport
import MeshRender

/// A values file of random bytes through the whole built-in pipeline: YAML parse, coalescing, mesh loading and
/// validation, expansion, template execution. Every input must end in output or an error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let io = FileAccess(readFile: { _ in bytes }, readStdin: { [] })
    asCommand { _ = try? Pipeline.render(
        chart: .builtin, values: ValuesInput(valueFiles: ["fuzz.yaml"]), release: ReleaseInput(name: "fuzz", namespace: "fuzz"),
        io: io) }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzValues_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzValues(data, size) }
}
