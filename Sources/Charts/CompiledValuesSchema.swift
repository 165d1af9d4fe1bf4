import JSONSchema
import Platform

/// A chart's `values.schema.json`, compiled once: when the check first needs it, or ahead of that on another core
/// (``startCompiling()``) from the moment the chart's files are read, while the rest of it loads and its templates
/// parse and execute. The schema does not depend on the values,
/// so a render need not wait for them to start on it.
package final class CompiledValuesSchema: @unchecked Sendable {
    package let bytes: [UInt8]
    private var started: LargeStackThread.Pending<Result<JSONSchema, SchemaError>>?
    private var result: Result<JSONSchema, SchemaError>?
    private let lock = Lock()

    /// The stack a compilation runs with: room for deeply nested schemas, as the check's own thread has.
    private static let stackSize = 256 << 20

    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Starts the compilation on a thread of its own, unless it started or ended already.
    package func startCompiling() {
        lock.withLock {
            guard started == nil, result == nil else { return }
            let bytes = self.bytes
            started = LargeStackThread.begin(stackSize: Self.stackSize) {
                defer { PhaseClock.mark("values schema compiled ahead") }
                return Result { () throws(SchemaError) in try JSONSchema(bytes: bytes) }
            }
        }
    }

    /// The compiled schema, or why the file is no schema: compiled here, or waited for when it started elsewhere.
    package func schema() throws(SchemaError) -> JSONSchema {
        let outcome = lock.withLock { () -> Result<JSONSchema, SchemaError> in
            if let result { return result }
            let made = started?.wait() ?? Result { () throws(SchemaError) in try JSONSchema(bytes: bytes) }
            started = nil
            result = made
            return made
        }
        return try outcome.get()
    }
}

extension Chart {
    /// Sets ``valuesSchema`` to the bytes of `compiled`, keeping `compiled` (which may be compiling already) as
    /// ``compiledSchema``; `file` is where the schema was read from.
    mutating func setValuesSchema(_ compiled: CompiledValuesSchema, file: String) {
        valuesSchema = compiled.bytes
        valuesSchemaFile = file
        compiledSchema = compiled
    }
}
