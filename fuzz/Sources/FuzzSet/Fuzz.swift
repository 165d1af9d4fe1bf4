import FuzzSupport
import MeshRender

/// Random `--set`, `--set-string` and `--set-json` expressions (one per line of the input) over the shipped Vald mesh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var values = ValuesInput()
    for (index, line) in lines.prefix(8).enumerated() {
        switch index % 3 {
        case 0: values.setValues.append(line)
        case 1: values.stringValues.append(line)
        default: values.jsonValues.append(line)
        }
    }
    let io = FileAccess(readFile: { _ in [] }, readStdin: { [] })
    asCommand { _ = try? Pipeline.render(chart: .builtin, values: values, release: ReleaseInput(name: "fuzz", namespace: "fuzz"), io: io) }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzSet_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzSet(data, size) }
}
