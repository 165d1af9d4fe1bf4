import MeshModel

/// Errors of the analysis layer (user input the analysis cannot act on).
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A name given to `explain` that no inventory endpoint has.
    case unknownEndpoint(String, known: [String])

    public var description: String {
        switch self {
        case .unknownEndpoint(let name, let known):
            return "unknown endpoint \"\(name)\"" + DidYouMean.hint(for: name, among: known) + "; known: " + known.joined(separator: ", ")
        }
    }
}
