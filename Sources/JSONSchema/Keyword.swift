#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The keywords the compiler, the index and the meta-schema check know, recognised from a member's key by its
/// length and bytes (one comparison or a few, instead of one per keyword name), so a schema object is read in one
/// pass over its members.
enum Keyword: Int, CaseIterable {
    case ref, schema, id, legacyID, anchor, dynamicAnchor, dynamicRef, recursiveRef, recursiveAnchor, comment, defs
    case vocabulary, type, `enum`, const, multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum
    case minLength, maxLength, pattern, minItems, maxItems, uniqueItems, maxProperties, minProperties, required
    case format, contains, propertyNames, `if`, then, `else`, allOf, anyOf, oneOf, notKeyword, items
    case additionalItems, properties, patternProperties, additionalProperties, dependencies, dependentRequired
    case dependentSchemas, unevaluatedItems, unevaluatedProperties, prefixItems, minContains, maxContains
    case definitions, contentSchema, contentEncoding, contentMediaType, title, description, `default`, deprecated
    case readOnly, writeOnly, examples
    /// Any other key (annotations the drafts do not define, property names, extensions).
    case other

    /// The key that names the keyword (empty for ``other``).
    var name: String {
        switch self {
        case .legacyID: return "id"
        case .`if`: return "if"
        case .id: return "$id"
        case .notKeyword: return "not"
        case .ref: return "$ref"
        case .type: return "type"
        case .`enum`: return "enum"
        case .then: return "then"
        case .`else`: return "else"
        case .defs: return "$defs"
        case .const: return "const"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .items: return "items"
        case .title: return "title"
        case .format: return "format"
        case .schema: return "$schema"
        case .anchor: return "$anchor"
        case .maximum: return "maximum"
        case .minimum: return "minimum"
        case .pattern: return "pattern"
        case .`default`: return "default"
        case .comment: return "$comment"
        case .minItems: return "minItems"
        case .maxItems: return "maxItems"
        case .required: return "required"
        case .contains: return "contains"
        case .readOnly: return "readOnly"
        case .examples: return "examples"
        case .minLength: return "minLength"
        case .maxLength: return "maxLength"
        case .writeOnly: return "writeOnly"
        case .multipleOf: return "multipleOf"
        case .properties: return "properties"
        case .deprecated: return "deprecated"
        case .dynamicRef: return "$dynamicRef"
        case .vocabulary: return "$vocabulary"
        case .uniqueItems: return "uniqueItems"
        case .prefixItems: return "prefixItems"
        case .minContains: return "minContains"
        case .maxContains: return "maxContains"
        case .definitions: return "definitions"
        case .description: return "description"
        case .dependencies: return "dependencies"
        case .recursiveRef: return "$recursiveRef"
        case .maxProperties: return "maxProperties"
        case .minProperties: return "minProperties"
        case .propertyNames: return "propertyNames"
        case .contentSchema: return "contentSchema"
        case .dynamicAnchor: return "$dynamicAnchor"
        case .additionalItems: return "additionalItems"
        case .contentEncoding: return "contentEncoding"
        case .recursiveAnchor: return "$recursiveAnchor"
        case .exclusiveMaximum: return "exclusiveMaximum"
        case .exclusiveMinimum: return "exclusiveMinimum"
        case .dependentSchemas: return "dependentSchemas"
        case .unevaluatedItems: return "unevaluatedItems"
        case .contentMediaType: return "contentMediaType"
        case .patternProperties: return "patternProperties"
        case .dependentRequired: return "dependentRequired"
        case .additionalProperties: return "additionalProperties"
        case .unevaluatedProperties: return "unevaluatedProperties"
        case .other: return ""
        }
    }

    /// The keyword `key` names (compared byte for byte); ``other`` for any other key.
    init(_ key: String) {
        self = key.utf8.withContiguousStorageIfAvailable(Keyword.of) ?? Array(key.utf8).withUnsafeBufferPointer(Keyword.of)
    }

    private static func of(_ b: UnsafeBufferPointer<UInt8>) -> Keyword {
        switch b.count {
        case 2:
            if b.matches("id") { return .legacyID }
            if b.matches("if") { return .if }
        case 3:
            if b.matches("$id") { return .id }
            if b.matches("not") { return .notKeyword }
        case 4:
            if b.matches("$ref") { return .ref }
            if b.matches("type") { return .type }
            if b.matches("enum") { return .enum }
            if b.matches("then") { return .then }
            if b.matches("else") { return .else }
        case 5:
            if b.matches("$defs") { return .defs }
            if b.matches("const") { return .const }
            if b.matches("allOf") { return .allOf }
            if b.matches("anyOf") { return .anyOf }
            if b.matches("oneOf") { return .oneOf }
            if b.matches("items") { return .items }
            if b.matches("title") { return .title }
        case 6:
            if b.matches("format") { return .format }
        case 7:
            if b.matches("$schema") { return .schema }
            if b.matches("$anchor") { return .anchor }
            if b.matches("maximum") { return .maximum }
            if b.matches("minimum") { return .minimum }
            if b.matches("pattern") { return .pattern }
            if b.matches("default") { return .default }
        case 8:
            if b.matches("$comment") { return .comment }
            if b.matches("minItems") { return .minItems }
            if b.matches("maxItems") { return .maxItems }
            if b.matches("required") { return .required }
            if b.matches("contains") { return .contains }
            if b.matches("readOnly") { return .readOnly }
            if b.matches("examples") { return .examples }
        case 9:
            if b.matches("minLength") { return .minLength }
            if b.matches("maxLength") { return .maxLength }
            if b.matches("writeOnly") { return .writeOnly }
        case 10:
            if b.matches("multipleOf") { return .multipleOf }
            if b.matches("properties") { return .properties }
            if b.matches("deprecated") { return .deprecated }
        case 11:
            if b.matches("$dynamicRef") { return .dynamicRef }
            if b.matches("$vocabulary") { return .vocabulary }
            if b.matches("uniqueItems") { return .uniqueItems }
            if b.matches("prefixItems") { return .prefixItems }
            if b.matches("minContains") { return .minContains }
            if b.matches("maxContains") { return .maxContains }
            if b.matches("definitions") { return .definitions }
            if b.matches("description") { return .description }
        case 12:
            if b.matches("dependencies") { return .dependencies }
        case 13:
            if b.matches("$recursiveRef") { return .recursiveRef }
            if b.matches("maxProperties") { return .maxProperties }
            if b.matches("minProperties") { return .minProperties }
            if b.matches("propertyNames") { return .propertyNames }
            if b.matches("contentSchema") { return .contentSchema }
        case 14:
            if b.matches("$dynamicAnchor") { return .dynamicAnchor }
        case 15:
            if b.matches("additionalItems") { return .additionalItems }
            if b.matches("contentEncoding") { return .contentEncoding }
        case 16:
            if b.matches("$recursiveAnchor") { return .recursiveAnchor }
            if b.matches("exclusiveMaximum") { return .exclusiveMaximum }
            if b.matches("exclusiveMinimum") { return .exclusiveMinimum }
            if b.matches("dependentSchemas") { return .dependentSchemas }
            if b.matches("unevaluatedItems") { return .unevaluatedItems }
            if b.matches("contentMediaType") { return .contentMediaType }
        case 17:
            if b.matches("patternProperties") { return .patternProperties }
            if b.matches("dependentRequired") { return .dependentRequired }
        case 20:
            if b.matches("additionalProperties") { return .additionalProperties }
        case 21:
            if b.matches("unevaluatedProperties") { return .unevaluatedProperties }
        default: break
        }
        return .other
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are `word`'s (the caller knows the lengths are equal).
    fileprivate func matches(_ word: StaticString) -> Bool {
        self[0] == word.utf8Start[0] && memcmp(baseAddress!, word.utf8Start, count) == 0
    }
}

/// The values of one schema object's keywords, found in one pass over its members.
struct KeywordValues {
    private let members: [(key: String, value: JSON)]
    /// By ``Keyword``: the position of its member, one byte each (so the table, which the compiler's reader carries
    /// and copies, stays small); ``farther`` for a member past the 254th, found by its key when asked for.
    private var positions = InlineArray<64, UInt8>(repeating: Self.farther)
    private static let farther = UInt8.max
    /// The keywords the object has, as a ``mask(_:)``.
    private var present: UInt64 = 0

    init(_ object: JSONObject) {
        members = object.members
        members.withUnsafeBufferPointer { all in
            for i in all.indices {
                let keyword = Keyword(all[i].key)
                if keyword != .other {
                    if i < Int(Self.farther) { positions[keyword.rawValue] = UInt8(i) }
                    present |= 1 << keyword.rawValue
                }
            }
        }
    }

    /// A set of keywords, one bit each (``Keyword/other`` is the last keyword, below 64).
    static func mask(_ keywords: Keyword...) -> UInt64 {
        keywords.reduce(0) { $0 | 1 << $1.rawValue }
    }

    /// Whether the object has `keyword` (without copying its value).
    @inline(__always) func has(_ keyword: Keyword) -> Bool { present & 1 << keyword.rawValue != 0 }

    /// Whether the object has any keyword of `mask` (see ``mask(_:)``).
    @inline(__always) func hasAny(_ mask: UInt64) -> Bool { present & mask != 0 }

    /// The value of `keyword`; nil when the object does not have it. (Keys are unique, so one member at most
    /// names a keyword.)
    @inline(__always) subscript(_ keyword: Keyword) -> JSON? {
        guard has(keyword) else { return nil }
        let i = positions[keyword.rawValue]
        return i != Self.farther ? members[Int(i)].value : beyondTable(keyword)
    }

    /// The value of a keyword whose member is past the table's reach.
    private func beyondTable(_ keyword: Keyword) -> JSON? {
        members.first { Keyword($0.key) == keyword }?.value
    }
}
