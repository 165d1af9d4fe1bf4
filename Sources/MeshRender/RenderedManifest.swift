/// One document of `helm template` output.
public struct RenderedManifest: Sendable, Equatable {
    /// The template it came from (`<chart>/templates/x.yaml`): its `# Source:`.
    public var source: String
    /// The document text, trimmed of surrounding whitespace: a slice of its template's output
    /// (the documents of one template share that storage instead of each holding a copy).
    public var textSlice: Substring
    /// `kind:` of the document (`""` when absent).
    public var kind: String
    /// Whether the document is a Helm hook (`helm.sh/hook` annotation); hooks print last.
    public var isHook: Bool

    /// The document text as a string of its own.
    public var text: String { String(textSlice) }

    public init(source: String, text: String, kind: String, isHook: Bool) {
        self.init(source: source, textSlice: text[...], kind: kind, isHook: isHook)
    }

    public init(source: String, textSlice: Substring, kind: String, isHook: Bool) {
        self.source = source
        self.textSlice = textSlice
        self.kind = kind
        self.isHook = isHook
    }
}
