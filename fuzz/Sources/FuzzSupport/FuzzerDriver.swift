import Platform

/// Runs one input as the CLI runs a command: on a thread with the stack the command line gets, so that nesting the
/// parsers allow is judged against the stack meshrender really has.
public func asCommand(_ body: () -> Void) {
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let run = body
        LargeStackThread.run(stackSize: LargeStackThread.commandStackSize) { run() }
    }
}

/// The function a fuzz target gives libFuzzer: one input, 0 when handled.
public typealias FuzzerCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzerCallback) -> Int32

/// Hands control to libFuzzer's driver (SwiftPM links each executable target's entry point under `<Target>_main`;
/// the target's one-line entry point calls this).
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: FuzzerCallback)
    -> Int32
{
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, callback)
}
