import MeshModel

extension ManifestObjects {
    /// The workloads of the manifests with their pods' labels: what a mesh's components may name
    /// (`mesh.components.X.workload`).
    public var workloadDirectory: WorkloadDirectory {
        WorkloadDirectory(workloads.map {
            WorkloadDirectory.Entry(kind: $0.kind, name: $0.name, namespace: $0.namespace, podLabels: $0.podLabels)
        })
    }
}
