import GoValues

/// A template function: receives its evaluated arguments (the pipeline's value last) and returns a value.
///
/// A missing value (Go's "no value", e.g. an absent map key) arrives as `.null`.
public typealias TemplateFunction = (_ args: [Value]) throws -> Value

/// The error a ``TemplateFunction`` throws.
///
/// The executor reports it the way Go's `text/template` reports a function's error:
/// `template: NAME:LINE:COL: executing "NAME" at <fn>: error calling fn: MESSAGE`.
/// A ``Kind/argument`` error stands for Go's own argument conversion failing before the call
/// (`wrong type for value; expected int; got string`) and is printed without `error calling fn: `.
public struct FunctionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How the executor prefixes the message.
    public enum Kind: Sendable, Equatable {
        /// The function ran and failed: `error calling NAME: message`.
        case call
        /// An argument could not be converted to the parameter type the Go function declares:
        /// the message is printed as is.
        case argument
    }

    public var message: String
    public var kind: Kind
    /// For an ``Kind/argument`` error: the 0-based index of the offending argument (the pipeline's
    /// value counts as the last one). The executor then reports the error at that argument, as Go
    /// does (`at <.Values.x>: wrong type for value; expected int; got float64`); `nil` reports it at
    /// the function name (`at <indent>: wrong number of args for indent: want 2 got 1`).
    public var argumentIndex: Int?

    /// A failure of the function itself (printed as `error calling NAME: message`).
    public init(_ message: String) {
        self.message = message
        self.kind = .call
    }

    public init(_ message: String, kind: Kind, argumentIndex: Int? = nil) {
        self.message = message
        self.kind = kind
        self.argumentIndex = argumentIndex
    }

    /// Go's conversion error for an argument of the wrong type, e.g.
    /// `wrongType(expected: "int", got: "string")` → `wrong type for value; expected int; got string`.
    public static func wrongType(expected: String, got: String, argumentIndex: Int? = nil) -> FunctionError {
        FunctionError("wrong type for value; expected \(expected); got \(got)", kind: .argument, argumentIndex: argumentIndex)
    }

    /// Go's arity error: `wrong number of args for NAME: want 2 got 1` (`want at least 1` when variadic).
    public static func wrongArgumentCount(_ name: String, want: Int, got: Int, variadic: Bool = false) -> FunctionError {
        FunctionError("wrong number of args for \(name): want \(variadic ? "at least " : "")\(want) got \(got)", kind: .argument)
    }

    public var description: String { message }
}
