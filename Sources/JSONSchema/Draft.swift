/// The JSON Schema drafts the validator knows; `$schema` picks one, 2020-12 when absent.
public enum Draft: Int, Sendable, Comparable, CaseIterable {
    case draft4 = 4
    case draft6 = 6
    case draft7 = 7
    case draft2019 = 2019
    case draft2020 = 2020

    /// Older drafts order first.
    public static func < (a: Draft, b: Draft) -> Bool { a.rawValue < b.rawValue }

    /// The draft a `$schema` URI names (with or without `https`, a trailing empty fragment
    /// allowed); nil for any other URI.
    public init?(metaSchema uri: String) {
        var u = Substring(uri)
        if u.hasSuffix("#") { u = u.dropLast() }
        if u.hasPrefix("http://") { u = u.dropFirst(7) } else if u.hasPrefix("https://") { u = u.dropFirst(8) }
        switch u {
        case "json-schema.org/schema", "json-schema.org/draft/2020-12/schema": self = .draft2020
        case "json-schema.org/draft/2019-09/schema": self = .draft2019
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-04/schema": self = .draft4
        default: return nil
        }
    }

    /// The keyword that declares a resource's URI.
    var idKeyword: Keyword { self == .draft4 ? .legacyID : .id }

    /// Whether `format` is asserted (the drafts before 2019-09 assert it; later ones only
    /// annotate, as Helm's validator is configured).
    var assertsFormat: Bool { self < .draft2019 }

    /// Keywords holding one subschema, for finding resources and anchors.
    var singleSubschemaKeywords: [Keyword] { KeywordLists.of(self).single }

    /// Whether `keyword` holds one subschema in this draft (one of ``singleSubschemaKeywords``, found without
    /// copying the list).
    func holdsOneSubschema(_ keyword: Keyword) -> Bool {
        switch keyword {
        case .notKeyword, .additionalProperties, .items, .additionalItems: return true
        case .propertyNames, .contains: return self >= .draft6
        case .if, .then, .else: return self >= .draft7
        case .unevaluatedProperties, .unevaluatedItems, .contentSchema: return self >= .draft2019
        default: return false
        }
    }

    /// Keywords holding an array of subschemas.
    var arraySubschemaKeywords: [Keyword] { KeywordLists.of(self).array }

    /// Keywords holding a map of subschemas.
    var mapSubschemaKeywords: [Keyword] { KeywordLists.of(self).map }

}

/// The subschema keywords of each draft, built once (they are asked for at every schema object).
struct KeywordLists {
    let single: [Keyword]
    let array: [Keyword]
    let map: [Keyword]

    init(_ draft: Draft) {
        var single: [Keyword] = [.notKeyword, .additionalProperties, .items, .additionalItems]
        if draft >= .draft6 { single += [.propertyNames, .contains] }
        if draft >= .draft7 { single += [.if, .then, .else] }
        if draft >= .draft2019 { single += [.unevaluatedProperties, .unevaluatedItems, .contentSchema] }
        var array: [Keyword] = [.allOf, .anyOf, .oneOf, .items]
        if draft >= .draft2020 { array.append(.prefixItems) }
        var map: [Keyword] = [.definitions, .properties, .patternProperties, .dependencies]
        if draft >= .draft2019 { map += [.defs, .dependentSchemas] }
        (self.single, self.array, self.map) = (single, array, map)
    }

    private static let draft4 = KeywordLists(.draft4)
    private static let draft6 = KeywordLists(.draft6)
    private static let draft7 = KeywordLists(.draft7)
    private static let draft2019 = KeywordLists(.draft2019)
    private static let draft2020 = KeywordLists(.draft2020)

    static func of(_ draft: Draft) -> KeywordLists {
        switch draft {
        case .draft4: return draft4
        case .draft6: return draft6
        case .draft7: return draft7
        case .draft2019: return draft2019
        case .draft2020: return draft2020
        }
    }
}
