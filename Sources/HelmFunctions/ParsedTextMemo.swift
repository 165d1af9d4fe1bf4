import GoValues
import Platform

/// What `fromYaml` made of a text, kept for the next call with the same text: charts often read one text twice
/// (`index ($crd | fromYaml) "metadata" "name"`, then `$crd | fromYaml` again to change it) or once per loop
/// iteration (`include "x" . | fromYaml` inside a `range`). The function is pure and a `Value` is a value (the
/// executor copies a map into its own heap object before anything changes it), so the kept result is the result.
///
/// Only texts of at least ``minimumBytes`` are kept (a short text parses faster than it is looked up), and no more
/// than ``capacityBytes`` of texts in all; the first texts met are the ones kept. A result counts only under the input
/// size bound it was made with (`--max-input-size` bounds what the parser takes).
final class ParsedTextMemo: @unchecked Sendable {
    static let minimumBytes = 512
    static let capacityBytes = 64 << 20

    private var results: [String: (value: Value, bound: Int)] = [:]
    private var keptBytes = 0
    private let lock = Lock()

    /// The memo of `fromYaml`.
    static let fromYaml = ParsedTextMemo()

    /// `make(text)`, from the memo when the same text was made before.
    func value(for text: String, _ make: (String) -> Value) -> Value {
        let size = text.utf8.count
        guard size >= Self.minimumBytes else { return make(text) }
        let bound = FileSystem.maxInputSize
        if let known = lock.withLock({ results[text] }), known.bound == bound { return known.value }
        let value = make(text)
        lock.withLock {
            if keptBytes + size <= Self.capacityBytes, results[text] == nil {
                results[text] = (value, bound)
                keptBytes += size
            }
        }
        return value
    }
}
