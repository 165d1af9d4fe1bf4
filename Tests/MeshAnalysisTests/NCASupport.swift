import Foundation
import MeshModel
import XCTest

@testable import MeshAnalysis
import TestSupport

/// Runs the independent analyzer nca on policies + a pod list + a namespace list written for an inventory, and reads
/// its connectivity back per ordered pair of inventory endpoints.
struct NCA {
    let executable: String

    /// nca (`ReferenceTool.nca`); skips the test when it is missing.
    static func require() throws -> NCA { NCA(executable: try ReferenceTool.nca.require()) }

    /// The pod name written for an inventory endpoint.
    static func podName(_ index: Int) -> String { "p\(index)" }

    /// nca's connectivity over the inventory: (source index, destination index) -> ports, for every pair it allows.
    func connectivity(policies: [NetworkPolicy], inventory: Inventory) throws -> [Pair: PortSet] {
        try Self.inScratchDirectory { directory in
            let files = try Self.write(policies: policies, inventory: inventory, in: directory, prefix: "")
            let text = try run(["--connectivity"] + files.arguments + ["-o", "txt_no_fw_rules"])
            return try Self.parse(text, inventory: inventory)
        }
    }

    /// nca's semantic diff of two releases, each with its own pods (written as for `connectivity`):
    /// `--semantic_diff NEW -b OLD`, standard output in `format` (`txt`, `txt_no_fw_rules`, ...).
    func semanticDiff(
        old: [NetworkPolicy], oldPods: Inventory, new: [NetworkPolicy], newPods: Inventory, format: String
    ) throws -> String {
        try Self.inScratchDirectory { directory in
            let before = try Self.write(policies: old, inventory: oldPods, in: directory, prefix: "old-")
            let after = try Self.write(policies: new, inventory: newPods, in: directory, prefix: "new-")
            return try run([
                "--semantic_diff", after.policies, "-b", before.policies, "--pod_list", after.pods, "--ns_list", after.namespaces,
                "-pb", before.pods, "-nb", before.namespaces, "-o", format,
            ])
        }
    }

    /// Runs `body` with a fresh temporary directory, removed afterwards.
    static func inScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshanalysis-nca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// Writes the policies, the inventory's pods and their namespaces as nca reads them.
    static func write(
        policies: [NetworkPolicy], inventory: Inventory, in directory: URL, prefix: String
    ) throws -> (policies: String, pods: String, namespaces: String, arguments: [String]) {
        let policyFile = directory.appendingPathComponent(prefix + "policies.yaml")
        let podFile = directory.appendingPathComponent(prefix + "pods.json")
        let namespaceFile = directory.appendingPathComponent(prefix + "namespaces.json")
        // nca needs at least one policy document; an empty list is written as a policy selecting nothing.
        let documents = policies.isEmpty ? [placeholderPolicy] : policies.map(json)
        try documents.joined(separator: "\n---\n").write(to: policyFile, atomically: true, encoding: .utf8)
        try podList(inventory).write(to: podFile, atomically: true, encoding: .utf8)
        try namespaceList(inventory).write(to: namespaceFile, atomically: true, encoding: .utf8)
        return (policyFile.path, podFile.path, namespaceFile.path,
                [policyFile.path, "--pod_list", podFile.path, "--ns_list", namespaceFile.path])
    }

    /// Runs nca with `arguments` and returns its standard output; a refusal (an `Error:` line) is `refused`.
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // stderr is drained on another thread so that neither pipe fills while the other is read.
        nonisolated(unsafe) var errorData = Data()
        let drain = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        drain.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !drain.isFinished { usleep(1000) }
        let text = String(decoding: data, as: UTF8.self)
        // nca reports a refusal on stderr (some versions on stdout): either way it is no answer.
        let messages = text + "\n" + String(decoding: errorData, as: UTF8.self)
        if let refusal = messages.split(separator: "\n").first(where: { $0.hasPrefix("Error:") }) {
            throw ParseError.refused(String(refusal))
        }
        return text
    }

    struct Pair: Hashable, CustomStringConvertible {
        var from: Int
        var to: Int
        var description: String { "\(from)→\(to)" }
    }

    enum ParseError: Error { case unexpected(String), refused(String) }

    /// Reads `src => dst : connection` lines.
    static func parse(_ text: String, inventory: Inventory) throws -> [Pair: PortSet] {
        var podIndex: [String: Int] = [:]
        for (index, endpoint) in inventory.endpoints.enumerated() {
            if let namespace = endpoint.namespace { podIndex["\(namespace)/\(podName(index))[Pod]"] = index }
        }
        func endpoints(_ text: String) throws -> [Int] {
            if let index = podIndex[text] { return [index] }
            var found: [Int] = []
            for range in text.split(separator: ",") {
                let bounds = range.split(separator: "-").map(String.init)
                let low: IPAddress, high: IPAddress
                if bounds.count == 2, let a = IPAddress(bounds[0]), let b = IPAddress(bounds[1]) {
                    (low, high) = (a, b)
                } else if let block = CIDR(String(range)) {
                    (low, high) = (block.first, block.last)
                } else if let single = IPAddress(String(range)) {
                    (low, high) = (single, single)
                } else {
                    throw ParseError.unexpected(text)
                }
                for (index, endpoint) in inventory.endpoints.enumerated() {
                    if case .ip(let address) = endpoint.address, !(address < low), !(high < address) { found.append(index) }
                }
            }
            return found
        }
        var result: [Pair: PortSet] = [:]
        for line in text.split(separator: "\n") where line.contains(" => ") {
            let arrow = line.split(separator: " => ", maxSplits: 1, omittingEmptySubsequences: false)
            let rest = arrow[1].split(separator: " : ", maxSplits: 1, omittingEmptySubsequences: false)
            guard arrow.count == 2, rest.count == 2 else { throw ParseError.unexpected(String(line)) }
            let ports = try connection(String(rest[1]))
            for s in try endpoints(String(arrow[0])) {
                for d in try endpoints(String(rest[0])) {
                    result[Pair(from: s, to: d), default: .empty] = result[Pair(from: s, to: d), default: .empty].union(ports)
                }
            }
        }
        return result
    }

    /// `All connections` or `{protocols:TCP,UDP,dst_ports:53,8000-8100}` (one or more groups).
    static func connection(_ text: String) throws -> PortSet {
        if text.trimmingCharacters(in: .whitespaces) == "All connections" { return .all }
        var result = PortSet.empty
        for group in text.split(separator: "}") {
            guard let open = group.firstIndex(of: "{") else { continue }
            let body = group[group.index(after: open)...]
            guard body.hasPrefix("protocols:") else { throw ParseError.unexpected(text) }
            let fields = body.dropFirst("protocols:".count)
            let parts = fields.components(separatedBy: ",dst_ports:")
            let protocols = parts[0].split(separator: ",").map {
                TransportProtocol(rawValue: $0.trimmingCharacters(in: .whitespaces))
            }
            var ranges = PortRangeSet.all
            if parts.count == 2 {
                var list: [ClosedRange<Int>] = []
                for item in parts[1].split(separator: ",") {
                    let bounds = item.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    guard let first = bounds.first else { throw ParseError.unexpected(text) }
                    list.append(first...(bounds.last ?? first))
                }
                ranges = PortRangeSet(list)
            }
            for proto in protocols {
                guard let proto else { throw ParseError.unexpected(text) }
                result = result.union(PortSet(proto, ranges))
            }
        }
        return result
    }

    // MARK: writing

    static let placeholderPolicy = json(NetworkPolicy(
        name: "placeholder", namespace: "default", podSelector: LabelSelector(matchLabels: ["nothing": "selected"]),
        policyTypes: [.ingress], ingress: nil, egress: nil))

    static func podList(_ inventory: Inventory) -> String {
        var items: [String] = []
        for (index, endpoint) in inventory.endpoints.enumerated() {
            guard case .pod(let namespace, let labels, _) = endpoint.address else { continue }
            let ports = (endpoint.namedPorts ?? [:]).sorted { $0.key < $1.key }.map {
                "{\"name\": \(s($0.key)), \"containerPort\": \($0.value.number), \"protocol\": \"\($0.value.proto.rawValue)\"}"
            }
            items.append("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": \(s(podName(index))), "namespace": \(s(namespace)), \
                "labels": \(map(labels))}, "spec": {"containers": [{"name": "main", "image": "example", "ports": [\(ports.joined(separator: ", "))]}]}, \
                "status": {"podIP": "10.244.\(index / 250).\(index % 250 + 1)", "hostIP": "10.0.0.1"}}
                """)
        }
        return "{\"apiVersion\": \"v1\", \"kind\": \"PodList\", \"items\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    }

    static func namespaceList(_ inventory: Inventory) -> String {
        var labelsByNamespace: [String: [String: String]] = [:]
        for endpoint in inventory.endpoints {
            if case .pod(let namespace, _, let labels) = endpoint.address, labelsByNamespace[namespace] == nil {
                labelsByNamespace[namespace] = labels
            }
        }
        let items = labelsByNamespace.sorted { $0.key < $1.key }.map {
            "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \(s($0.key)), \"labels\": \(map($0.value))}}"
        }
        return "{\"apiVersion\": \"v1\", \"kind\": \"NamespaceList\", \"items\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    }

    /// A NetworkPolicy as a JSON document (JSON is YAML).
    static func json(_ policy: NetworkPolicy) -> String {
        var metadata = ["\"name\": \(s(policy.name))"]
        if let namespace = policy.namespace { metadata.append("\"namespace\": \(s(namespace))") }
        if !policy.labels.isEmpty { metadata.append("\"labels\": \(map(policy.labels))") }
        var spec = ["\"podSelector\": \(selector(policy.podSelector))"]
        spec.append("\"policyTypes\": [" + policy.policyTypes.map { s($0.rawValue) }.joined(separator: ", ") + "]")
        if let ingress = policy.ingress { spec.append("\"ingress\": [" + ingress.map { rule($0, "from") }.joined(separator: ", ") + "]") }
        if let egress = policy.egress { spec.append("\"egress\": [" + egress.map { rule($0, "to") }.joined(separator: ", ") + "]") }
        return "{\"apiVersion\": \"networking.k8s.io/v1\", \"kind\": \"NetworkPolicy\", \"metadata\": {"
            + metadata.joined(separator: ", ") + "}, \"spec\": {" + spec.joined(separator: ", ") + "}}"
    }

    static func rule(_ rule: PolicyRule, _ key: String) -> String {
        var fields: [String] = []
        if let peers = rule.peers { fields.append("\"\(key)\": [" + peers.map(peer).joined(separator: ", ") + "]") }
        if let ports = rule.ports { fields.append("\"ports\": [" + ports.map(port).joined(separator: ", ") + "]") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func peer(_ peer: PolicyPeer) -> String {
        var fields: [String] = []
        if let pods = peer.podSelector { fields.append("\"podSelector\": \(selector(pods))") }
        if let namespaces = peer.namespaceSelector { fields.append("\"namespaceSelector\": \(selector(namespaces))") }
        if let block = peer.ipBlock {
            var ip = ["\"cidr\": \(s(block.cidr))"]
            if let except = block.except { ip.append("\"except\": [" + except.map(s).joined(separator: ", ") + "]") }
            fields.append("\"ipBlock\": {" + ip.joined(separator: ", ") + "}")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func port(_ port: PolicyPort) -> String {
        var fields: [String] = []
        if let proto = port.protocol { fields.append("\"protocol\": \(s(proto))") }
        switch port.port {
        case .number(let n)?: fields.append("\"port\": \(n)")
        case .name(let name)?: fields.append("\"port\": \(s(name))")
        case nil: break
        }
        if let end = port.endPort { fields.append("\"endPort\": \(end)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func selector(_ selector: LabelSelector) -> String {
        var fields: [String] = []
        if !selector.matchLabels.isEmpty { fields.append("\"matchLabels\": \(map(selector.matchLabels))") }
        if !selector.matchExpressions.isEmpty {
            fields.append("\"matchExpressions\": [" + selector.matchExpressions.map {
                "{\"key\": \(s($0.key)), \"operator\": \(s($0.operator.rawValue)), \"values\": [" + $0.values.map(s).joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func map(_ labels: [String: String]) -> String {
        "{" + labels.sorted { $0.key < $1.key }.map { "\(s($0.key)): \(s($0.value))" }.joined(separator: ", ") + "}"
    }

    static func s(_ text: String) -> String { MatrixView.jsonString(text) }
}
