extension MetaSchemaCheck {
    /// Whether `node` is well-formed for the draft, found without building a report: one quick pass over the
    /// schema that answers true only where ``schema(_:at:isTop:)`` finds no failure (a well-formed schema, the
    /// usual case), and false at the first doubt, so that the full check runs and words the failures.
    func passes(_ node: JSON) -> Bool {
        guard case .object(let object) = node else {
            if case .bool = node { return draft >= .draft6 }
            return false
        }
        // By index, so that a member's value is looked at in place: most (descriptions, titles) need only their kind.
        let members = object.members
        for i in members.indices where !passes(Keyword(members[i].key), members[i].value) { return false }
        return true
    }

    /// Whether the value of `keyword` is well-formed (as in ``passes(_:)``).
    private func passes(_ keyword: Keyword, _ value: JSON) -> Bool {
        switch keyword {
        case .type:
            if typeNamed(value) { return true }
            guard case .array(let names) = value, names.allSatisfy(typeNamed), !(draft == .draft4 && names.isEmpty) else { return false }
        case .enum:
            guard case .array(let items) = value, !(draft < .draft2019 && items.isEmpty) else { return false }
        case .required:
            guard case .array(let names) = value, names.allSatisfy({ $0.string != nil }), !(draft == .draft4 && names.isEmpty) else { return false }
        case .minLength, .minItems, .minProperties, .maxLength, .maxItems, .maxProperties, .minContains, .maxContains:
            guard case .number(let n) = value, n.isInteger, !n.negative else { return false }
        case .multipleOf:
            guard case .number(let n) = value, !n.negative, !n.isZero else { return false }
        case .maximum, .minimum:
            guard case .number = value else { return false }
        case .exclusiveMaximum, .exclusiveMinimum:
            if draft == .draft4 {
                guard case .bool = value else { return false }
            } else {
                guard case .number = value else { return false }
            }
        case .pattern:
            guard case .string(let source) = value, Formats.regex(source) == nil else { return false }
        case .ref, .format, .title, .description, .schema, .anchor, .dynamicRef, .dynamicAnchor, .recursiveRef, .comment:
            guard case .string = value else { return false }
        case .uniqueItems, .recursiveAnchor, .readOnly, .writeOnly, .deprecated:
            guard case .bool = value else { return false }
        case .allOf, .anyOf, .oneOf:
            guard schemasPass(value) else { return false }
        case .prefixItems where draft >= .draft2020:
            guard schemasPass(value) else { return false }
        case .items where draft < .draft2020:
            if case .array = value {
                guard schemasPass(value) else { return false }
            } else {
                guard passes(value) else { return false }
            }
        case .properties, .definitions, .dependentSchemas:
            guard mapPasses(value) else { return false }
        case .patternProperties:
            guard mapPasses(value), value.object!.members.allSatisfy({ Formats.regex($0.key) == nil }) else { return false }
        case .defs where draft >= .draft2019:
            guard mapPasses(value) else { return false }
        case .dependencies:
            guard case .object(let members) = value,
                members.members.allSatisfy({ if case .array = $0.value { return true } else { return passes($0.value) } })
            else { return false }
        case .additionalProperties where value.bool != nil, .additionalItems where value.bool != nil: return true
        default:
            if draft.holdsOneSubschema(keyword), !passes(value) { return false }
        }
        return true
    }

    /// Whether `value` is one of ``simpleTypes``.
    private func typeNamed(_ value: JSON) -> Bool {
        guard case .string(let name) = value else { return false }
        switch name {
        case "array", "boolean", "integer", "null", "number", "object", "string": return true
        default: return false
        }
    }

    /// A non-empty array of schemas that pass.
    private func schemasPass(_ value: JSON) -> Bool {
        guard case .array(let items) = value, !items.isEmpty else { return false }
        for i in items.indices where !passes(items[i]) { return false }
        return true
    }

    /// An object whose every member is a schema that passes.
    private func mapPasses(_ value: JSON) -> Bool {
        guard case .object(let object) = value else { return false }
        let members = object.members
        for i in members.indices where !passes(members[i].value) { return false }
        return true
    }
}
