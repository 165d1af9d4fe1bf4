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
    /// `get`, `pick`, `omit`: the entries they return keep their identity (see ``Call/callSharing(_:)``).
    case sharing(TemplateFunction)
    /// A function whose arguments or result may be Go structs (`time.Time`, `*semver.Version`).
    case structured(StructuredFunction)
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
                } else if Call.sharingFunctions.contains(name) {
                    functions[name] = .sharing(f)
                } else if name == "indent" || name == "nindent" {
                    functions[name] = .indent(f, leadingNewline: name == "nindent")
                } else {
                    functions[name] = mutating.contains(name) ? .mutating(f) : .external(f)
                }
            }
        }
        for table in [DateFunctions.table, SemverObjectFunctions.table, CertificateFunctions.table] {
            for (name, f) in table { functions[name] = .structured(f) }
        }
        for e in EngineFunction.allCases { functions[e.rawValue] = .engine(e) }
        for (name, f) in custom { functions[name] = .external(f) }
    }
}
