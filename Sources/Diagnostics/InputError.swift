/// A problem with user input, located by source mark and values path.
///
/// Prints as one line: `values/prod.yaml:14:9: mesh.connectivity.lb-gateway[1]: unknown component "discover"`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the offending node was written; `nil` when it was not written anywhere (a missing key of a built-in default).
    public var mark: Mark?
    /// Dotted values path (`mesh.components.agent.ports[0].port`); empty when not applicable.
    public var path: String
    public var message: String

    public init(_ message: String, at mark: Mark?, path: String = "") {
        self.message = message
        self.mark = mark
        self.path = path
    }

    public var description: String {
        var out = ""
        if let mark { out += "\(mark): " }
        if !path.isEmpty { out += "\(path): " }
        out += message
        return out
    }
}
