import XCTest
import Diagnostics
import YAML
@testable import MeshModel

/// One test row per validation rule of `MeshSpec.load`, each with the exact one-line error.
final class MeshSpecValidationTests: XCTestCase {
    /// Components used by most rows: lines 1-5, so appended keys start on line 6.
    static let base = """
        mesh:
          components:
            agent: {name: vald-agent}
            discoverer: {}
            lb-gateway: {ports: [{port: 8081}]}

        """

    func load(_ text: String, namespace: String = "vald") -> String? {
        inputError { () throws(InputError) in
            let node: Node
            do { node = try YAMLParser().parse(text, file: "values/prod.yaml") } catch let e as YAMLError { throw e.inputError } catch { throw InputError("\(error)", at: nil) }
            return try MeshSpec.load(values: node, releaseNamespace: namespace)
        }
    }

    func testEachRuleHasItsOneLineError() {
        let base = Self.base
        let cases: [(name: String, yaml: String, error: String)] = [
            ("mesh not a map", "mesh: 5\n", "values/prod.yaml:1:7: mesh: must be a map, not a number"),
            ("values not a map", "- 1\n", "values/prod.yaml:1:1: must be a map of values, not a list"),
            ("unknown mesh key", "mesh:\n  conectivity: {}\n", "values/prod.yaml:2:3: mesh.conectivity: unknown key \"conectivity\" (did you mean \"connectivity\"?)"),
            ("components a list", "mesh:\n  components: [agent]\n", "values/prod.yaml:2:15: mesh.components: must be a map of component ids, not a list"),
            ("component a string", "mesh:\n  components:\n    agent: vald-agent\n", "values/prod.yaml:3:12: mesh.components.agent: must be a map, not a string"),
            ("unknown component key", "mesh:\n  components:\n    agent: {nmae: x}\n", "values/prod.yaml:3:13: mesh.components.agent.nmae: unknown key \"nmae\" (did you mean \"name\"?)"),
            ("component id", "mesh:\n  components:\n    Agent: {}\n", "values/prod.yaml:3:5: mesh.components.Agent: invalid id \"Agent\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("component id kube-system", "mesh:\n  components:\n    kube-system: {}\n", "values/prod.yaml:3:5: mesh.components.kube-system: \"kube-system\" is reserved for the kube-system namespace"),
            ("component name", "mesh:\n  components:\n    agent: {name: vald_agent}\n", "values/prod.yaml:3:19: mesh.components.agent.name: invalid name \"vald_agent\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("component name too long", "mesh:\n  components:\n    agent: {name: \(String(repeating: "a", count: 64))}\n", "values/prod.yaml:3:19: mesh.components.agent.name: invalid name \"\(String(repeating: "a", count: 64))\": must be at most 63 characters (has 64)"),
            ("colliding names", "mesh:\n  components:\n    a: {name: x}\n    b: {name: x}\n", "values/prod.yaml:4:5: mesh.components.b: component name \"x\" is also the name of component \"a\" in namespace vald: their policies would collide"),
            ("component namespace", "mesh:\n  components:\n    agent: {namespace: Vald}\n", "values/prod.yaml:3:24: mesh.components.agent.namespace: invalid namespace \"Vald\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("mesh namespace", "mesh:\n  namespace: -x\n", "values/prod.yaml:2:14: mesh.namespace: invalid namespace \"-x\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("release namespace", "mesh: {}\n", "invalid release namespace \"a_b\": must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"),
            ("selectorKey", "mesh:\n  selectorKey: \"a b\"\n", "values/prod.yaml:2:16: mesh.selectorKey: invalid label key \"a b\": name must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("labels key", "mesh:\n  components:\n    agent: {labels: {-app: x}}\n", "values/prod.yaml:3:22: mesh.components.agent.labels.-app: invalid label key \"-app\": name must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("labels value", "mesh:\n  components:\n    agent: {labels: {app: x.}}\n", "values/prod.yaml:3:27: mesh.components.agent.labels.app: invalid label value \"x.\": value must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("labels empty", "mesh:\n  components:\n    agent: {labels: {}}\n", "values/prod.yaml:3:21: mesh.components.agent.labels: must not be empty: an empty selector would select every pod of the namespace"),
            ("component port", "mesh:\n  components:\n    agent: {ports: [{port: 70000}]}\n", "values/prod.yaml:3:28: mesh.components.agent.ports[0].port: port 70000 is out of range 1-65535"),
            ("ports a map", "mesh:\n  components:\n    agent: {ports: {port: 80}}\n", "values/prod.yaml:3:20: mesh.components.agent.ports: must be a list, not a map"),
            ("kubeSystem egress", "mesh:\n  kubeSystem: {egress: yes-dns}\n", "values/prod.yaml:2:24: mesh.kubeSystem.egress: must be true, false or dns, not \"yes-dns\""),
            ("kubeSystem ingress", "mesh:\n  kubeSystem: {ingress: dns}\n", "values/prod.yaml:2:25: mesh.kubeSystem.ingress: must be true or false, not a string"),
            ("kubeSystem unknown key", "mesh:\n  kubeSystem: {egres: true}\n", "values/prod.yaml:2:16: mesh.kubeSystem.egres: unknown key \"egres\" (did you mean \"egress\"?)"),
            ("enabled not bool", "defaults:\n  networkPolicy:\n    enabled: 1\n", "values/prod.yaml:3:14: defaults.networkPolicy.enabled: must be true or false, not a number"),
            ("custom unknown key", "defaults:\n  networkPolicy:\n    custom: {ingres: []}\n", "values/prod.yaml:3:14: defaults.networkPolicy.custom.ingres: unknown key \"ingres\" (did you mean \"ingress\"?)"),
            ("custom rule unknown field", "defaults:\n  networkPolicy:\n    custom:\n      egress:\n        - too: []\n", "values/prod.yaml:5:11: defaults.networkPolicy.custom.egress[0].too: unknown field \"too\" (did you mean \"to\"?)"),
            ("custom rules a map", "defaults:\n  networkPolicy:\n    custom:\n      egress: {to: []}\n", "values/prod.yaml:4:15: defaults.networkPolicy.custom.egress: must be a list, not a map"),
            ("component custom rule", "mesh:\n  components:\n    agent:\n      networkPolicy:\n        custom:\n          ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}]}]\n",
             "values/prod.yaml:6:67: mesh.components.agent.networkPolicy.custom.ingress[0].from[0].ipBlock.except[0]: except \"192.168.0.0/16\" is not inside cidr \"10.0.0.0/8\""),
            ("unknown destination", base + "  connectivity:\n    lb-gateway: [agent, discover]\n", "values/prod.yaml:7:25: mesh.connectivity.lb-gateway[1]: unknown component \"discover\" (did you mean \"discoverer\"?)"),
            ("unknown source", base + "  connectivity:\n    lb-gateways: [agent]\n", "values/prod.yaml:7:5: mesh.connectivity.lb-gateways: unknown component \"lb-gateways\" (did you mean \"lb-gateway\"?)"),
            ("unknown with externals", base + "  external:\n    otel: {namespace: monitoring}\n  connectivity:\n    agent: [otle]\n", "values/prod.yaml:9:13: mesh.connectivity.agent[0]: unknown component or external \"otle\" (did you mean \"otel\"?)"),
            ("self edge", base + "  connectivity:\n    agent: [agent]\n", "values/prod.yaml:7:13: mesh.connectivity.agent[0]: self-edge: \"agent\" cannot list itself"),
            ("duplicate edge", base + "  connectivity:\n    agent: [discoverer, {to: discoverer}]\n", "values/prod.yaml:7:25: mesh.connectivity.agent[1]: duplicate edge agent -> discoverer (first given at values/prod.yaml:7:13)"),
            ("kube-system source", base + "  connectivity:\n    kube-system: [agent]\n", "values/prod.yaml:7:5: mesh.connectivity.kube-system: kube-system cannot be a source here: use mesh.kubeSystem.ingress or a component's kubeSystem.ingress"),
            ("external to external", base + "  external:\n    a: {namespace: x}\n    b: {namespace: z}\n  connectivity:\n    a: [b]\n", "values/prod.yaml:10:9: mesh.connectivity.a[0]: edge a -> b connects no component: one side must be a component"),
            ("connectivity a list", base + "  connectivity: [agent]\n", "values/prod.yaml:6:17: mesh.connectivity: must be a map of source ids to destination lists, not a list"),
            ("destinations a map", base + "  connectivity:\n    agent: {to: discoverer}\n", "values/prod.yaml:7:12: mesh.connectivity.agent: must be a list, not a map"),
            ("destination a number", base + "  connectivity:\n    agent: [5]\n", "values/prod.yaml:7:13: mesh.connectivity.agent[0]: must be an id or a map {to: ID, ports: [...]}, not a number"),
            ("edge without to", base + "  connectivity:\n    agent: [{ports: [{port: 80}]}]\n", "values/prod.yaml:7:13: mesh.connectivity.agent[0]: missing key \"to\""),
            ("edge unknown key", base + "  connectivity:\n    agent: [{too: discoverer}]\n", "values/prod.yaml:7:14: mesh.connectivity.agent[0].too: unknown key \"too\" (did you mean \"to\"?)"),
            ("edge empty ports", base + "  connectivity:\n    agent: [{to: discoverer, ports: []}]\n", "values/prod.yaml:7:37: mesh.connectivity.agent[0].ports: must not be empty (leave ports out to use the destination's declared ports)"),
            ("edge port name", base + "  connectivity:\n    agent: [{to: discoverer, ports: [{port: GRPC}]}]\n", "values/prod.yaml:7:45: mesh.connectivity.agent[0].ports[0].port: invalid port name \"GRPC\": must contain only lowercase letters, digits and '-'"),
            ("edge endPort", base + "  connectivity:\n    agent: [{to: discoverer, ports: [{port: 90, endPort: 80}]}]\n", "values/prod.yaml:7:58: mesh.connectivity.agent[0].ports[0].endPort: endPort 80 must not be less than port 90"),
            ("external empty", "mesh:\n  external:\n    x: {}\n", "values/prod.yaml:3:8: mesh.external.x: an external needs namespace, labels, namespaceLabels, ipBlock or anywhere"),
            ("external two forms", "mesh:\n  external:\n    x: {namespace: a, ipBlock: {cidr: 10.0.0.0/8}}\n", "values/prod.yaml:3:23: mesh.external.x.ipBlock: ipBlock cannot be combined with namespace (only namespace and labels go together)"),
            ("external anywhere false", "mesh:\n  external:\n    x: {anywhere: false}\n", "values/prod.yaml:3:19: mesh.external.x.anywhere: must be true (remove the external to allow nobody)"),
            ("external bad cidr", "mesh:\n  external:\n    x: {ipBlock: {cidr: 300.0.0.0/8}}\n", "values/prod.yaml:3:25: mesh.external.x.ipBlock.cidr: invalid CIDR \"300.0.0.0/8\""),
            ("external namespaceLabels value", "mesh:\n  external:\n    x: {namespaceLabels: {tier: \"-\"}}\n", "values/prod.yaml:3:33: mesh.external.x.namespaceLabels.tier: invalid label value \"-\": value must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
            ("external same id as component", base + "  external:\n    agent: {namespace: x}\n", "values/prod.yaml:7:5: mesh.external.agent: \"agent\" is already a component id"),
            ("external unknown key", "mesh:\n  external:\n    x: {namespaces: a}\n", "values/prod.yaml:3:9: mesh.external.x.namespaces: unknown key \"namespaces\" (did you mean \"namespace\"?)"),
            ("table unknown column", base + "  connectivityTable: |\n    | from / to | agent | discover |\n    | :-- | :-: | :-: |\n    | agent | N/A | ✅ |\n",
             "values/prod.yaml:7:27: mesh.connectivityTable: unknown component \"discover\" (did you mean \"discoverer\"?)"),
            ("table unknown row", base + "  connectivityTable: |\n    | from / to | agent |\n    | :-- | :-: |\n    | lb gatewy | ✅ |\n",
             "values/prod.yaml:9:7: mesh.connectivityTable: unknown component \"lb-gatewy\" (did you mean \"lb-gateway\"?)"),
            ("table bad cell", base + "  connectivityTable: |\n    | from / to | agent |\n    | :-- | :-: |\n    | lb gateway | yes |\n",
             "values/prod.yaml:9:20: mesh.connectivityTable: a cell must be ✅, ⛔ or N/A (✅ may list ports: ✅ TCP 8081), not \"yes\""),
            ("table self edge", base + "  connectivityTable: |\n    | from / to | agent |\n    | :-- | :-: |\n    | agent | ✅ |\n",
             "values/prod.yaml:9:15: mesh.connectivityTable: self-edge: \"agent\" cannot list itself"),
            ("table N/A off diagonal", base + "  connectivityTable: |\n    | from / to | agent |\n    | :-- | :-: |\n    | lb gateway | N/A |\n",
             "values/prod.yaml:9:20: mesh.connectivityTable: N/A is only for cells that cannot be an edge (lb-gateway -> agent can): write ✅ or ⛔"),
            ("table short row", base + "  connectivityTable: |\n    | from / to | agent | discoverer |\n    | :-- | :-: | :-: |\n    | lb gateway | ✅ |\n",
             "values/prod.yaml:9:7: mesh.connectivityTable: row has 2 cells, the header has 3"),
            ("table no separator", base + "  connectivityTable: |\n    | from / to | agent |\n    | lb gateway | ✅ |\n",
             "values/prod.yaml:8:7: mesh.connectivityTable: the second row must separate the header (| :--- | :---: | ...), one cell per column"),
            ("table duplicate with connectivity", base + "  connectivity:\n    lb-gateway: [agent]\n  connectivityTable: |\n    | from / to | agent |\n    | :-- | :-: |\n    | lb gateway | ✅ |\n",
             "values/prod.yaml:11:20: mesh.connectivityTable: duplicate edge lb-gateway -> agent (first given at values/prod.yaml:7:18)"),
            ("table kube-system conflicts", "mesh:\n  components:\n    agent: {kubeSystem: {egress: false}}\n  connectivityTable: |\n    | from / to | kube-system |\n    | :-- | :-: |\n    | agent | ✅ |\n",
             "values/prod.yaml:7:15: mesh.connectivityTable: agent -> kube-system is ✅ here but mesh.components.agent.kubeSystem.egress is false (values/prod.yaml:3:34)"),
            ("table not a string", base + "  connectivityTable: [a]\n", "values/prod.yaml:6:22: mesh.connectivityTable: must be a string, not a list"),
        ]
        for c in cases {
            XCTAssertEqual(load(c.yaml, namespace: c.name == "release namespace" ? "a_b" : "vald"), c.error, c.name)
        }
    }
}
