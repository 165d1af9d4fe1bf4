import MeshModel
import XCTest

@testable import MeshAnalysis

final class PortSetTests: XCTestCase {
    func testRangeSetOperations() {
        let cases: [(a: [ClosedRange<Int>], b: [ClosedRange<Int>], union: String, inter: String, minus: String)] = [
            ([80...80], [443...443], "80,443", "", "80"),
            ([1...100], [50...60], "1-100", "50-60", "1-49,61-100"),
            ([1...10, 20...30], [5...25], "1-30", "5-10,20-25", "1-4,26-30"),
            ([1...65535], [53...53], "all", "53", "1-52,54-65535"),
            ([10...20], [21...30], "10-30", "", "10-20"),
        ]
        for c in cases {
            let a = PortRangeSet(c.a), b = PortRangeSet(c.b)
            XCTAssertEqual(a.union(b).description, c.union, "\(c)")
            XCTAssertEqual(a.intersection(b).description, c.inter, "\(c)")
            XCTAssertEqual(a.subtracting(b).description, c.minus, "\(c)")
        }
    }

    func testPortSetFromPolicyPorts() {
        let named = ["http": NamedPortBinding(proto: .tcp, number: 8080)]
        let cases: [(ports: [PolicyPort]?, named: [String: NamedPortBinding]?, expected: String)] = [
            (nil, nil, "all"),
            ([], nil, "all"),
            ([PolicyPort(port: .number(8081))], nil, "TCP 8081"),
            ([PolicyPort(protocol: "UDP", port: .number(53)), PolicyPort(port: .number(53))], nil, "TCP 53, UDP 53"),
            ([PolicyPort(port: .number(8000), endPort: 8100)], nil, "TCP 8000-8100"),
            ([PolicyPort(protocol: "SCTP")], nil, "SCTP all"),
            ([PolicyPort(port: .name("http"))], nil, "TCP http"),
            ([PolicyPort(port: .name("http"))], named, "TCP 8080"),
            ([PolicyPort(port: .name("grpc"))], named, "none"),
            ([PolicyPort(protocol: "UDP", port: .name("http"))], named, "none"),
        ]
        for c in cases {
            XCTAssertEqual(PortSet.from(c.ports, namedPorts: c.named).description, c.expected, "\(c)")
        }
    }

    func testNamedPortsMatchConservatively() {
        let http = PortSet(named: NamedPort(proto: .tcp, name: "http"))
        XCTAssertEqual(http.intersection(.all), http)
        XCTAssertEqual(http.intersection(PortSet(.tcp, .all)), http)
        XCTAssertTrue(http.intersection(PortSet(.tcp, PortRangeSet([80...80]))).isEmpty)
        XCTAssertTrue(http.subtracting(PortSet(.tcp, .all)).isEmpty)
        XCTAssertEqual(http.subtracting(PortSet(.udp, .all)), http)
    }
}
