import MeshModel

extension LabelSelector {
    /// Kubernetes label-selector semantics: every `matchLabels` pair and every requirement must hold;
    /// an empty selector matches everything.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for requirement in matchExpressions where !requirement.matches(labels) { return false }
        return true
    }
}

extension LabelRequirement {
    /// `In`: the key is present with one of the values; `NotIn`: absent or not one of them;
    /// `Exists` / `DoesNotExist`: presence of the key.
    public func matches(_ labels: [String: String]) -> Bool {
        switch self.operator {
        case .in:
            guard let value = labels[key] else { return false }
            return values.contains(value)
        case .notIn:
            guard let value = labels[key] else { return true }
            return !values.contains(value)
        case .exists:
            return labels[key] != nil
        case .doesNotExist:
            return labels[key] == nil
        }
    }
}

extension LabelSelector {
    /// `key=value,key2 in (a,b),!key3` in sorted order, as kubectl prints selectors; `{}` for the empty selector.
    public var text: String {
        if isEmpty { return "{}" }
        var parts = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for requirement in matchExpressions {
            switch requirement.operator {
            case .in: parts.append("\(requirement.key) in (\(requirement.values.joined(separator: ",")))")
            case .notIn: parts.append("\(requirement.key) notin (\(requirement.values.joined(separator: ",")))")
            case .exists: parts.append(requirement.key)
            case .doesNotExist: parts.append("!\(requirement.key)")
            }
        }
        return parts.joined(separator: ",")
    }
}

extension LabelSelector {
    /// The fewest labels of a pod this selector selects: `matchLabels`, the first value of each `In`, a value for
    /// each `Exists` (`NotIn` and `DoesNotExist` are satisfied by leaving the key out, unless `matchLabels` sets it).
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
