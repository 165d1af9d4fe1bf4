import Foundation
import XCTest

@testable import ManifestDiff
import TestSupport

/// The connectivity section agrees with nca (an independent NetworkPolicy analyzer, `--semantic_diff`) on
/// Vald's overlay. nca is found through `MESHRENDER_NCA`, else the tools cache; the test skips without it.
final class NCAParityTests: XCTestCase {
    func testValdOverlayFlowsMatchNCA() throws {
        let nca = try ReferenceTool.nca.require()
        let components = ["agent", "discoverer", "filter-gateway", "index-manager", "lb-gateway"]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // One pod per component, the cluster DNS pod, and both namespaces.
        var pods = "apiVersion: v1\nkind: List\nitems:\n"
        for (i, id) in components.enumerated() {
            pods += "- {apiVersion: v1, kind: Pod, metadata: {name: \(id)-0, namespace: vald, labels: {app: vald-\(id)}}, "
                + "spec: {containers: [{name: main, image: x}]}, status: {podIP: 10.0.0.\(i + 1), hostIP: 192.168.0.1}}\n"
        }
        pods += "- {apiVersion: v1, kind: Pod, metadata: {name: coredns-0, namespace: kube-system, labels: {k8s-app: kube-dns}}, "
            + "spec: {containers: [{name: main, image: x}]}, status: {podIP: 10.0.1.1, hostIP: 192.168.0.1}}\n"
        var namespaces = "apiVersion: v1\nkind: List\nitems:\n"
        for ns in ["vald", "kube-system"] {
            namespaces += "- {apiVersion: v1, kind: Namespace, metadata: {name: \(ns), labels: {kubernetes.io/metadata.name: \(ns)}}}\n"
        }
        let podsFile = dir.appendingPathComponent("pods.yaml"), nsFile = dir.appendingPathComponent("ns.yaml")
        try pods.write(to: podsFile, atomically: true, encoding: .utf8)
        try namespaces.write(to: nsFile, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: nca)
        process.arguments = [
            "--semantic_diff", Fixtures.path("vald-policies-overlay.yaml"), "-b", Fixtures.path("vald-policies.yaml"),
            "--pod_list", podsFile.path, "--ns_list", nsFile.path, "-pb", podsFile.path, "-nb", nsFile.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // "src_pods: [filter-gateway-0] dst_ns: [vald] dst_pods: [agent-0]" under "Added" / "Removed" headings.
        var ncaFlows: [String] = []
        var heading = ""
        for line in output.split(separator: "\n") {
            if line.hasPrefix("Added connections") { heading = "opened" }
            if line.hasPrefix("Removed connections") { heading = "closed" }
            guard line.hasPrefix("src_ns:"), let src = Self.pod(after: "src_pods: [", in: line),
                let dst = Self.pod(after: "dst_pods: [", in: line)
            else { continue }
            ncaFlows.append("\(heading) \(src) -> \(dst)")
        }
        let report = try ManifestDiffer.diff(old: try Fixtures.load("vald-policies.yaml"), new: try Fixtures.load("vald-policies-overlay.yaml"))
        let ours = report.connectivity.changes.map { "\($0.change.rawValue) \($0.from) -> \($0.to)" }
        XCTAssertEqual(ours.sorted(), ncaFlows.sorted(), output)
        XCTAssertEqual(ours.count, 2)
    }

    /// `agent` from `...dst_pods: [agent-0]...`.
    static func pod(after marker: String, in line: Substring) -> String? {
        guard let start = line.range(of: marker)?.upperBound, let end = line[start...].firstIndex(of: "]") else { return nil }
        let name = line[start..<end]
        return name.hasSuffix("-0") ? String(name.dropLast(2)) : String(name)
    }
}
