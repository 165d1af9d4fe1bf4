/// Validates an instance against a compiled schema, keyword by keyword in the order Helm's
/// validator checks them, collecting ``SchemaViolation``s the way it nests them.
struct Validator {
    /// Where validation is: the schemas entered (for `$recursiveRef`/`$dynamicRef` and cycle
    /// detection), each with the depth of the value it validates.
    final class Scope {
        let schema: Schema
        let depth: Int
        let parent: Scope?

        init(_ schema: Schema, depth: Int, parent: Scope?) {
            self.schema = schema
            self.depth = depth
            self.parent = parent
        }
    }

    /// Properties and items not yet evaluated (tracked only where an `unevaluated*` keyword,
    /// here or in a caller, needs them).
    struct Unevaluated {
        var properties: Set<String> = []
        var items: Set<Int> = []
        var isEmpty: Bool { properties.isEmpty && items.isEmpty }

        init() {}

        init(_ value: JSON, _ schema: Schema, callerNeeds: Bool) {
            switch value {
            case .object(let o) where !schema.allPropertiesEvaluated && (callerNeeds || schema.unevaluatedProperties != nil):
                properties = Set(o.keys)
            case .array(let a) where !schema.allItemsEvaluated && (callerNeeds || schema.unevaluatedItems != nil)
                && schema.itemsEvaluated < a.count:
                items = Set(schema.itemsEvaluated..<a.count)
            default: break
            }
        }

        /// Keeps as unevaluated only what `other` (a passing subschema) left unevaluated too.
        mutating func merge(_ other: Unevaluated) {
            properties.formIntersection(other.properties)
            items.formIntersection(other.items)
        }
    }

    let value: JSON
    let location: [String]
    let schema: Schema
    let scope: Scope
    var unevaluated: Unevaluated
    var errors: [SchemaViolation] = []

    init(value: JSON, location: [String], schema: Schema, scope: Scope, unevaluated: Unevaluated) {
        self.value = value
        self.location = location
        self.schema = schema
        self.scope = scope
        self.unevaluated = unevaluated
    }

    /// Validates `value` against `schema` from the top.
    static func validate(_ value: JSON, against schema: Schema) -> SchemaViolation? {
        var v = Validator(
            value: value, location: [], schema: schema, scope: Scope(schema, depth: 0, parent: nil),
            unevaluated: Unevaluated(value, schema, callerNeeds: false))
        return v.run().error
    }

    func violation(_ kind: SchemaViolation.Kind, causes: [SchemaViolation] = []) -> SchemaViolation {
        SchemaViolation(location: location, kind: kind, causes: causes)
    }

    mutating func add(_ kind: SchemaViolation.Kind, causes: [SchemaViolation] = []) {
        errors.append(violation(kind, causes: causes))
    }

    mutating func add(_ error: SchemaViolation?) {
        if let error { errors.append(error) }
    }

    /// Runs every keyword; returns what is left unevaluated when valid, else the violation.
    mutating func run() -> (unevaluated: Unevaluated, error: SchemaViolation?) {
        let s = schema
        if let b = s.boolean { return b ? (unevaluated, nil) : (unevaluated, violation(.falseSchema)) }
        if let draft = s.metaSchemaOf {
            let misfits = MetaSchemaCheck(draft: draft).schema(value, at: location, isTop: true)
            return (unevaluated, misfits.count > 1 ? violation(.group, causes: misfits) : misfits.first)
        }
        var ancestor = scope.parent
        while let a = ancestor, a.depth == scope.depth {
            if a.schema === s { return (unevaluated, violation(.cycle)) }
            ancestor = a.parent
        }
        if let types = s.types {
            let got = value.typeName
            let matches = types.contains(got) || (got == "number" && types.contains("integer") && value.number!.isInteger)
            if !matches { return (unevaluated, violation(.type(got: got, want: types))) }
        }
        if let constant = s.constant, !value.isEqual(to: constant) { return (unevaluated, violation(.constant(constant))) }
        if let values = s.enumeration, !values.contains(where: value.isEqual) {
            return (unevaluated, violation(.enumeration(values)))
        }
        if let format = s.format, let reason = Formats.problem(value, format: format) {
            return (unevaluated, violation(.format(value: value, format: format, reason: reason)))
        }
        if let ref = s.ref {
            let error = reference(ref)
            if s.draft < .draft2019 { return (unevaluated, error) }
            add(error)
        }
        switch value {
        case .object(let o): validateObject(o)
        case .array(let a): validateArray(a)
        case .string(let text): validateString(text)
        case .number(let n): validateNumber(n)
        default: break
        }
        if s.draft >= .draft2019 { dynamicReferences() }
        validateConditions()
        if s.draft >= .draft2019 { validateUnevaluated() }
        switch errors.count {
        case 0: return (unevaluated, nil)
        case 1: return (unevaluated, errors[0])
        default: return (unevaluated, violation(.group, causes: errors))
        }
    }

    /// `sub` applied to this same value (applicators); its evaluations count here when it passes.
    mutating func validateSelf(_ sub: Schema) -> SchemaViolation? {
        var v = Validator(
            value: value, location: location, schema: sub, scope: Scope(sub, depth: scope.depth, parent: scope),
            unevaluated: Unevaluated(value, sub, callerNeeds: !unevaluated.isEmpty))
        let result = v.run()
        if result.error == nil { unevaluated.merge(result.unevaluated) }
        return result.error
    }

    /// `sub` applied to a member of this value, found under `token`.
    func validateMember(_ member: JSON, _ sub: Schema, token: String) -> SchemaViolation? {
        var v = Validator(
            value: member, location: location + [token], schema: sub, scope: Scope(sub, depth: scope.depth + 1, parent: scope),
            unevaluated: Unevaluated(member, sub, callerNeeds: false))
        return v.run().error
    }

    /// A `$ref`-like jump: its failures are nested under one reference violation.
    mutating func reference(_ target: Schema) -> SchemaViolation? {
        guard let error = validateSelf(target) else { return nil }
        let causes: [SchemaViolation]
        if case .group = error.kind { causes = error.causes } else { causes = [error] }
        return violation(.reference, causes: causes)
    }

    private mutating func dynamicReferences() {
        if var target = schema.recursiveRef {
            if target.recursiveAnchor {
                var s: Scope? = scope
                while let current = s {
                    if current.schema.resource.recursiveAnchor { target = current.schema }
                    s = current.parent
                }
            }
            add(reference(target))
        }
        if let (initial, anchor) = schema.dynamicRef {
            var target = initial
            if let anchor, initial.dynamicAnchor == anchor {
                var s: Scope? = scope
                while let current = s {
                    if let anchored = current.schema.resource.dynamicAnchors[anchor] { target = anchored }
                    s = current.parent
                }
            }
            add(reference(target))
        }
    }
}

extension JSON {
    /// The JSON type name of the value (integers are `number`).
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
