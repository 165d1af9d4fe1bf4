import Foundation
import MeshModel
import YAML

@testable import MeshAnalysis

/// The conformance cluster and its scenarios, read from the YAML files in `Conformance/` (the files' header comments
/// describe the format).
///
/// The cluster: namespaces x, y, z labelled `ns: <name>` and `kubernetes.io/metadata.name: <name>`; pods a, b, c in
/// each, labelled `pod: <name>`; every pod serving 80 and 81 over TCP, UDP and SCTP with container ports named
/// `serve-<port>-<protocol>`.
enum Conformance {
    static let namespaces = ["x", "y", "z"]
    static let podNames = ["a", "b", "c"]
    /// `x/a`, `x/b`, … `z/c`: the table order (rows and columns).
    static let pods = namespaces.flatMap { namespace in podNames.map { "\(namespace)/\($0)" } }
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    /// The container ports every pod declares.
    static let servedPorts: [String: NamedPortBinding] = {
        var ports: [String: NamedPortBinding] = [:]
        for number in [80, 81] {
            for proto in TransportProtocol.allCases {
                ports["serve-\(number)-\(proto.rawValue.lowercased())"] = NamedPortBinding(proto: proto, number: number)
            }
        }
        return ports
    }()

    /// One protocol and port the truth table is about, as `TCP/80`.
    struct Probe: Sendable {
        var proto: TransportProtocol
        var port: Int
        /// `allowed[source][destination]`, in `pods` order; `nil` on the diagonal (loopback is not judged).
        var allowed: [[Bool?]]

        var label: String { "\(proto.rawValue)/\(port)" }
    }

    /// The exact ports an endpoint may open towards another, as `PortSet.description` writes them.
    struct Flow: Sendable {
        var from: String
        var to: String
        var ports: String
    }

    struct Step: Sendable {
        var policies: [NetworkPolicy] = []
        var namespaceLabels: [String: [String: String]] = [:]
        var podLabels: [String: [String: String]] = [:]
        var namedPorts: [String: [String: NamedPortBinding]] = [:]
        var addresses: [(name: String, address: IPAddress)] = []
        var probes: [Probe] = []
        var flows: [Flow] = []

        /// The nine pods (in table order, so pod `i` is endpoint `i`), then the step's addresses.
        var inventory: Inventory {
            var endpoints: [InventoryEndpoint] = []
            for pod in Conformance.pods {
                let parts = pod.split(separator: "/").map(String.init)
                let (namespace, name) = (parts[0], parts[1])
                let namespaceLabels = ["ns": namespace, namespaceNameLabelKey: namespace]
                    .merging(self.namespaceLabels[namespace] ?? [:]) { _, added in added }
                let labels = ["pod": name].merging(podLabels[pod] ?? [:]) { _, added in added }
                endpoints.append(InventoryEndpoint(
                    name: pod, role: .component(pod),
                    address: .pod(namespace: namespace, labels: labels, namespaceLabels: namespaceLabels),
                    namedPorts: namedPorts[pod] ?? Conformance.servedPorts))
            }
            for (name, address) in addresses {
                endpoints.append(InventoryEndpoint(name: name, role: .outsideWorld, address: .ip(address)))
            }
            return Inventory(endpoints: endpoints)
        }
    }

    struct Scenario: Sendable {
        var name: String
        var file: String
        /// Which e2e case it follows, in a few words.
        var after: String
        /// Where it departs from the e2e case.
        var note: String?
        /// Why nca cannot check the scenario, if it cannot.
        var ncaLimit: String?
        var steps: [Step]
    }

    struct DataError: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: loading

    static func load(_ file: String) throws -> [Scenario] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let root = try YAMLParser().parse(text, file: file)
        guard let items = root.sequence else { throw DataError(description: "\(file): a list of scenarios expected") }
        var scenarios: [Scenario] = []
        for (index, item) in items.enumerated() {
            let path = "\(file)[\(index)]"
            guard let name = item["name"]?.string, let after = item["after"]?.string else {
                throw DataError(description: "\(path): name and after are required")
            }
            let stepNodes = item["steps"]?.sequence ?? [item]
            var steps: [Step] = []
            for (number, node) in stepNodes.enumerated() {
                steps.append(try step(node, path: item["steps"] == nil ? path : "\(path).steps[\(number)]"))
            }
            scenarios.append(Scenario(
                name: name, file: file, after: after, note: item["note"]?.string,
                ncaLimit: item["nca"]?.string, steps: steps))
        }
        return scenarios
    }

    static func loadAll() throws -> [Scenario] {
        try load("e2e.yaml") + load("extra.yaml")
    }

    static func step(_ node: Node, path: String) throws -> Step {
        var step = Step()
        for (index, policyNode) in (node["policies"]?.sequence ?? []).enumerated() {
            guard var mapping = policyNode.mapping else { throw DataError(description: "\(path).policies[\(index)]: a map expected") }
            if mapping["apiVersion"] == nil { mapping["apiVersion"] = Node(.string("networking.k8s.io/v1")) }
            if mapping["kind"] == nil { mapping["kind"] = Node(.string("NetworkPolicy")) }
            step.policies.append(try NetworkPolicy.parse(Node(.mapping(mapping), mark: policyNode.mark), path: "\(path).policies[\(index)]"))
        }
        step.namespaceLabels = try labelsByKey(node["namespaceLabels"], path: "\(path).namespaceLabels")
        step.podLabels = try labelsByKey(node["podLabels"], path: "\(path).podLabels")
        for (pod, ports) in try labelsByKey(node["namedPorts"], path: "\(path).namedPorts") {
            var bindings: [String: NamedPortBinding] = [:]
            for (name, text) in ports {
                let parts = text.split(separator: "/").map(String.init)
                guard parts.count == 2, let proto = TransportProtocol(rawValue: parts[0]), let number = Int(parts[1]) else {
                    throw DataError(description: "\(path).namedPorts.\(pod).\(name): PROTOCOL/NUMBER expected, not \(text)")
                }
                bindings[name] = NamedPortBinding(proto: proto, number: number)
            }
            step.namedPorts[pod] = bindings
        }
        for (name, text) in node["addresses"]?.mapping?.entries ?? [:] {
            guard let address = text.string.flatMap(IPAddress.init) else {
                throw DataError(description: "\(path).addresses.\(name): an IP address expected")
            }
            step.addresses.append((name, address))
        }
        for (index, probeNode) in (node["probes"]?.sequence ?? []).enumerated() {
            step.probes.append(try probe(probeNode, path: "\(path).probes[\(index)]"))
        }
        for (index, flowNode) in (node["flows"]?.sequence ?? []).enumerated() {
            guard let from = flowNode["from"]?.string, let to = flowNode["to"]?.string, let ports = flowNode["ports"]?.string else {
                throw DataError(description: "\(path).flows[\(index)]: from, to and ports expected")
            }
            step.flows.append(Flow(from: from, to: to, ports: ports))
        }
        return step
    }

    /// `{key: {label: value}}`; every value read as a string.
    static func labelsByKey(_ node: Node?, path: String) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (key, inner) in node?.mapping?.entries ?? [:] {
            guard let entries = inner.mapping?.entries else { throw DataError(description: "\(path).\(key): a map expected") }
            var labels: [String: String] = [:]
            for (label, value) in entries {
                guard let text = value.string else { throw DataError(description: "\(path).\(key).\(label): a string expected") }
                labels[label] = text
            }
            result[key] = labels
        }
        return result
    }

    static func probe(_ node: Node, path: String) throws -> Probe {
        let parts = (node["probe"]?.string ?? "").split(separator: "/").map(String.init)
        guard parts.count == 2, let proto = TransportProtocol(rawValue: parts[0]), let port = Int(parts[1]) else {
            throw DataError(description: "\(path).probe: PROTOCOL/PORT expected")
        }
        guard let rows = node["table"]?.mapping, Set(rows.keys) == Set(pods) else {
            throw DataError(description: "\(path).table: one row for each of \(pods.joined(separator: " "))")
        }
        var allowed: [[Bool?]] = []
        for (s, source) in pods.enumerated() {
            let cells = (rows[source]?.string ?? "").filter { $0 != " " && $0 != "|" }
            guard cells.count == pods.count else { throw DataError(description: "\(path).table.\(source): \(pods.count) cells expected") }
            var row: [Bool?] = []
            for (d, cell) in cells.enumerated() {
                switch (cell, s == d) {
                case (".", true): row.append(nil)
                case ("+", false): row.append(true)
                case ("-", false): row.append(false)
                default: throw DataError(description: "\(path).table.\(source): cell \(d + 1) is \"\(cell)\"; + or - off the diagonal, . on it")
                }
            }
            allowed.append(row)
        }
        return Probe(proto: proto, port: port, allowed: allowed)
    }

    // MARK: checking

    /// What one scenario's check counted and found wrong.
    struct Outcome {
        var cells = 0
        var flows = 0
        var mismatches: [String] = []
    }

    /// Evaluates every step of a scenario and compares every judged cell of every probe and every flow; the
    /// explanation of each pair must give the ports the map gives.
    static func check(_ scenario: Scenario) -> Outcome {
        var outcome = Outcome()
        for (number, step) in scenario.steps.enumerated() {
            let place = scenario.steps.count > 1 ? "\(scenario.name) (step \(number + 1))" : scenario.name
            let inventory = step.inventory
            let effective = EffectiveConnectivity(policies: step.policies, defaultNamespace: "x", inventory: inventory)
            for probe in step.probes {
                for s in pods.indices {
                    for d in pods.indices {
                        guard let expected = probe.allowed[s][d] else { continue }
                        outcome.cells += 1
                        let ports = effective.map.ports(from: s, to: d)
                        // A named port left symbolic may be the probed port: read it as connecting.
                        let ours = ports[probe.proto].contains(probe.port) || ports.named.contains { $0.proto == probe.proto }
                        if ours != expected {
                            outcome.mismatches.append(
                                "\(place), \(probe.label): \(pods[s]) → \(pods[d]): ours \(verdict(ours)) (\(ports)), expected \(verdict(expected))")
                        }
                    }
                }
            }
            for flow in step.flows {
                outcome.flows += 1
                guard let ports = effective.map.ports(from: flow.from, to: flow.to) else {
                    outcome.mismatches.append("\(place): flow \(flow.from) → \(flow.to) names an unknown endpoint")
                    continue
                }
                if ports.description != flow.ports {
                    outcome.mismatches.append("\(place): flow \(flow.from) → \(flow.to): ours \(ports), expected \(flow.ports)")
                }
            }
            // The explanation of every pair agrees with the map.
            for s in inventory.endpoints.indices {
                for d in inventory.endpoints.indices where s != d {
                    let ports = effective.map.ports(from: s, to: d), explained = effective.explain(from: s, to: d).allowed
                    if explained != ports {
                        outcome.mismatches.append(
                            "\(place): explain \(inventory.endpoints[s].name) → \(inventory.endpoints[d].name) says \(explained), the map \(ports)")
                    }
                }
            }
        }
        return outcome
    }

    static func verdict(_ allowed: Bool) -> String { allowed ? "connects" : "refused" }
}
