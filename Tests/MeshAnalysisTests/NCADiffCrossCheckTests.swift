import Foundation
import MeshModel
import XCTest

@testable import MeshAnalysis

/// What `diff` reports between two releases agrees with nca, an independent NetworkPolicy analyzer, pair by pair
/// over the pods, ports included: random releases (namespaces, pods with labels and named ports, policies using the
/// whole API) and a next release derived by random edits. Both sides read the same documents: the pod list, the
/// namespace list and the policies written for nca are what `ReleaseComparison` is given, through meshrender's reader.
///
/// Per seed, nca is asked four things: `--connectivity` of each release (opened = new − old, closed = old − new per
/// pod pair, and each release's flows against ours), and `--semantic_diff NEW -b OLD` as per-pair lines (ports) and
/// in its grouped form (`src_ns: [..] src_pods: [..] dst_ns: [..] dst_pods: [..]`, pod sets as names, `*` or label
/// expressions: the set of pairs).
final class NCADiffCrossCheckTests: XCTestCase {
    /// Sixteen seeds keep the class near a minute (four nca runs a seed); `MESHRENDER_NCA_DIFF_SEEDS=FIRST-LAST`
    /// explores others.
    static var seeds: [UInt64] {
        let bounds = (ProcessInfo.processInfo.environment["MESHRENDER_NCA_DIFF_SEEDS"] ?? "").split(separator: "-").compactMap { UInt64($0) }
        return bounds.count == 2 && bounds[0] <= bounds[1] ? Array(bounds[0]...bounds[1]) : Array(1...16)
    }
    /// The namespace of objects without one (every generated object has one).
    static let defaultNamespace = "alpha"

    struct NamePair: Hashable, Comparable, CustomStringConvertible {
        var from: String
        var to: String
        var description: String { "\(from) → \(to)" }
        static func < (a: NamePair, b: NamePair) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    struct Delta: Equatable {
        var opened = PortSet.empty
        var closed = PortSet.empty
        var isEmpty: Bool { opened.isEmpty && closed.isEmpty }
    }

    func testReleaseDiffAgreesWithNCA() throws {
        let nca = try NCA.require()
        var seedsCompared = 0, pairsCompared = 0, changedPairs = 0, openedPairs = 0, closedPairs = 0
        var podRemovals = 0
        var refused: [String] = []
        var editCounts: [String: Int] = [:]
        var forms = GroupForms()
        let seeds = Self.seeds
        for seed in seeds {
            var rng = SeededGenerator(seed: seed)
            let old = RandomRelease.make(&rng).avoidingNCAGaps
            var new = old
            var edits: [String] = []
            if seed % 4 == 0 {
                new.removeLastPod()
                edits.append("removePodAndItsPolicy")
            }
            if seed % 7 == 0, new.perturb(.deleteAllPolicies, &rng) { edits.append("deleteAllPolicies") }
            // One to three edits, then more until the release changes some flow between pods (at last every policy
            // deleted or a deny-all added, one of which changes some flow).
            var comparison: ReleaseComparison
            var ours: [NamePair: Delta]
            var attempts = 0
            repeat {
                // The first edit takes each kind in turn over the seeds, so that every kind is checked.
                let kinds = RandomRelease.Edit.allCases.filter { $0 != .deleteAllPolicies }
                let edit = attempts == 0 ? kinds[Int(seed) % kinds.count]
                    : attempts < 12 ? kinds.randomElement(using: &rng)! : attempts % 2 == 0 ? .deleteAllPolicies : .addDenyAll
                if new.perturb(edit, &rng) { edits.append(edit.rawValue) }
                new = new.avoidingNCAGaps
                comparison = ReleaseComparison(
                    old: try old.objectsAsRead(), new: try new.objectsAsRead(), defaultNamespace: Self.defaultNamespace)
                ours = Self.podChanges(comparison, pods: old.pods)
                attempts += 1
            } while attempts < 16 && (edits.count < 1 + Int(seed % 3) || ours.isEmpty)
            let label = "seed \(seed) (edits: \(edits.joined(separator: ", ")))"
            XCTAssertFalse(ours.isEmpty, "\(label): no flow between pods changed")

            let answers: [Result<NCAAnswer, any Error>]
            do {
                answers = try Self.askNCA(nca, old: old, new: new)
            } catch NCA.ParseError.refused(let message) {
                refused.append("seed \(seed): \(message)")
                continue
            }
            let oldMap = try answers[0].get().map, newMap = try answers[1].get().map
            let perPair = try answers[2].get().text, grouped = try answers[3].get().text
            let context = "\(label)\n" + Self.describe(old: old, new: new)

            // Each release's flows between pods: ours against nca's connectivity.
            let ourOld = Self.podFlows(comparison, comparison.old, pods: old.pods)
            let ourNew = Self.podFlows(comparison, comparison.new, pods: new.pods)
            let theirOld = Self.byName(oldMap, old.pods), theirNew = Self.byName(newMap, new.pods)
            assertEqualMaps(ourOld, theirOld, "\(context)\nold release: ours vs nca --connectivity")
            assertEqualMaps(ourNew, theirNew, "\(context)\nnew release: ours vs nca --connectivity")

            // (1) What changed, from nca's two connectivity maps.
            var fromConnectivity: [NamePair: Delta] = [:]
            for pair in Set(theirOld.keys).union(theirNew.keys) {
                let was = theirOld[pair] ?? .empty, now = theirNew[pair] ?? .empty
                let delta = Delta(opened: now.subtracting(was), closed: was.subtracting(now))
                if !delta.isEmpty { fromConnectivity[pair] = delta }
            }
            assertEqualDeltas(ours, fromConnectivity, "\(context)\nchanges: ours vs nca --connectivity (new − old, old − new)")

            // (2) What changed, from nca's semantic diff: per pair with ports, and the grouped pairs.
            let pods = Set(old.pods.map(\.id)).union(new.pods.map(\.id))
            let diff = try Self.parsePerPairDiff(perPair, pods: pods)
            assertEqualDeltas(ours, diff, "\(context)\nchanges: ours vs nca --semantic_diff -o txt_no_fw_rules\n\(perPair)")
            let groups = try Self.parseGroupedDiff(grouped, old: old, new: new, forms: &forms)
            let ourOpened = Set(ours.filter { !$0.value.opened.isEmpty }.keys)
            let ourClosed = Set(ours.filter { !$0.value.closed.isEmpty }.keys)
            XCTAssertEqual(ourOpened.sorted(), groups.opened.sorted(), "\(context)\nopened pairs: ours vs nca --semantic_diff\n\(grouped)")
            XCTAssertEqual(ourClosed.sorted(), groups.closed.sorted(), "\(context)\nclosed pairs: ours vs nca --semantic_diff\n\(grouped)")

            seedsCompared += 1
            pairsCompared += pods.count * (pods.count - 1)
            changedPairs += ours.count
            openedPairs += ourOpened.count
            closedPairs += ourClosed.count
            if seed % 4 == 0 { podRemovals += 1 }
            for edit in edits { editCounts[edit, default: 0] += 1 }
        }
        let edits = editCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("""
            nca diff cross-check: \(seeds.count) seeds, \(seedsCompared) compared, \(refused.count) refused by nca; \
            \(pairsCompared) ordered pod pairs compared per release; \(changedPairs) changed pairs \
            (\(openedPairs) with opened ports, \(closedPairs) with closed ports); \(podRemovals) releases remove a pod; \
            grouped pod sets read: \(forms.everyPod) `*`, \(forms.names) by name, \(forms.expressions) label expressions; \
            edits: \(edits)
            """)
        for line in refused { print("  refused: \(line)") }
        XCTAssertLessThanOrEqual(refused.count * 3, seeds.count, "nca refused too many seeds:\n" + refused.joined(separator: "\n"))
    }

    // MARK: ours

    /// The changes between pods (`ns/pN[Pod]`) that `ReleaseComparison` reports.
    static func podChanges(_ comparison: ReleaseComparison, pods: [Workload]) -> [NamePair: Delta] {
        let ids = Set(pods.map(\.id))
        var result: [NamePair: Delta] = [:]
        for change in comparison.changes where ids.contains(change.from) && ids.contains(change.to) && change.from != change.to {
            result[NamePair(from: change.from, to: change.to)] = Delta(opened: change.opened, closed: change.closed)
        }
        return result
    }

    /// One release's flows between its pods, by name.
    static func podFlows(_ comparison: ReleaseComparison, _ flows: [AllowedFlow], pods: [Workload]) -> [NamePair: PortSet] {
        let ids = Set(pods.map(\.id))
        let names = comparison.inventory.endpoints.map(\.name)
        var result: [NamePair: PortSet] = [:]
        for flow in flows where ids.contains(names[flow.from]) && ids.contains(names[flow.to]) && names[flow.from] != names[flow.to] {
            let pair = NamePair(from: names[flow.from], to: names[flow.to])
            result[pair] = (result[pair] ?? .empty).union(flow.ports)
        }
        return result.filter { !$0.value.isEmpty }
    }

    // MARK: nca

    enum NCAAnswer {
        case map([NCA.Pair: PortSet])
        case text(String)
        var map: [NCA.Pair: PortSet] { if case .map(let map) = self { return map } else { return [:] } }
        var text: String { if case .text(let text) = self { return text } else { return "" } }
    }

    /// nca's connectivity of each release and its semantic diff in both forms, asked side by side; a refusal of any
    /// of them is thrown.
    static func askNCA(_ nca: NCA, old: RandomRelease, new: RandomRelease) throws -> [Result<NCAAnswer, any Error>] {
        let questions: [@Sendable () throws -> NCAAnswer] = [
            { .map(try nca.connectivity(policies: old.policies, inventory: old.podInventory)) },
            { .map(try nca.connectivity(policies: new.policies, inventory: new.podInventory)) },
            { .text(try nca.semanticDiff(old: old.policies, oldPods: old.podInventory, new: new.policies, newPods: new.podInventory, format: "txt_no_fw_rules")) },
            { .text(try nca.semanticDiff(old: old.policies, oldPods: old.podInventory, new: new.policies, newPods: new.podInventory, format: "txt")) },
        ]
        let answers = Answers(count: questions.count)
        DispatchQueue.concurrentPerform(iterations: questions.count) { index in
            answers.set(index, Result { try questions[index]() })
        }
        let results = answers.all
        for result in results {
            if case .failure(let error) = result, case NCA.ParseError.refused = error { throw error }
        }
        return results
    }

    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<NCAAnswer, any Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result<NCAAnswer, any Error>) { lock.withLock { results[index] = result } }
        var all: [Result<NCAAnswer, any Error>] { lock.withLock { results.map { $0! } } }
    }

    /// nca's map (pod `p<i>` is endpoint `i`) by pod id.
    static func byName(_ map: [NCA.Pair: PortSet], _ pods: [Workload]) -> [NamePair: PortSet] {
        var result: [NamePair: PortSet] = [:]
        for (pair, ports) in map where pair.from < pods.count && pair.to < pods.count && pair.from != pair.to && !ports.isEmpty {
            result[NamePair(from: pods[pair.from].id, to: pods[pair.to].id)] = ports
        }
        return result
    }

    /// Whether a heading of the semantic diff lists connections the new release adds (`Added …`, `New …`) or ones it
    /// takes away (`Removed …`, `Lost …`); `nil` for other lines.
    static func direction(ofHeading line: Substring) -> Bool? {
        guard line.contains("connections") else { return nil }
        if line.hasPrefix("Added") || line.hasPrefix("New") { return true }
        if line.hasPrefix("Removed") || line.hasPrefix("Lost") { return false }
        return nil
    }

    /// `ns/pN[Pod] => ns/pM[Pod] : connection` lines under their headings; lines with an address are not pod pairs.
    static func parsePerPairDiff(_ text: String, pods: Set<String>) throws -> [NamePair: Delta] {
        var result: [NamePair: Delta] = [:]
        var opened: Bool?
        for line in text.split(separator: "\n") {
            if let heading = direction(ofHeading: line) { opened = heading; continue }
            guard line.contains(" => ") else { continue }
            let arrow = line.components(separatedBy: " => ")
            let rest = arrow.count == 2 ? arrow[1].components(separatedBy: " : ") : []
            guard rest.count == 2, let opened else { throw NCA.ParseError.unexpected(String(line)) }
            guard pods.contains(arrow[0]), pods.contains(rest[0]) else { continue }
            let ports = try connection(rest[1])
            let pair = NamePair(from: arrow[0], to: rest[0])
            var delta = result[pair] ?? Delta()
            if opened { delta.opened = delta.opened.union(ports) } else { delta.closed = delta.closed.union(ports) }
            result[pair] = delta
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// A connection as nca writes it, also `All but {…}`; protocols other than TCP, UDP and SCTP are left out.
    static func connection(_ text: String) throws -> PortSet {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "All connections" { return .all }
        if trimmed.hasPrefix("All but ") { return PortSet.all.subtracting(try connection(String(trimmed.dropFirst("All but ".count)))) }
        let known = trimmed.split(separator: "}").map { group -> String in
            guard let start = group.range(of: "protocols:")?.upperBound else { return String(group) }
            let rest = group[start...]
            let end = rest.range(of: ",dst_ports:")?.lowerBound ?? rest.endIndex
            let protocols = rest[..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { TransportProtocol(rawValue: $0) != nil }
            return protocols.isEmpty ? "" : String(group[..<start]) + protocols.joined(separator: ",") + String(rest[end...])
        }
        return try NCA.connection(known.filter { !$0.isEmpty }.map { $0 + "}" }.joined())
    }

    /// The pairs the grouped semantic diff lists as added and as removed. `src_pods`/`dst_pods` hold `*` (every pod
    /// of the listed namespaces), a pod name, or a label expression over the pods of those namespaces, in the
    /// release the heading names as topology.
    static func parseGroupedDiff(
        _ text: String, old: RandomRelease, new: RandomRelease, forms: inout GroupForms
    ) throws -> (opened: Set<NamePair>, closed: Set<NamePair>) {
        var opened: Set<NamePair> = [], closed: Set<NamePair> = []
        var heading: Bool?
        var topology = new
        for line in text.split(separator: "\n") {
            if let direction = direction(ofHeading: line) {
                heading = direction
                topology = line.contains("new-policies") ? new : old
                continue
            }
            guard line.hasPrefix("src_ns: [") else { continue }
            guard let heading else { throw NCA.ParseError.unexpected(String(line)) }
            // A line with an address (`src: 0.0.0.0/0 …` or `… dst: 10.0.0.0/8 …`) is not between pods.
            guard line.contains(" dst_ns: [") else { continue }
            let sources = try pods(field: "src", in: line, of: topology, forms: &forms)
            let destinations = try pods(field: "dst", in: line, of: topology, forms: &forms)
            for s in sources {
                for d in destinations where s != d {
                    if heading { opened.insert(NamePair(from: s, to: d)) } else { closed.insert(NamePair(from: s, to: d)) }
                }
            }
        }
        return (opened, closed)
    }

    /// The pod ids `src_ns: [..] src_pods: [..]` (or `dst_…`) stand for: `*`, pod names, or a label expression.
    static func pods(field: String, in line: Substring, of release: RandomRelease, forms: inout GroupForms) throws -> [String] {
        func bracket(after marker: String) throws -> String {
            guard let start = line.range(of: marker)?.upperBound else { throw NCA.ParseError.unexpected(String(line)) }
            // Label expressions hold parentheses and braces, never brackets.
            guard let end = line[start...].firstIndex(of: "]") else { throw NCA.ParseError.unexpected(String(line)) }
            return String(line[start..<end])
        }
        let namespaces = Set(try bracket(after: "\(field)_ns: [").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let selection = try bracket(after: "\(field)_pods: [")
        let candidates = release.pods.filter { namespaces.contains($0.namespace) }
        if selection == "*" {
            forms.everyPod += 1
            return candidates.map(\.id)
        }
        // Pod names, `p0, p2` (label expressions separate their values by a bare comma).
        let names = selection.components(separatedBy: ", ")
        if names.allSatisfy({ name in candidates.contains { $0.name == name } }) {
            forms.names += 1
            return candidates.filter { names.contains($0.name) }.map(\.id)
        }
        forms.expressions += 1
        var result: [String] = []
        for pod in candidates where try LabelExpression.matches(selection, pod.podLabels) { result.append(pod.id) }
        return result
    }

    /// How the grouped semantic diff wrote the pod sets it was read for.
    struct GroupForms {
        var everyPod = 0, names = 0, expressions = 0
    }

    // MARK: reporting

    func assertEqualMaps(_ ours: [NamePair: PortSet], _ theirs: [NamePair: PortSet], _ label: String, line: UInt = #line) {
        var mismatches: [String] = []
        for pair in Set(ours.keys).union(theirs.keys).sorted() where ours[pair] ?? .empty != theirs[pair] ?? .empty {
            mismatches.append("  \(pair): ours \(ours[pair] ?? .empty), nca \(theirs[pair] ?? .empty)")
        }
        XCTAssertTrue(mismatches.isEmpty, "\(label):\n" + mismatches.joined(separator: "\n"), line: line)
    }

    func assertEqualDeltas(_ ours: [NamePair: Delta], _ theirs: [NamePair: Delta], _ label: String, line: UInt = #line) {
        var mismatches: [String] = []
        for pair in Set(ours.keys).union(theirs.keys).sorted() where ours[pair] ?? Delta() != theirs[pair] ?? Delta() {
            let mine = ours[pair] ?? Delta(), other = theirs[pair] ?? Delta()
            mismatches.append("  \(pair): ours opened \(mine.opened) closed \(mine.closed); nca opened \(other.opened) closed \(other.closed)")
        }
        XCTAssertTrue(mismatches.isEmpty, "\(label):\n" + mismatches.joined(separator: "\n"), line: line)
    }

    /// Both releases as nca reads them, to reproduce a disagreement.
    static func describe(old: RandomRelease, new: RandomRelease) -> String {
        func text(_ release: RandomRelease) -> String {
            let pods = release.pods.map { pod in
                "  \(pod.id) labels \(NCA.map(pod.podLabels)) ports "
                    + NCA.map(pod.namedPorts.mapValues { "\($0.number)/\($0.proto.rawValue)" })
            }
            let namespaces = release.namespaces.sorted { $0.key < $1.key }.map { "  namespace \($0.key) \(NCA.map($0.value))" }
            return (namespaces + pods + release.policies.map { "  " + NCA.json($0) }).joined(separator: "\n")
        }
        return "old release:\n\(text(old))\nnew release:\n\(text(new))"
    }
}

/// nca's label expressions of grouped pods: `app=web`, `app!=web`, `app in (api,web)`, `app not in (api,web)`,
/// `has(app)`, `!has(app)`, joined by ` and `, alternatives as `{… or …}`, parts in parentheses.
enum LabelExpression {
    static func matches(_ text: String, _ labels: [String: String]) throws -> Bool {
        var expression = text.trimmingCharacters(in: .whitespaces)
        if let parts = split(expression, by: " and "), parts.count > 1 {
            return try parts.allSatisfy { try matches($0, labels) }
        }
        if let parts = split(expression, by: " or "), parts.count > 1 {
            return try parts.contains { try matches($0, labels) }
        }
        if (expression.hasPrefix("{") && expression.hasSuffix("}")) || (expression.hasPrefix("(") && expression.hasSuffix(")")) {
            expression = String(expression.dropFirst().dropLast())
            return try matches(expression, labels)
        }
        if expression.hasPrefix("!has(") && expression.hasSuffix(")") {
            return labels[String(expression.dropFirst(5).dropLast())] == nil
        }
        if expression.hasPrefix("has(") && expression.hasSuffix(")") {
            return labels[String(expression.dropFirst(4).dropLast())] != nil
        }
        for (op, negated) in [(" not in (", true), (" in (", false)] {
            if let range = expression.range(of: op), expression.hasSuffix(")") {
                let key = String(expression[..<range.lowerBound])
                let values = expression[range.upperBound...].dropLast().split(separator: ",").map(String.init)
                let member = labels[key].map(values.contains) ?? false
                return negated ? !member : member
            }
        }
        if let range = expression.range(of: "!=") {
            return labels[String(expression[..<range.lowerBound])] != String(expression[range.upperBound...])
        }
        if let range = expression.range(of: "=") {
            return labels[String(expression[..<range.lowerBound])] == String(expression[range.upperBound...])
        }
        throw NCA.ParseError.unexpected(text)
    }

    /// `text` split at `separator` outside parentheses and braces; `nil` when it is not balanced.
    static func split(_ text: String, by separator: String) -> [String]? {
        var parts: [String] = [], depth = 0, current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == "{" { depth += 1 }
            if character == ")" || character == "}" { depth -= 1 }
            if depth < 0 { return nil }
            if depth == 0, text[index...].hasPrefix(separator) {
                parts.append(current)
                current = ""
                index = text.index(index, offsetBy: separator.count)
                continue
            }
            current.append(character)
            index = text.index(after: index)
        }
        parts.append(current)
        return depth == 0 ? parts : nil
    }
}
