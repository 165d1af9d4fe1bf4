/// The function tables every `TemplateSet` starts with, after Go's builtins: Sprig's, then Helm's
/// (`toYaml`, `lookup`, ...). The engine's own functions and the caller's override them.
enum StandardFunctions {
    nonisolated(unsafe) static let tables: [[String: TemplateFunction]] = [SprigFunctions.table, HelmFunctions.table]
    /// Functions that change their first argument (a map) in place in Go; the engine applies the
    /// change to the map object itself so every holder sees it.
    static var mutating: Set<String> { SprigFunctions.mutatingFunctions }
}
