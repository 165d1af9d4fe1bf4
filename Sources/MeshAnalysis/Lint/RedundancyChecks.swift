import MeshModel

/// `redundant-rule`: a rule that allows nothing another rule of the same policy and direction does not already
/// allow (of two equivalent rules, the later one is reported).
enum RedundancyChecks {
    static func findings(_ s: LintSubjects) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in s.policies {
            for direction in [PolicyType.ingress, .egress] {
                let rules = policy.rules(direction)
                for (index, rule) in rules {
                    let cover = rules.first { other in
                        other.index != index && RuleSubsumption.covers(other.rule, rule)
                            && (other.index < index || !RuleSubsumption.covers(rule, other.rule))
                    }
                    guard let cover else { continue }
                    out.append(LintFinding(
                        rule: .redundantRule,
                        message: "\(LintSubjects.ruleName(direction, index)) of \(policy.id) (\(rule.text(direction: direction))) allows nothing that \(LintSubjects.ruleName(direction, cover.index)) (\(cover.rule.text(direction: direction))) does not already allow",
                        subject: policy.id, location: s.location(policy.marks.rule(direction, index))))
                }
            }
        }
        return out
    }
}
