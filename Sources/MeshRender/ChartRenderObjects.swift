import YAMLCore

/// The release a chart is rendered for (`.Release`), and the cluster it pretends to target
/// (`.Capabilities`), with `helm template`'s offline defaults.
public struct ReleaseOptions: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var revision: Int
    public var isUpgrade: Bool
    /// `--kube-version` (`v1.35.0` by default, Helm 4.1's built-in client version).
    public var kubeVersion: String
    /// `--api-versions`: extra entries for `.Capabilities.APIVersions`.
    public var extraAPIVersions: [String]

    public init(
        name: String, namespace: String = "default", revision: Int = 1, isUpgrade: Bool = false,
        kubeVersion: String = "v1.35.0", extraAPIVersions: [String] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isUpgrade = isUpgrade
        self.kubeVersion = kubeVersion
        self.extraAPIVersions = extraAPIVersions
    }
}

/// The top-level objects templates see.
enum ChartRenderObjects {
    /// `.Release`
    static func release(_ r: ReleaseOptions) -> Value {
        .map([
            "Name": .string(r.name),
            "Namespace": .string(r.namespace),
            "IsUpgrade": .bool(r.isUpgrade),
            "IsInstall": .bool(!r.isUpgrade),
            "Revision": .int(Int64(r.revision)),
            "Service": .string("Helm"),
        ])
    }

    /// `.Capabilities`: `KubeVersion {Version Major Minor GitVersion}`, `APIVersions` (Helm's
    /// default set plus the extra ones) and `HelmVersion`.
    static func capabilities(_ r: ReleaseOptions) -> Value {
        var version = r.kubeVersion.hasPrefix("v") ? r.kubeVersion : "v" + r.kubeVersion
        let numbers = version.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        let major = numbers.first.map(String.init) ?? "0"
        let minor = numbers.count > 1 ? String(numbers[1]) : "0"
        if numbers.count == 2 { version += ".0" }
        return .map([
            "KubeVersion": .map([
                "Version": .string(version),
                "Major": .string(major),
                "Minor": .string(minor),
                "GitVersion": .string(version),
            ]),
            "APIVersions": .list((defaultAPIVersions + r.extraAPIVersions).map(Value.string)),
            "HelmVersion": .map([
                "Version": .string("v4.1.4"),
                "GitCommit": .string("05fa37973dc9e42b76e1d2883494c87174b6074f"),
                "GitTreeState": .string("clean"),
                "GoVersion": .string("go1.25.9"),
                "KubeClientVersion": .string("v1.35"),
            ]),
        ])
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
