import TemplateEngine
import GoValues

/// The body of a template function: Go's variadic `interface{}` call over dynamic values.
typealias FunctionBody = @Sendable ([Value]) throws -> Value

/// Sprig's function library (v3) as Helm exposes it, minus the functions Helm removes
/// (`env`, `expandenv`) and the non-deterministic ones (random values, dates, UUIDs).
///
/// Semantics follow sprig exactly, including its quirks: arithmetic converts operands with
/// `cast` and returns int64, `quote` skips nil, `get` of a missing key is `""`, and typed
/// parameters refuse values of another Go type (`indent` of a float64 count fails).
public enum SprigFunctions {
    /// Every sprig function by name.
    nonisolated(unsafe) public static let table: [String: TemplateFunction] = {
        var all: [String: FunctionBody] = [:]
        for part in [
            StringFunctions.table, ListFunctions.table, DictFunctions.table, MathFunctions.table,
            EncodingFunctions.table, RegexFunctions.table, TypeFunctions.table, SemverFunctions.table,
            ExtraFunctions.table, CaseConversionFunctions.table, WordWrapFunctions.table, URLFunctions.table, BcryptFunctions.table, AESFunctions.table,
            DerivePassword.table,
        ] {
            all.merge(part) { first, _ in first }
        }
        return all.mapValues { body in body as TemplateFunction }
    }()
}
