/// The flags of `helm template` (Helm 4.1), each either implemented by `meshrender template` or
/// refused with a reason: none is accepted without effect.
struct TemplateFlag {
    enum Kind: Equatable {
        /// `--flag`, `--flag=false`.
        case bool
        /// One value; the last wins.
        case string
        /// Repeatable; each value kept whole.
        case array
        /// Repeatable; each value split at commas.
        case slice
        /// A value only as `--flag=value`; alone it means `implied`.
        case optional(implied: String)
    }

    var long: String
    var short: Character?
    var kind: Kind
    /// Why meshrender refuses the flag; nil when it is implemented.
    var refusal: String?

    init(_ long: String, _ short: Character? = nil, _ kind: Kind, refused refusal: String? = nil) {
        self.long = long
        self.short = short
        self.kind = kind
        self.refusal = refusal
    }

    /// The reasons given when a flag is refused, by what it would need.
    static let repository = "meshrender renders local chart directories and packaged charts only; fetch the chart first (helm pull)"
    static let cluster = "meshrender template renders offline and never contacts a cluster"
    static let install = "it only changes what helm install does, and meshrender installs nothing"
    static let postRenderer = "meshrender runs no plugins; pipe its output into the post-renderer instead (meshrender post-render adds a mesh's policies)"

    /// Every flag, implemented ones first.
    static let all: [TemplateFlag] = [
        .init("values", "f", .slice), .init("set", nil, .array), .init("set-string", nil, .array),
        .init("set-json", nil, .array), .init("set-file", nil, .array), .init("set-literal", nil, .array),
        .init("namespace", "n", .string), .init("include-crds", nil, .bool), .init("skip-crds", nil, .bool),
        .init("skip-tests", nil, .bool), .init("no-hooks", nil, .bool), .init("is-upgrade", nil, .bool),
        .init("kube-version", nil, .string), .init("api-versions", "a", .slice), .init("show-only", "s", .array),
        .init("output-dir", nil, .string), .init("release-name", nil, .bool), .init("generate-name", "g", .bool),
        .init("name-template", nil, .string), .init("dry-run", nil, .optional(implied: "unset")),
        .init("skip-schema-validation", nil, .bool),
        .init("help", "h", .bool),
    ] + LimitFlags.names.map { TemplateFlag($0, nil, .string) } + [
        .init("post-renderer", nil, .string, refused: postRenderer),
        .init("post-renderer-args", nil, .array, refused: postRenderer),
        .init("repo", nil, .string, refused: repository), .init("version", nil, .string, refused: repository),
        .init("devel", nil, .bool, refused: repository), .init("dependency-update", nil, .bool, refused: repository),
        .init("verify", nil, .bool, refused: repository), .init("keyring", nil, .string, refused: repository),
        .init("username", nil, .string, refused: repository), .init("password", nil, .string, refused: repository),
        .init("ca-file", nil, .string, refused: repository), .init("cert-file", nil, .string, refused: repository),
        .init("key-file", nil, .string, refused: repository), .init("pass-credentials", nil, .bool, refused: repository),
        .init("insecure-skip-tls-verify", nil, .bool, refused: repository), .init("plain-http", nil, .bool, refused: repository),
        .init("content-cache", nil, .string, refused: repository), .init("registry-config", nil, .string, refused: repository),
        .init("repository-cache", nil, .string, refused: repository), .init("repository-config", nil, .string, refused: repository),
        .init("validate", nil, .bool, refused: cluster), .init("enable-dns", nil, .bool, refused: cluster),
        .init("kubeconfig", nil, .string, refused: cluster), .init("kube-context", nil, .string, refused: cluster),
        .init("kube-apiserver", nil, .string, refused: cluster), .init("kube-token", nil, .string, refused: cluster),
        .init("kube-as-user", nil, .string, refused: cluster), .init("kube-as-group", nil, .array, refused: cluster),
        .init("kube-ca-file", nil, .string, refused: cluster), .init("kube-tls-server-name", nil, .string, refused: cluster),
        .init("kube-insecure-skip-tls-verify", nil, .bool, refused: cluster), .init("burst-limit", nil, .string, refused: cluster),
        .init("qps", nil, .string, refused: cluster),
        .init("create-namespace", nil, .bool, refused: install), .init("description", nil, .string, refused: install),
        .init("labels", "l", .string, refused: install), .init("hide-notes", nil, .bool, refused: install),
        .init("render-subchart-notes", nil, .bool, refused: install), .init("replace", nil, .bool, refused: install),
        .init("disable-openapi-validation", nil, .bool, refused: install), .init("timeout", nil, .string, refused: install),
        .init("wait", nil, .optional(implied: "watcher"), refused: install), .init("wait-for-jobs", nil, .bool, refused: install),
        .init("rollback-on-failure", nil, .bool, refused: install), .init("atomic", nil, .bool, refused: install),
        .init("force-conflicts", nil, .bool, refused: install), .init("force-replace", nil, .bool, refused: install),
        .init("server-side", nil, .bool, refused: install), .init("take-ownership", nil, .bool, refused: install),
        .init("debug", nil, .bool, refused: "meshrender has no debug output; its errors name file, line and column"),
        .init("color", nil, .string, refused: "meshrender prints no colours"),
        .init("colour", nil, .string, refused: "meshrender prints no colours"),
    ]

    /// The flags by long name and by shorthand letter.
    static let byLong: [String: TemplateFlag] = Dictionary(all.map { ($0.long, $0) }, uniquingKeysWith: { a, _ in a })
    static let byShort: [Character: TemplateFlag] = Dictionary(
        all.compactMap { flag in flag.short.map { ($0, flag) } }, uniquingKeysWith: { a, _ in a })
}
