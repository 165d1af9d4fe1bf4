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
    var recursiveAnchor: Bool {
        get { uncommon?.recursiveAnchor ?? false }
        _modify { yield &madeUncommon.recursiveAnchor }
    }
    var dynamicAnchor: String? {
        get { uncommon?.dynamicAnchor }
        _modify { yield &madeUncommon.dynamicAnchor }
    }
    var dynamicAnchors: [String: Schema] {
        get { uncommon?.dynamicAnchors ?? [:] }
        _modify { yield &madeUncommon.dynamicAnchors }
    }

    var ref: Schema?
    var recursiveRef: Schema? {
        get { uncommon?.recursiveRef }
        _modify { yield &madeUncommon.recursiveRef }
    }
    var dynamicRef: (target: Schema, anchor: String?)? {
        get { uncommon?.dynamicRef }
        _modify { yield &madeUncommon.dynamicRef }
    }

    var types: [String]?
    var constant: JSON? {
        get { uncommon?.constant }
        _modify { yield &madeUncommon.constant }
    }
    var enumeration: [JSON]?
    var format: String? {
        get { uncommon?.format }
        _modify { yield &madeUncommon.format }
    }

    var properties: [(name: String, schema: Schema)] = []
    var propertyIndex: [String: Schema] = [:]
    var patternProperties: [(pattern: PatternMatcher, schema: Schema)] {
        get { uncommon?.patternProperties ?? [] }
        _modify { yield &madeUncommon.patternProperties }
    }
    var additionalProperties: Subschema?
    var required: [String] = []
    var dependencies: [(name: String, dependency: Dependency)] {
        get { uncommon?.dependencies ?? [] }
        _modify { yield &madeUncommon.dependencies }
    }
    var dependentRequired: [(name: String, required: [String])] {
        get { uncommon?.dependentRequired ?? [] }
        _modify { yield &madeUncommon.dependentRequired }
    }
    var dependentSchemas: [(name: String, schema: Schema)] {
        get { uncommon?.dependentSchemas ?? [] }
        _modify { yield &madeUncommon.dependentSchemas }
    }
    var propertyNames: Schema? {
        get { uncommon?.propertyNames }
        _modify { yield &madeUncommon.propertyNames }
    }
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
    var itemsTuple: [Schema]? {
        get { uncommon?.itemsTuple }
        _modify { yield &madeUncommon.itemsTuple }
    }
    var additionalItems: Subschema? {
        get { uncommon?.additionalItems }
        _modify { yield &madeUncommon.additionalItems }
    }
    var prefixItems: [Schema] {
        get { uncommon?.prefixItems ?? [] }
        _modify { yield &madeUncommon.prefixItems }
    }
    var contains: Schema? {
        get { uncommon?.contains }
        _modify { yield &madeUncommon.contains }
    }
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
    var pattern: (source: String, matcher: PatternMatcher)? {
        get { uncommon?.pattern }
        _modify { yield &madeUncommon.pattern }
    }

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

    var not: Schema? {
        get { uncommon?.not }
        _modify { yield &madeUncommon.not }
    }
    var allOf: [Schema] {
        get { uncommon?.allOf ?? [] }
        _modify { yield &madeUncommon.allOf }
    }
    var anyOf: [Schema] {
        get { uncommon?.anyOf ?? [] }
        _modify { yield &madeUncommon.anyOf }
    }
    var oneOf: [Schema] {
        get { uncommon?.oneOf ?? [] }
        _modify { yield &madeUncommon.oneOf }
    }
    var ifSchema: Schema? {
        get { uncommon?.ifSchema }
        _modify { yield &madeUncommon.ifSchema }
    }
    var thenSchema: Schema? {
        get { uncommon?.thenSchema }
        _modify { yield &madeUncommon.thenSchema }
    }
    var elseSchema: Schema? {
        get { uncommon?.elseSchema }
        _modify { yield &madeUncommon.elseSchema }
    }

    var unevaluatedProperties: Schema? {
        get { uncommon?.unevaluatedProperties }
        _modify { yield &madeUncommon.unevaluatedProperties }
    }
    var unevaluatedItems: Schema? {
        get { uncommon?.unevaluatedItems }
        _modify { yield &madeUncommon.unevaluatedItems }
    }

    /// Whether this schema alone evaluates every property / item (so nothing is left for `unevaluated*`).
    var allPropertiesEvaluated: Bool { additionalProperties != nil }
    var allItemsEvaluated: Bool {
        draft < .draft2020 ? (additionalItems != nil || items != nil) : items != nil
    }
    var itemsEvaluated: Int { draft < .draft2020 ? (itemsTuple?.count ?? 0) : prefixItems.count }

    /// The numeric and size keywords, kept apart (most schemas have none, and a schema without them stays small).
    private var bounds: Bounds?

    /// The keywords most schemas lack (applicators other than `properties` and `items`, references other than
    /// `$ref`, `const`, `format`, `pattern`, ...), kept apart so that a schema without them stays small: a large
    /// schema document compiles to thousands of schemas.
    private var uncommon: Uncommon?

    private var madeUncommon: Uncommon {
        if let uncommon { return uncommon }
        let made = Uncommon()
        uncommon = made
        return made
    }

    final class Uncommon {
        var recursiveAnchor: Bool = false
        var dynamicAnchor: String?
        var dynamicAnchors: [String: Schema] = [:]
        var recursiveRef: Schema?
        var dynamicRef: (target: Schema, anchor: String?)?
        var constant: JSON?
        var format: String?
        var patternProperties: [(pattern: PatternMatcher, schema: Schema)] = []
        var dependencies: [(name: String, dependency: Dependency)] = []
        var dependentRequired: [(name: String, required: [String])] = []
        var dependentSchemas: [(name: String, schema: Schema)] = []
        var propertyNames: Schema?
        var itemsTuple: [Schema]?
        var additionalItems: Subschema?
        var prefixItems: [Schema] = []
        var contains: Schema?
        var pattern: (source: String, matcher: PatternMatcher)?
        var not: Schema?
        var allOf: [Schema] = []
        var anyOf: [Schema] = []
        var oneOf: [Schema] = []
        var ifSchema: Schema?
        var thenSchema: Schema?
        var elseSchema: Schema?
        var unevaluatedProperties: Schema?
        var unevaluatedItems: Schema?
    }

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
