import Diagnostics
import YAML

extension MeshLoader {
    /// `mesh.components.X.workload`: the labels of the named workload's pods, from the rendered manifests.
    /// Without manifests (a render of values alone) a workload cannot be named: the error says where one can.
    func workloadLabels(_ node: Node, namespace: String, path: String) throws(InputError) -> [String: String] {
        let reference = try NodeReader.string(node, path: path)
        if reference.isEmpty || reference.hasPrefix("/") || reference.hasSuffix("/") {
            throw InputError("invalid workload \"\(reference)\": give NAME or KIND/NAME", at: node.mark, path: path)
        }
        guard let workloads else {
            throw InputError(
                "workload \"\(reference)\" is named by the chart's rendered manifests, and there are none here: use 'meshrender post-render' (the chart's output on stdin) or --manifests",
                at: node.mark, path: path)
        }
        switch workloads.resolve(reference, namespace: namespace) {
        case .success(let entry):
            guard !entry.podLabels.isEmpty else {
                throw InputError(
                    "the pods of workload \(entry.qualifiedName) carry no labels: a policy cannot select them", at: node.mark, path: path)
            }
            return entry.podLabels
        case .failure(.ambiguous(let names)):
            throw InputError(
                "workload \"\(reference)\" names \(names.count) workloads (\(names.joined(separator: ", "))): write KIND/NAME",
                at: node.mark, path: path)
        case .failure(.missing(let suggestion, let elsewhere)):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            let other = elsewhere.isEmpty ? "" : "; there is one in namespace \(elsewhere.joined(separator: ", ")): set the component's namespace"
            throw InputError(
                "no workload \"\(reference)\" in namespace \(namespace) of the manifests\(hint)\(other)", at: node.mark, path: path)
        }
    }
}
