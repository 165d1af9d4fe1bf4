import TemplateEngine
import YAML

/// Errors of function bodies, in the engine's `FunctionError` shapes.
///
/// Go's `text/template` converts arguments before a call and reports a mismatch without the
/// `error calling NAME:` prefix (`FunctionError.Kind.argument`); failures inside the function
/// read `error calling NAME: message` (`.call`).
func argumentFailure(_ message: String) -> FunctionError {
    FunctionError(message, kind: .argument)
}

/// The error a function body throws for `message` (`error calling NAME: message`).
func callFailure(_ message: String) -> FunctionError {
    FunctionError(message)
}
