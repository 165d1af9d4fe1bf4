/// One failed keyword at one place of the instance, with the failures that caused it (for
/// `allOf`, `anyOf`, `$ref`, a property's subschema, ...). Its text is Helm's (the text of the
/// validator Helm 4 uses): `at '/policy': got null, want string`.
public struct SchemaViolation: Sendable, Equatable {
    /// JSON pointer tokens of the instance location (unescaped).
    public var location: [String]
    /// The keyword that failed, with what it found and wanted.
    public var kind: Kind
    /// The failures nested under this one (empty for a single keyword).
    public var causes: [SchemaViolation] = []

    /// What failed.
    public enum Kind: Sendable, Equatable {
        /// Several keywords of one schema failed (`validation failed`).
        case group
        /// A `$ref` (or `$dynamicRef`, `$recursiveRef`) target failed.
        case reference
        case falseSchema
        case type(got: String, want: [String])
        case constant(JSON)
        case enumeration([JSON])
        case format(value: JSON, format: String, reason: String)
        case minProperties(got: Int, want: Int)
        case maxProperties(got: Int, want: Int)
        case minItems(got: Int, want: Int)
        case maxItems(got: Int, want: Int)
        case additionalItems(count: Int)
        case required([String])
        case dependency(property: String, missing: [String])
        case dependentRequired(property: String, missing: [String])
        case additionalProperties([String])
        case propertyName(String)
        case uniqueItems(Int, Int)
        case contains
        case minContains(matched: [Int], want: Int)
        case maxContains(matched: [Int], want: Int)
        case minLength(got: Int, want: Int)
        case maxLength(got: Int, want: Int)
        case pattern(got: String, want: String)
        case minimum(got: JSONNumber, want: JSONNumber)
        case maximum(got: JSONNumber, want: JSONNumber)
        case exclusiveMinimum(got: JSONNumber, want: JSONNumber)
        case exclusiveMaximum(got: JSONNumber, want: JSONNumber)
        case multipleOf(got: JSONNumber, want: JSONNumber)
        case not
        case allOf
        case anyOf
        /// `oneOf`: none matched (nil), or the first two that did.
        case oneOf(matched: (Int, Int)?)
        case cycle

        /// Kinds are equal when they read the same.
        public static func == (a: Kind, b: Kind) -> Bool { a.message == b.message }
    }

    /// `at '<pointer>': <message>`.
    public var line: String {
        "at \(MessageFormat.quote(pointer)): \(kind.message)"
    }

    /// The instance location as a JSON pointer.
    public var pointer: String {
        location.map { "/" + $0.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
    }

    /// A `$ref` with exactly one cause is not shown: its cause stands in its place.
    var isPassThrough: Bool {
        if case .reference = kind { return causes.count == 1 }
        return false
    }

    /// The violations as a nested list, one per line (`- at ...`, causes indented by two spaces).
    public static func report(_ violations: [SchemaViolation]) -> String {
        var lines: [String] = []
        for v in violations { v.append(to: &lines, indent: 0) }
        return lines.joined(separator: "\n")
    }

    private func append(to lines: inout [String], indent: Int) {
        var depth = indent
        if !isPassThrough {
            lines.append(String(repeating: "  ", count: indent) + "- " + line)
            depth += 1
        }
        for cause in causes { cause.append(to: &lines, indent: depth) }
    }
}

extension SchemaViolation.Kind {
    /// The message, in the validator's English wording.
    public var message: String {
        typealias F = MessageFormat
        switch self {
        case .group, .reference: return "validation failed"
        case .falseSchema: return "false schema"
        case .type(let got, let want): return "got \(got), want \(want.joined(separator: " or "))"
        case .constant(let want):
            switch want {
            case .array, .object: return "'const' failed"
            default: return "value must be \(F.display(want))"
            }
        case .enumeration(let values):
            if values.contains(where: { if case .array = $0 { return true }; if case .object = $0 { return true }; return false }) {
                return "'enum' failed"
            }
            if values.count == 1 { return "value must be \(F.display(values[0]))" }
            return "value must be one of \(values.map(F.display).joined(separator: ", "))"
        case .format(let value, let format, let reason): return "\(F.display(value)) is not valid \(format): \(reason)"
        case .minProperties(let got, let want): return "minProperties: got \(F.integer(got)), want \(F.integer(want))"
        case .maxProperties(let got, let want): return "maxProperties: got \(F.integer(got)), want \(F.integer(want))"
        case .minItems(let got, let want): return "minItems: got \(F.integer(got)), want \(F.integer(want))"
        case .maxItems(let got, let want): return "maxItems: got \(F.integer(got)), want \(F.integer(want))"
        case .additionalItems(let count): return "last \(F.integer(count)) additionalItem(s) not allowed"
        case .required(let missing):
            return missing.count == 1 ? "missing property \(F.quote(missing[0]))" : "missing properties \(F.joinQuoted(missing))"
        case .dependency(let property, let missing), .dependentRequired(let property, let missing):
            return "properties \(F.joinQuoted(missing)) required, if \(F.quote(property)) exists"
        case .additionalProperties(let names): return "additional properties \(F.joinQuoted(names)) not allowed"
        case .propertyName(let name): return "invalid propertyName \(F.quote(name))"
        case .uniqueItems(let i, let j): return "items at \(F.integer(i)) and \(F.integer(j)) are equal"
        case .contains: return "no items match contains schema"
        case .minContains(let matched, let want):
            if matched.isEmpty { return "min \(F.integer(want)) items required to match contains schema, but none matched" }
            return "min \(F.integer(want)) items required to match contains schema, but matched \(F.integer(matched.count)) items at \(matched.map(String.init).joined(separator: " "))"
        case .maxContains(let matched, let want):
            return "max \(F.integer(want)) items required to match contains schema, but matched \(F.integer(matched.count)) items at \(matched.map(String.init).joined(separator: " "))"
        case .minLength(let got, let want): return "minLength: got \(F.integer(got)), want \(F.integer(want))"
        case .maxLength(let got, let want): return "maxLength: got \(F.integer(got)), want \(F.integer(want))"
        case .pattern(let got, let want): return "\(F.quote(got)) does not match pattern \(F.quote(want))"
        case .minimum(let got, let want): return "minimum: got \(F.float(got)), want \(F.float(want))"
        case .maximum(let got, let want): return "maximum: got \(F.float(got)), want \(F.float(want))"
        case .exclusiveMinimum(let got, let want): return "exclusiveMinimum: got \(F.float(got)), want \(F.float(want))"
        case .exclusiveMaximum(let got, let want): return "exclusiveMaximum: got \(F.float(got)), want \(F.float(want))"
        case .multipleOf(let got, let want): return "multipleOf: got \(F.float(got)), want \(F.float(want))"
        case .not: return "'not' failed"
        case .allOf: return "'allOf' failed"
        case .anyOf: return "'anyOf' failed"
        case .oneOf(let matched):
            guard let matched else { return "'oneOf' failed, none matched" }
            return "'oneOf' failed, subschemas \(F.integer(matched.0)), \(F.integer(matched.1)) matched"
        case .cycle: return "reference cycle"
        }
    }
}
