import FuzzSupport
import TemplateEngine
import HelmFunctions
import YAML

/// Random templates over random values: the input is template text, then `\n---\n`, then a values document. The
/// lexer, parser and executor with Helm's function library must end every input in output or an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.components(separatedBy: "\n---\n")
    let template = parts[0]
    let valuesText = parts.count > 1 ? parts[1] : ""
    asCommand {
        let values = (try? YAMLParser().parse(valuesText, file: "values.yaml"))?.toHelmValue() ?? .map([:])
        let set = TemplateSet()
        do {
            try set.parse(name: "fuzz", text: template)
            _ = try set.execute(name: "fuzz", data: .map(["Values": values, "Release": .map(["Name": .string("fuzz")])]))
        } catch {}
    }
    return 0
}

/// SwiftPM's entry point for this target: libFuzzer's driver.
@_cdecl("FuzzTemplates_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzTemplates(data, size) }
}
