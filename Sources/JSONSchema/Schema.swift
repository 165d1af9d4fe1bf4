/// One compiled schema (a schema object or a boolean schema) with its keywords read for its
/// draft. Subschemas are shared: a `$ref` points at the compiled target, so recursive schemas
/// are cyclic graphs (which is why this is a class).
final class Schema: @unchecked Sendable {
    /// Where the schema is written; nil for a meta-schema stand-in.
    unowned(unsafe) let position: SchemaPosition?
    let draft: Draft
    /// `true`/`false` for a boolean schema (and `{}` is `true`).
    var boolean: Bool?
    /// Set on the stand-in for a draft's meta-schema (a `$ref` to its URI): the instance must be a
    /// well-formed schema of that draft (see ``MetaSchemaCheck``).
    var metaSchemaOf: Draft?
    /// The root of the resource (`$id` scope) this schema belongs to.
    unowned(unsafe) var resource: Schema!

    // Resource-level (set on resource roots).
    var recursiveAnchor = false
    var dynamicAnchor: String?
    var dynamicAnchors: [String: Schema] = [:]

    var ref: Schema?
    var recursiveRef: Schema?
    var dynamicRef: (target: Schema, anchor: String?)?

    var types: [String]?
    var constant: JSON?
    var enumeration: [JSON]?
    var format: String?

    var properties: [(name: String, schema: Schema)] = []
    var propertyIndex: [String: Schema] = [:]
    var patternProperties: [(pattern: PatternMatcher, schema: Schema)] = []
    var additionalProperties: Subschema?
    var required: [String] = []
    var dependencies: [(name: String, dependency: Dependency)] = []
    var dependentRequired: [(name: String, required: [String])] = []
    var dependentSchemas: [(name: String, schema: Schema)] = []
    var propertyNames: Schema?
    var minProperties: Int? {
        get { bounds?.minProperties }
        set { setBound(\.minProperties, newValue) }
    }
    var maxProperties: Int? {
        get { bounds?.maxProperties }
        set { setBound(\.maxProperties, newValue) }
    }

    /// Drafts before 2020-12: `items` as one schema (`.schema`) or a tuple (`itemsTuple`).
    var items: Schema?
    var itemsTuple: [Schema]?
    var additionalItems: Subschema?
    var prefixItems: [Schema] = []
    var contains: Schema?
    var minContains: Int? {
        get { bounds?.minContains }
        set { setBound(\.minContains, newValue) }
    }
    var maxContains: Int? {
        get { bounds?.maxContains }
        set { setBound(\.maxContains, newValue) }
    }
    var minItems: Int? {
        get { bounds?.minItems }
        set { setBound(\.minItems, newValue) }
    }
    var maxItems: Int? {
        get { bounds?.maxItems }
        set { setBound(\.maxItems, newValue) }
    }
    var uniqueItems = false

    var minLength: Int? {
        get { bounds?.minLength }
        set { setBound(\.minLength, newValue) }
    }
    var maxLength: Int? {
        get { bounds?.maxLength }
        set { setBound(\.maxLength, newValue) }
    }
    var pattern: (source: String, matcher: PatternMatcher)?

    var minimum: JSONNumber? {
        get { bounds?.minimum }
        set { setBound(\.minimum, newValue) }
    }
    var maximum: JSONNumber? {
        get { bounds?.maximum }
        set { setBound(\.maximum, newValue) }
    }
    var exclusiveMinimum: JSONNumber? {
        get { bounds?.exclusiveMinimum }
        set { setBound(\.exclusiveMinimum, newValue) }
    }
    var exclusiveMaximum: JSONNumber? {
        get { bounds?.exclusiveMaximum }
        set { setBound(\.exclusiveMaximum, newValue) }
    }
    var multipleOf: JSONNumber? {
        get { bounds?.multipleOf }
        set { setBound(\.multipleOf, newValue) }
    }

    var not: Schema?
    var allOf: [Schema] = []
    var anyOf: [Schema] = []
    var oneOf: [Schema] = []
    var ifSchema: Schema?
    var thenSchema: Schema?
    var elseSchema: Schema?

    var unevaluatedProperties: Schema?
    var unevaluatedItems: Schema?

    /// Whether this schema alone evaluates every property / item (so nothing is left for `unevaluated*`).
    var allPropertiesEvaluated: Bool { additionalProperties != nil }
    var allItemsEvaluated: Bool {
        draft < .draft2020 ? (additionalItems != nil || items != nil) : items != nil
    }
    var itemsEvaluated: Int { draft < .draft2020 ? (itemsTuple?.count ?? 0) : prefixItems.count }

    /// The numeric and size keywords, kept apart (most schemas have none, and a schema without them stays small).
    private var bounds: Bounds?

    final class Bounds {
        var minProperties: Int?
        var maxProperties: Int?
        var minContains: Int?
        var maxContains: Int?
        var minItems: Int?
        var maxItems: Int?
        var minLength: Int?
        var maxLength: Int?
        var minimum: JSONNumber?
        var maximum: JSONNumber?
        var exclusiveMinimum: JSONNumber?
        var exclusiveMaximum: JSONNumber?
        var multipleOf: JSONNumber?
    }

    private func setBound<Value>(_ field: ReferenceWritableKeyPath<Bounds, Value?>, _ value: Value?) {
        if value == nil && bounds == nil { return }
        if bounds == nil { bounds = Bounds() }
        bounds![keyPath: field] = value
    }

    init(position: SchemaPosition?, draft: Draft) {
        self.position = position
        self.draft = draft
    }

    /// `docURL#pointer`, for messages (built when asked).
    var location: String { position?.location ?? draft.metaSchemaURL }

    /// `additionalProperties` / `additionalItems`: a boolean or a schema.
    enum Subschema {
        case allowed(Bool)
        case schema(Schema)
    }

    /// A `dependencies` entry: required property names or a schema.
    enum Dependency {
        case required([String])
        case schema(Schema)
    }
}
