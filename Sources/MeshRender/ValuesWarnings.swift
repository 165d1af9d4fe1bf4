import MeshAnalysis
import MeshModel
import Diagnostics
import Platform
import YAML

/// The warnings loading a mesh's values raised during this process (each once, in the order raised), for the command
/// to print on stderr; with `strict` the first one is thrown as an `InputError` instead.
public enum ValuesWarnings {
    /// `--strict`: a warning is an error (exit 2).
    nonisolated(unsafe) public static var strict = false

    private static let lock = Lock()
    nonisolated(unsafe) private static var raised: [ValuesWarning] = []
    nonisolated(unsafe) private static var seen: Set<ValuesWarning> = []
    nonisolated(unsafe) private static var dropped = 0
    /// Most warnings kept for printing; further ones are only counted (a process that renders again and again keeps
    /// a bounded list).
    public static let limit = 200

    /// Records `warnings`; throws the first as an error when `strict`.
    static func raise(_ warnings: [ValuesWarning]) throws(InputError) {
        guard !warnings.isEmpty else { return }
        if strict { throw warnings[0].inputError }
        lock.lock()
        defer { lock.unlock() }
        for warning in warnings where !seen.contains(warning) {
            guard raised.count < limit else {
                dropped += 1
                continue
            }
            seen.insert(warning)
            raised.append(warning)
        }
    }

    /// The warnings raised so far and how many more were left out past `limit`; both are then forgotten.
    public static func take() -> (warnings: [ValuesWarning], more: Int) {
        lock.lock()
        defer { lock.unlock() }
        let out = (raised, dropped)
        (raised, seen, dropped) = ([], [], 0)
        return out
    }
}
