import MeshAnalysis
import MeshModel
import YAMLCore

/// The warnings loading a mesh's values raised during this process (each once, in the order raised), for the command
/// to print on stderr; with `strict` the first one is thrown as an `InputError` instead.
public enum ValuesWarnings {
    /// `--strict`: a warning is an error (exit 2).
    nonisolated(unsafe) public static var strict = false

    private static let lock = Lock()
    nonisolated(unsafe) private static var raised: [ValuesWarning] = []
    nonisolated(unsafe) private static var seen: Set<ValuesWarning> = []

    /// Records `warnings`; throws the first as an error when `strict`.
    static func raise(_ warnings: [ValuesWarning]) throws(InputError) {
        guard !warnings.isEmpty else { return }
        if strict { throw warnings[0].inputError }
        lock.lock()
        defer { lock.unlock() }
        for warning in warnings where seen.insert(warning).inserted { raised.append(warning) }
    }

    /// The warnings raised so far, which are then forgotten.
    public static func take() -> [ValuesWarning] {
        lock.lock()
        defer { lock.unlock() }
        let out = raised
        raised = []
        return out
    }
}
