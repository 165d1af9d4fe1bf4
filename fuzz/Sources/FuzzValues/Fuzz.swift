import MeshRender

/// A values file of random bytes through the whole built-in pipeline: YAML parse, coalescing, mesh loading and
/// validation, expansion, template execution. Every input must end in output or an error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let io = FileAccess(readFile: { _ in bytes }, readStdin: { [] })
    _ = try? Pipeline.render(
        chart: .builtin, values: ValuesInput(files: ["fuzz.yaml"]), release: ReleaseInput(name: "fuzz", namespace: "fuzz"),
        io: io)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's entry point under this name; it hands control to libFuzzer's driver.
@_cdecl("FuzzValues_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzValues(data, size) }
}
