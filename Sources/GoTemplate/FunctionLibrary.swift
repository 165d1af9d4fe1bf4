/// How a function name resolves: a function given to the engine, one of Go's builtins, or one of
/// the engine's own (`include`, `tpl`, `required`, `fail`).
enum FunctionImplementation {
    case external(TemplateFunction)
    case builtin(Builtin)
    case engine(EngineFunction)
}

/// The functions visible to templates, later tables overriding earlier ones as in Go
/// (`Funcs` entries shadow builtins): Go builtins, the standard tables, the engine's functions,
/// then the caller's.
struct FunctionLibrary {
    var functions: [String: FunctionImplementation] = [:]

    init(standard: [[String: TemplateFunction]], custom: [String: TemplateFunction]) {
        for b in Builtin.allCases { functions[b.rawValue] = .builtin(b) }
        for table in standard {
            for (name, f) in table { functions[name] = .external(f) }
        }
        for e in EngineFunction.allCases { functions[e.rawValue] = .engine(e) }
        for (name, f) in custom { functions[name] = .external(f) }
    }
}
