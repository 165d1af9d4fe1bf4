import Charts
import TemplateEngine
import GoValues

/// The top-level objects templates see.
enum ChartRenderObjects {
    /// `.Release`
    static func release(_ r: ReleaseInput) -> Value {
        .map([
            "Name": .string(r.name),
            "Namespace": .string(r.namespace),
            "IsUpgrade": .bool(r.isUpgrade),
            "IsInstall": .bool(!r.isUpgrade),
            "Revision": .int(Int64(r.revision)),
            "Service": .string("Helm"),
        ])
    }

    /// `.Capabilities` as templates see it: Helm's `*common.Capabilities` struct with
    /// `KubeVersion` (a `common.KubeVersion`: `Version`, `Major`, `Minor`, methods `GitVersion` and
    /// `String`, the latter printed by `{{ .Capabilities.KubeVersion }}`), `APIVersions` (Helm's
    /// default set plus the extra ones) and `HelmVersion` (a `version.BuildInfo`).
    static func capabilitiesStruct(_ r: ReleaseInput) throws(ChartRenderError) -> GoStruct {
        let kube = try KubeVersion(parsing: r.kubeVersion)
        let kubeVersion = GoStruct(
            typeName: "common.KubeVersion",
            fields: [
                .init("Version", .string(kube.version)),
                .init("normalizedVersion", .string(kube.normalized)),
                .init("Major", .string(kube.major)),
                .init("Minor", .string(kube.minor)),
            ],
            methods: ["GitVersion": .string(kube.version)],
            stringer: kube.normalized)
        let helmVersion = GoStruct(
            typeName: "version.BuildInfo",
            fields: [
                .init("Version", .string("v4.1.4"), jsonKey: "version"),
                .init("GitCommit", .string("05fa37973dc9e42b76e1d2883494c87174b6074f"), jsonKey: "git_commit"),
                .init("GitTreeState", .string("clean"), jsonKey: "git_tree_state"),
                .init("GoVersion", .string("go1.25.9"), jsonKey: "go_version"),
                .init("KubeClientVersion", .string("v1.35"), jsonKey: "kube_client_version"),
            ])
        return GoStruct(
            typeName: "*common.Capabilities", isPointer: true,
            fields: [
                .init("KubeVersion", content: .structure(kubeVersion)),
                .init("APIVersions", content: .structure(GoStruct(
                    typeName: "common.VersionSet", underlying: .list((defaultAPIVersions + r.apiVersions).map(Value.string))))),
                .init("HelmVersion", content: .structure(helmVersion)),
            ])
    }

    /// `.Capabilities` as plain data (what functions other than the printing and serialising ones
    /// see): `KubeVersion {Version Major Minor}`, `APIVersions`, `HelmVersion` under its JSON keys.
    static func capabilities(_ r: ReleaseInput) throws(ChartRenderError) -> Value {
        try capabilitiesStruct(r).jsonView
    }

    /// `--kube-version` read as Helm reads it: the text as given (`v` prefixed) is `Version`;
    /// its leading dotted numbers (two at least) are the normalized version that `String()`
    /// prints and the chart's `kubeVersion:` constraint is checked against.
    struct KubeVersion: Equatable {
        let version: String
        let normalized: String
        let major: String
        let minor: String

        /// `text` parsed; Helm's flag error (`invalid kube version 'x': ...`) when it is no version.
        init(parsing text: String) throws(ChartRenderError) {
            let components: [UInt64]
            switch Self.components(text) {
            case .success(let c): components = c
            case .failure(let reason): throw ChartRenderError(.values, "invalid kube version '\(text)': \(reason.message)")
            }
            version = text.hasPrefix("v") ? text : "v" + text
            normalized = "v" + components.map { String($0) }.joined(separator: ".")
            major = String(components[0])
            minor = String(components[1])
        }

        struct Reason: Error { let message: String }

        /// Kubernetes' generic version syntax: optional blanks and `v`, then numbers joined by
        /// dots (two at least; the first without a leading zero), then anything.
        static func components(_ text: String) -> Result<[UInt64], Reason> {
            var rest = Substring(text)
            while let c = rest.first, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" {
                rest = rest.dropFirst()
            }
            if rest.first == "v" { rest = rest.dropFirst() }
            var parts: [Substring] = []
            while let first = rest.first, first.isASCII, first.isNumber {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                parts.append(digits)
                rest = rest.dropFirst(digits.count)
                guard rest.first == ".", let next = rest.dropFirst().first, next.isASCII, next.isNumber else { break }
                rest = rest.dropFirst()
            }
            if parts.isEmpty { return .failure(Reason(message: "could not parse \(GoQuote.quote(text)) as version")) }
            if parts.count < 2 { return .failure(Reason(message: "illegal version string \(GoQuote.quote(text))")) }
            var numbers: [UInt64] = []
            for (i, part) in parts.enumerated() {
                if i == 0, part.hasPrefix("0"), part != "0" {
                    return .failure(Reason(message: "illegal zero-prefixed version component \(GoQuote.quote(String(part))) in \(GoQuote.quote(text))"))
                }
                guard let n = UInt64(part) else {
                    return .failure(Reason(message:
                        "illegal non-numeric version component \(GoQuote.quote(String(part))) in \(GoQuote.quote(text)): "
                            + "strconv.ParseUint: parsing \(GoQuote.quote(String(part))): value out of range"))
                }
                numbers.append(n)
            }
            return .success(numbers)
        }
    }

    /// The API group versions `helm template` assumes offline (Helm 4.1.4).
    static let defaultAPIVersions: [String] = """
        v1 admissionregistration.k8s.io/v1 admissionregistration.k8s.io/v1alpha1 admissionregistration.k8s.io/v1beta1 \
        internal.apiserver.k8s.io/v1alpha1 apps/v1 apps/v1beta1 apps/v1beta2 authentication.k8s.io/v1 \
        authentication.k8s.io/v1alpha1 authentication.k8s.io/v1beta1 authorization.k8s.io/v1 \
        authorization.k8s.io/v1beta1 autoscaling/v1 autoscaling/v2 autoscaling/v2beta1 autoscaling/v2beta2 batch/v1 \
        batch/v1beta1 certificates.k8s.io/v1 certificates.k8s.io/v1beta1 certificates.k8s.io/v1alpha1 \
        coordination.k8s.io/v1alpha2 coordination.k8s.io/v1beta1 coordination.k8s.io/v1 discovery.k8s.io/v1 \
        discovery.k8s.io/v1beta1 events.k8s.io/v1 events.k8s.io/v1beta1 extensions/v1beta1 \
        flowcontrol.apiserver.k8s.io/v1 flowcontrol.apiserver.k8s.io/v1beta1 flowcontrol.apiserver.k8s.io/v1beta2 \
        flowcontrol.apiserver.k8s.io/v1beta3 networking.k8s.io/v1 networking.k8s.io/v1beta1 node.k8s.io/v1 \
        node.k8s.io/v1alpha1 node.k8s.io/v1beta1 policy/v1 policy/v1beta1 rbac.authorization.k8s.io/v1 \
        rbac.authorization.k8s.io/v1beta1 rbac.authorization.k8s.io/v1alpha1 resource.k8s.io/v1 \
        resource.k8s.io/v1beta2 resource.k8s.io/v1beta1 resource.k8s.io/v1alpha3 scheduling.k8s.io/v1alpha1 \
        scheduling.k8s.io/v1beta1 scheduling.k8s.io/v1 storage.k8s.io/v1beta1 storage.k8s.io/v1 \
        storage.k8s.io/v1alpha1 storagemigration.k8s.io/v1beta1 apiextensions.k8s.io/v1beta1 apiextensions.k8s.io/v1
        """.split(separator: " ").map(String.init)
}
