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
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    /// Whether `format` is asserted (the drafts before 2019-09 assert it; later ones only
    /// annotate, as Helm's validator is configured).
    var assertsFormat: Bool { self < .draft2019 }

    /// Keywords holding one subschema, for finding resources and anchors.
    var singleSubschemaKeywords: [String] {
        var k = ["not", "additionalProperties", "items", "additionalItems"]
        if self >= .draft6 { k += ["propertyNames", "contains"] }
        if self >= .draft7 { k += ["if", "then", "else"] }
        if self >= .draft2019 { k += ["unevaluatedProperties", "unevaluatedItems", "contentSchema"] }
        return k
    }

    /// Keywords holding an array of subschemas.
    var arraySubschemaKeywords: [String] {
        var k = ["allOf", "anyOf", "oneOf", "items"]
        if self >= .draft2020 { k.append("prefixItems") }
        return k
    }

    /// Keywords holding a map of subschemas.
    var mapSubschemaKeywords: [String] {
        var k = ["definitions", "properties", "patternProperties", "dependencies"]
        if self >= .draft2019 { k += ["$defs", "dependentSchemas"] }
        return k
    }
}
