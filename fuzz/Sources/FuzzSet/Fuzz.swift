import MeshRender

/// Random `--set`, `--set-string` and `--set-json` expressions (one per line of the input) over the shipped Vald mesh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var values = ValuesInput()
    for (index, line) in lines.prefix(8).enumerated() {
        switch index % 3 {
        case 0: values.set.append(line)
        case 1: values.setString.append(line)
        default: values.setJSON.append(line)
        }
    }
    let io = FileAccess(readFile: { _ in [] }, readStdin: { [] })
    _ = try? Pipeline.render(chart: .builtin, values: values, release: ReleaseInput(name: "fuzz", namespace: "fuzz"), io: io)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's entry point under this name; it hands control to libFuzzer's driver.
@_cdecl("FuzzSet_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzSet(data, size) }
}
