/// How a function name resolves: a function given to the engine, one of Go's builtins, or one of
/// the engine's own (`include`, `tpl`, `required`, `fail`).
enum FunctionImplementation {
    case external(TemplateFunction)
    /// Sprig's `indent` (`nindent` when `leadingNewline`): called as an external function, and
    /// recognised after `include` so the included text is indented straight into the output.
    case indent(TemplateFunction, leadingNewline: Bool)
    /// Helm's `toYaml`: called as an external function, and written straight into the output when
    /// its text is indented right away (`toYaml . | nindent 4`).
    case toYaml(TemplateFunction)
    /// A function that changes its first argument in Go (`set`, `merge`, ...).
    case mutating(TemplateFunction)
    /// Sprig's `dict`: the maps and lists it is given keep their identity inside the new map.
    case dictionary(TemplateFunction)
    /// A date function: its arguments and result may be Go `time.Time` structs.
    case date(DateFunction)
    case builtin(Builtin)
    case engine(EngineFunction)
}

/// The functions visible to templates, later tables overriding earlier ones as in Go
/// (`Funcs` entries shadow builtins): Go builtins, the standard tables, the engine's functions,
/// then the caller's.
struct FunctionLibrary {
    var functions: [String: FunctionImplementation] = [:]

    init(standard: [[String: TemplateFunction]], mutating: Set<String>, custom: [String: TemplateFunction]) {
        for b in Builtin.allCases { functions[b.rawValue] = .builtin(b) }
        for table in standard {
            for (name, f) in table {
                if name == "dict" {
                    functions[name] = .dictionary(f)
                } else if name == "toYaml" {
                    functions[name] = .toYaml(f)
                } else if name == "indent" || name == "nindent" {
                    functions[name] = .indent(f, leadingNewline: name == "nindent")
                } else {
                    functions[name] = mutating.contains(name) ? .mutating(f) : .external(f)
                }
            }
        }
        for (name, f) in DateFunctions.table { functions[name] = .date(f) }
        for e in EngineFunction.allCases { functions[e.rawValue] = .engine(e) }
        for (name, f) in custom { functions[name] = .external(f) }
    }
}
