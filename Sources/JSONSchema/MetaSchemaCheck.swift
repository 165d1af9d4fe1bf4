/// Checks that a schema document is well-formed for its draft before it is used, as Helm's
/// validator checks it against the draft's meta-schema: keyword values of the right JSON type and
/// range. The first line of the report is Helm's; the lines under it name each misfit keyword
/// (for drafts 4 to 7 in the validator's words, for 2019-09 and 2020-12 without the nesting of
/// their vocabulary meta-schemas).
struct MetaSchemaCheck {
    let draft: Draft

    static func check(_ document: JSON, url: String, draft defaultDraft: Draft) throws(SchemaError) {
        var draft = defaultDraft
        if let declared = document.object?["$schema"]?.string, let named = Draft(metaSchema: declared) { draft = named }
        // The top's failures are listed as they are; below, each subschema is reached through the
        // meta-schema's `$ref` to itself, so several failures of one nest under it.
        let checker = MetaSchemaCheck(draft: draft)
        if checker.passes(document) { return }
        var violations = checker.schema(document, at: [], isTop: true)
        if violations.count == 1, case .group = violations[0].kind { violations = violations[0].causes }
        guard !violations.isEmpty else { return }
        throw SchemaError(
            "\(GoQuoted(url + "#")) is not valid against metaschema: jsonschema validation failed with \(MessageFormat.quote(draft.metaSchemaURL))\n"
                + SchemaViolation.report(violations))
    }

    static let simpleTypes = ["array", "boolean", "integer", "null", "number", "object", "string"]

    /// Several failures of one value are grouped under it, as the validator reports them.
    private func combined(_ at: @autoclosure () -> [String], _ list: [SchemaViolation]) -> [SchemaViolation] {
        list.count > 1 ? [SchemaViolation(location: at(), kind: .group, causes: list)] : list
    }

    private func typeIs(_ type: String, _ value: JSON, at: @autoclosure () -> [String]) -> [SchemaViolation] {
        let got = value.typeName
        if got == type || (type == "integer" && got == "number" && value.number!.isInteger) { return [] }
        return [SchemaViolation(location: at(), kind: .type(got: got, want: [type]))]
    }

    /// A non-negative integer (wrapped in `allOf` where the draft's meta-schema gives it a default of 0).
    private func count(_ value: JSON, at: @autoclosure () -> [String], defaulted: Bool) -> [SchemaViolation] {
        var errors = typeIs("integer", value, at: at())
        if errors.isEmpty, let n = value.number, n.negative {
            errors = [SchemaViolation(location: at(), kind: .minimum(got: n, want: JSONNumber(integer: 0)))]
        }
        if errors.isEmpty || !defaulted || draft >= .draft2019 { return errors }
        return [SchemaViolation(location: at(), kind: .allOf, causes: errors)]
    }

    private func schemaArray(_ value: JSON, at: @autoclosure () -> [String]) -> [SchemaViolation] {
        guard let items = value.array else { return typeIs("array", value, at: at()) }
        var errors: [SchemaViolation] = items.isEmpty ? [SchemaViolation(location: at(), kind: .minItems(got: 0, want: 1))] : []
        for (i, sub) in items.enumerated() { errors += schema(sub, at: at() + [String(i)]) }
        return combined(at(), errors)
    }

    private func schemaMap(_ value: JSON, at: @autoclosure () -> [String]) -> [SchemaViolation] {
        guard let members = value.object?.members else { return typeIs("object", value, at: at()) }
        return combined(at(), members.flatMap { schema($0.value, at: at() + [$0.key]) })
    }

    func schema(_ node: JSON, at path: @autoclosure () -> [String], isTop: Bool = false) -> [SchemaViolation] {
        guard case .object(let object) = node else {
            if case .bool = node, draft >= .draft6 { return [] }
            return [SchemaViolation(location: path(), kind: .type(got: node.typeName, want: draft >= .draft6 ? ["boolean", "object"] : ["object"]))]
        }
        var errors: [SchemaViolation] = []
        var vocabularies: [Int] = []  // per error: the vocabulary of its keyword (2019-09 and later)
        for (key, value) in object.members {
            func at() -> [String] { path() + [key] }
            let keyword = Keyword(key)
            defer { while vocabularies.count < errors.count { vocabularies.append(draft.vocabulary(of: keyword)) } }
            switch keyword {
            case .type: errors += typeKeyword(value, at: at())
            case .enum:
                errors += typeIs("array", value, at: at())
                if draft < .draft2019, value.array?.isEmpty == true { errors.append(SchemaViolation(location: at(), kind: .minItems(got: 0, want: 1))) }
            case .required:
                if value.array == nil { errors += typeIs("array", value, at: at()); continue }
                errors += combined(at(), value.array!.enumerated().flatMap { typeIs("string", $1, at: at() + [String($0)]) })
                if draft == .draft4 && value.array!.isEmpty { errors.append(SchemaViolation(location: at(), kind: .minItems(got: 0, want: 1))) }
            case .minLength, .minItems, .minProperties: errors += count(value, at: at(), defaulted: true)
            case .maxLength, .maxItems, .maxProperties, .minContains, .maxContains: errors += count(value, at: at(), defaulted: false)
            case .multipleOf:
                let typed = typeIs("number", value, at: at())
                if !typed.isEmpty { errors += typed } else if let n = value.number, n.negative || n.isZero {
                    errors.append(SchemaViolation(location: at(), kind: .exclusiveMinimum(got: n, want: JSONNumber(integer: 0))))
                }
            case .maximum, .minimum: errors += typeIs("number", value, at: at())
            case .exclusiveMaximum, .exclusiveMinimum: errors += typeIs(draft == .draft4 ? "boolean" : "number", value, at: at())
            case .pattern:
                errors += typeIs("string", value, at: at())
                if let source = value.string, let reason = Formats.regex(source) {
                    errors.append(SchemaViolation(location: at(), kind: .format(value: value, format: "regex", reason: reason)))
                }
            case .ref, .format, .title, .description, .schema, .anchor, .dynamicRef, .dynamicAnchor, .recursiveRef, .comment:
                errors += typeIs("string", value, at: at())
            case .uniqueItems, .recursiveAnchor, .readOnly, .writeOnly, .deprecated: errors += typeIs("boolean", value, at: at())
            case .allOf, .anyOf, .oneOf: errors += schemaArray(value, at: at())
            case .prefixItems where draft >= .draft2020: errors += schemaArray(value, at: at())
            case .items where draft < .draft2020:
                if value.array != nil { errors += schemaArray(value, at: at()); continue }
                let asSchema = schema(value, at: at())
                if !asSchema.isEmpty {
                    errors.append(SchemaViolation(location: at(), kind: .anyOf, causes: asSchema + typeIs("array", value, at: at())))
                }
            case .properties, .definitions, .dependentSchemas: errors += schemaMap(value, at: at())
            case .patternProperties:
                // The names must be regular expressions: a bad one is an invalid property name, reported
                // (as Helm's validator does) at the empty location.
                for source in value.object?.keys ?? [] {
                    if let reason = Formats.regex(source) {
                        let cause = SchemaViolation(location: [], kind: .format(value: .string(source), format: "regex", reason: reason))
                        errors.append(SchemaViolation(location: [], kind: .propertyName(source), causes: [cause]))
                    }
                }
                errors += schemaMap(value, at: at())
            case .defs where draft >= .draft2019: errors += schemaMap(value, at: at())
            case .dependencies:
                guard let members = value.object?.members else { errors += typeIs("object", value, at: at()); continue }
                errors += combined(at(), members.filter { $0.value.array == nil }.flatMap { schema($0.value, at: at() + [$0.key]) })
            case .additionalProperties where value.bool != nil, .additionalItems where value.bool != nil: continue
            default:
                if draft.holdsOneSubschema(keyword) { errors += schema(value, at: at()) }
            }
        }
        if draft >= .draft2019 {
            // The meta-schema is an `allOf` of one meta-schema per vocabulary, in a fixed order.
            guard !errors.isEmpty else { return [] }
            let byVocabulary = Set(vocabularies).sorted().map { v in combined(path(), zip(errors, vocabularies).filter { $1 == v }.map(\.0)) }
            return [SchemaViolation(location: path(), kind: .allOf, causes: byVocabulary.flatMap { $0 })]
        }
        if isTop || errors.count < 2 { return errors }
        return [SchemaViolation(location: path(), kind: .reference, causes: errors)]
    }

    private func typeKeyword(_ value: JSON, at: @autoclosure () -> [String]) -> [SchemaViolation] {
        let isName = { (v: JSON) in v.string.map(Self.simpleTypes.contains) ?? false }
        if isName(value) { return [] }
        if let names = value.array, names.allSatisfy(isName) {
            return draft == .draft4 && names.isEmpty ? [SchemaViolation(location: at(), kind: .minItems(got: 0, want: 1))] : []
        }
        let one = SchemaViolation(location: at(), kind: .enumeration(Self.simpleTypes.map(JSON.string)))
        let many: [SchemaViolation]
        if let names = value.array {
            many = combined(at(), names.enumerated().filter { !isName($0.element) }.map { SchemaViolation(location: at() + [String($0.offset)], kind: .enumeration(Self.simpleTypes.map(JSON.string))) })
        } else {
            many = typeIs("array", value, at: at())
        }
        return [SchemaViolation(location: at(), kind: .anyOf, causes: [one] + many)]
    }
}

extension Draft {
    /// The position of a keyword's vocabulary in the draft's meta-schema (2019-09 and later):
    /// core, applicator, unevaluated (2020-12), validation, meta-data, format, content.
    func vocabulary(of keyword: Keyword) -> Int {
        switch keyword {
        case .id, .schema, .ref, .anchor, .dynamicRef, .dynamicAnchor, .recursiveRef, .recursiveAnchor, .vocabulary, .comment, .defs:
            return 0
        case .prefixItems, .items, .additionalItems, .contains, .additionalProperties, .properties, .patternProperties,
             .dependentSchemas, .propertyNames, .if, .then, .else, .allOf, .anyOf, .oneOf, .notKeyword:
            return 1
        case .unevaluatedItems, .unevaluatedProperties: return self == .draft2019 ? 1 : 2
        case .title, .description, .default, .deprecated, .readOnly, .writeOnly, .examples: return 4
        case .format: return 5
        case .contentEncoding, .contentMediaType, .contentSchema: return 6
        default: return 3
        }
    }

    /// The URI of the draft's meta-schema, as Helm's messages name it.
    var metaSchemaURL: String {
        switch self {
        case .draft4: return "http://json-schema.org/draft-04/schema#"
        case .draft6: return "http://json-schema.org/draft-06/schema#"
        case .draft7: return "http://json-schema.org/draft-07/schema#"
        case .draft2019: return "https://json-schema.org/draft/2019-09/schema#"
        case .draft2020: return "https://json-schema.org/draft/2020-12/schema#"
        }
    }
}
