import GoValues
import TemplateEngine
import YAML

/// Helm's function library as the engine sees it: Sprig's functions (v3, as Helm exposes them),
/// Helm's own (`toYaml`, `fromYaml`, `lookup`, ...), the struct-valued ones (dates, semver
/// objects, certificates) and the engine's mechanisms under Helm's names (`include`, `tpl`,
/// `required`, `fail`), each registered with the traits that tell the engine how to call it.
public enum HelmLibrary {
    /// Go's builtins and every Sprig and Helm function, later tables overriding earlier ones as
    /// in Helm: Sprig's, Helm's, the struct-valued functions, then the engine's.
    nonisolated(unsafe) public static let standard: FunctionLibrary = {
        var library = FunctionLibrary()
        for table in [SprigFunctions.table, HelmTemplateFunctions.table] {
            for (name, f) in table { library.register(name, f, traits: traits(of: name)) }
        }
        for table in [DateFunctions.table, SemverObjectFunctions.table, CertificateFunctions.table] {
            for (name, f) in table { library.register(name, structured: f, traits: traits(of: name)) }
        }
        for (name, mechanism) in engineFunctions { library.register(name, engine: mechanism) }
        return library
    }()

    /// The standard library with `custom` functions added (they override all others).
    public static func with(_ custom: [String: TemplateFunction]) -> FunctionLibrary {
        guard !custom.isEmpty else { return standard }
        var library = standard
        library.register(custom)
        return library
    }

    /// Helm's functions that need the engine itself.
    static let engineFunctions: [(String, EngineMechanism)] = [
        ("include", .includesTemplate), ("tpl", .executesText), ("required", .requiresValue), ("fail", .fails),
    ]

    /// The traits of the function named `name` (plain when it declares none).
    static func traits(of name: String) -> FunctionTraits {
        FunctionTraits(
            role: roles[name] ?? .plain, mapParameters: mapParameters[name], onCycle: cycles[name] ?? .fails,
            unsignedParameter: unsignedParameters[name], structArguments: structArguments[name])
    }

    /// How the executor calls the functions that are more than plain functions of their data.
    nonisolated(unsafe) static let roles: [String: FunctionRole] = {
        var roles: [String: FunctionRole] = [
            "indent": .indents(leadingNewline: false), "nindent": .indents(leadingNewline: true),
            "toYaml": .writesYAML(yamlBytes: { HelmYAML.toYamlBytes($0) }),
            "dict": .buildsMap,
            "set": .mutatesMap(.setsEntry), "unset": .mutatesMap(.removesEntry),
            "merge": .mutatesMap(.mergesMaps(overwrite: false)), "mustMerge": .mutatesMap(.mergesMaps(overwrite: false)),
            "mergeOverwrite": .mutatesMap(.mergesMaps(overwrite: true)),
            "mustMergeOverwrite": .mutatesMap(.mergesMaps(overwrite: true)),
        ]
        let shared: [String: SharedResult] = [
            "list": .listOfArguments, "tuple": .listOfArguments,
            "first": .element(last: false), "mustFirst": .element(last: false),
            "last": .element(last: true), "mustLast": .element(last: true),
            "rest": .dropping(last: false), "mustRest": .dropping(last: false),
            "initial": .dropping(last: true), "mustInitial": .dropping(last: true),
            "append": .adding(atFront: false), "push": .adding(atFront: false),
            "mustAppend": .adding(atFront: false), "mustPush": .adding(atFront: false),
            "prepend": .adding(atFront: true), "mustPrepend": .adding(atFront: true),
            "reverse": .reversed, "mustReverse": .reversed, "compact": .compacted, "mustCompact": .compacted,
            "uniq": .unique, "mustUniq": .unique, "without": .without, "mustWithout": .without,
            "concat": .concatenated, "slice": .sliced, "mustSlice": .sliced,
            "default": .defaultValue, "coalesce": .firstNonEmpty, "ternary": .ternary, "dig": .dig, "pluck": .pluck,
            "values": .mapValues, "get": .entry, "pick": .picked, "omit": .omitted,
        ]
        for (name, result) in shared { roles[name] = .sharesArguments(result) }
        return roles
    }()

    /// Which arguments of Sprig's dictionary functions Go declares as `map[string]interface{}`.
    static let mapParameters: [String: MapParameterPositions] = [
        "hasKey": .first, "get": .first, "set": .first, "unset": .first, "pick": .first, "omit": .first,
        "values": .first, "keys": .from(0), "merge": .from(0), "mergeOverwrite": .from(0),
        "mustMerge": .from(0), "mustMergeOverwrite": .from(0), "pluck": .from(1),
    ]

    /// Go's encoder error for a cycle.
    static let jsonCycleError = "json: unsupported value: encountered a cycle via map[string]interface {}"

    /// What the functions that can answer for a map or list containing itself give, as Helm
    /// answers: the JSON and YAML encoders swallow Go's cycle error and give "" (`toJson`) or
    /// report it (`mustToJson`); functions that look at the top level only answer.
    static let cycles: [String: CycleHandling] = {
        var cycles: [String: CycleHandling] = [
            "toJson": .printsEmpty, "toYaml": .printsEmpty, "toPrettyJson": .printsEmpty,
            "mustToJson": .reports(jsonCycleError), "toRawJson": .reports(jsonCycleError),
            "mustToRawJson": .reports(jsonCycleError), "mustToPrettyJson": .reports(jsonCycleError),
            "mustToYaml": .reports("error marshaling into JSON: " + jsonCycleError),
        ]
        for name in ["keys", "hasKey", "kindOf", "kindIs", "typeOf", "typeIs", "typeIsLike", "empty", "deepEqual"] {
            cycles[name] = .answersShallow
        }
        return cycles
    }()

    /// Go parameters of an unsigned integer type (`derivePassword`'s counter, a `uint32`).
    static let unsignedParameters: [String: UnsignedParameter] = ["derivePassword": UnsignedParameter(index: 0, typeName: "uint32")]

    /// Functions whose result depends on an argument being a Go struct: the reflection functions,
    /// the JSON writers, the functions that print with `%v`, and `deepCopy`.
    static let structArguments: [String: StructArgumentHandling] = [
        "typeOf": .typeName, "kindOf": .kindName, "typeIs": .typeIs, "typeIsLike": .typeIsLike, "kindIs": .kindIs,
        "toJson": .json(escapesHTML: true, indented: false, reportsErrors: false),
        "toRawJson": .json(escapesHTML: false, indented: false, reportsErrors: true),
        "mustToJson": .json(escapesHTML: true, indented: false, reportsErrors: true),
        "mustToRawJson": .json(escapesHTML: false, indented: false, reportsErrors: true),
        "toPrettyJson": .json(escapesHTML: true, indented: true, reportsErrors: false),
        "mustToPrettyJson": .json(escapesHTML: true, indented: true, reportsErrors: true),
        "quote": .printed(bytesAsText: true), "toString": .printed(bytesAsText: true),
        "squote": .printed(bytesAsText: false), "cat": .printed(bytesAsText: false),
        "deepCopy": .copied, "mustDeepCopy": .copied,
    ]
}

extension TemplateSet {
    /// A set with Go's builtins, Sprig's and Helm's functions, Helm's `include`/`tpl`/`required`/`fail`,
    /// and `functions` (which override all of them); `methods` on data default to Helm's.
    public convenience init(functions: [String: TemplateFunction] = [:], methods: [String: TemplateMethod] = TemplateSet.helmMethods) {
        self.init(library: HelmLibrary.with(functions), methods: methods)
    }

    /// Helm's methods on data: `Has` on a list of strings (`.Capabilities.APIVersions.Has "apps/v1"`).
    nonisolated(unsafe) public static let helmMethods: [String: TemplateMethod] = [
        "Has": { receiver, args in
            guard case .list(let items) = receiver else { return nil }
            guard args.count == 1 else {
                throw FunctionError.wrongArgumentCount("Has", want: 1, got: args.count)
            }
            guard case .string(let wanted) = args[0] else {
                throw FunctionError.wrongType(expected: "string", got: args[0] == .null ? "interface {}" : args[0].goTypeName, argumentIndex: 0)
            }
            return .bool(items.contains(.string(wanted)))
        }
    ]
}
