import MeshModel

extension Inventory {
    /// The inventory implied by policies alone (no mesh given): one pod per distinct (namespace, podSelector) the
    /// policies select, named by the policy's `app.kubernetes.io/component` label or else by the selector text,
    /// with labels that satisfy the selector; plus the standard endpoints. Policies without a namespace belong to
    /// `defaultNamespace`.
    public init(policies: [NetworkPolicy], defaultNamespace: String) {
        struct Subject: Hashable {
            var namespace: String
            var selector: LabelSelector
        }
        var subjects: [Subject: String] = [:]
        var order: [Subject] = []
        for policy in policies.sorted(by: { ($0.namespace ?? defaultNamespace, $0.name) < ($1.namespace ?? defaultNamespace, $1.name) }) {
            let subject = Subject(namespace: policy.namespace ?? defaultNamespace, selector: policy.podSelector)
            guard subjects[subject] == nil else { continue }
            subjects[subject] = policy.labels[componentLabelKey] ?? policy.podSelector.text
            order.append(subject)
        }
        let namespaces = Set(order.map(\.namespace)).union(["kube-system"])
        let unrelated = Inventory.freshNamespace("unrelated", avoiding: namespaces)
        var endpoints = order.map { subject in
            InventoryEndpoint(
                name: subjects[subject] ?? subject.selector.text, role: .component(subjects[subject] ?? subject.selector.text),
                address: .pod(
                    namespace: subject.namespace, labels: subject.selector.sampleLabels(),
                    namespaceLabels: [namespaceNameLabelKey: subject.namespace]))
        }
        endpoints += Inventory.standardEndpoints(unrelatedNamespace: unrelated)
        self.init(endpoints: endpoints)
    }
}


extension LabelSelector {
    /// Labels of a pod this selector selects: `matchLabels`, the first value of each `In`, a value for each `Exists`
    /// (`NotIn` and `DoesNotExist` are satisfied by leaving the key out, unless `matchLabels` sets it).
    public func sampleLabels() -> [String: String] {
        var labels = matchLabels
        for requirement in matchExpressions where labels[requirement.key] == nil {
            switch requirement.operator {
            case .in: if let first = requirement.values.first { labels[requirement.key] = first }
            case .exists: labels[requirement.key] = "present"
            case .notIn, .doesNotExist: break
            }
        }
        return labels
    }
}
