import GoValues

/// How the entries of two versions of a list are paired before they are compared.
///
/// Tried in order; the first that gives every entry of both lists a key unique within its list wins:
/// 1. NetworkPolicy peers (entries made of `podSelector` / `namespaceSelector` / `ipBlock`): the whole
///    peer, since a peer *is* its selectors;
/// 2. ports: `protocol` (default TCP) + `port` / `containerPort` + `endPort`;
/// 3. `name`, `key`, `id`;
/// 4. any other scalar field present in every entry and unique within each list (first in byte order);
/// 5. scalar entries: the value itself.
/// Lists without such a key are paired by equal content first, then leftovers by position.
enum ListIdentity {
    case keyed([ValueKey], [ValueKey])
    case unkeyed

    static let peerFields: Set<String> = ["podSelector", "namespaceSelector", "ipBlock"]
    static let namedFields = ["name", "key", "id"]

    static func choose(_ a: [Value], _ b: [Value]) -> ListIdentity {
        if a.isEmpty && b.isEmpty { return .unkeyed }
        let all = a.lazy.map { $0 } + b.lazy.map { $0 }
        if all.allSatisfy({ $0.isScalar }) {
            return keyed(a, b) { ValueKey($0) } ?? .unkeyed
        }
        var maps: [[String: Value]] = []
        maps.reserveCapacity(a.count + b.count)
        for v in all {
            guard let m = v.mapValue else { return .unkeyed }
            maps.append(m)
        }
        if maps.allSatisfy({ !$0.isEmpty && $0.keys.allSatisfy(peerFields.contains) }) {
            if let k = keyed(a, b, { ValueKey($0) }) { return k }
        }
        if maps.allSatisfy({ ($0["port"] ?? $0["containerPort"]) != nil }) {
            if let k = keyed(a, b, portKey) { return k }
        }
        for field in namedFields where maps.allSatisfy({ $0[field]?.isScalar == true }) {
            if let k = keyed(a, b, { ValueKey($0.mapValue?[field] ?? .null) }) { return k }
        }
        for field in commonScalarFields(maps) {
            if let k = keyed(a, b, { ValueKey($0.mapValue?[field] ?? .null) }) { return k }
        }
        return .unkeyed
    }

    private static func portKey(_ v: Value) -> ValueKey {
        let m = v.mapValue ?? [:]
        return ValueKey(.list([m["protocol"] ?? .string("TCP"), m["port"] ?? m["containerPort"] ?? .null, m["endPort"] ?? .null]))
    }

    /// Scalar fields present in every entry, in byte order.
    private static func commonScalarFields(_ maps: [[String: Value]]) -> [String] {
        guard let first = maps.first else { return [] }
        var fields = Set(first.compactMap { $0.value.isScalar ? $0.key : nil })
        for m in maps.dropFirst() {
            fields = fields.filter { m[$0]?.isScalar == true }
            if fields.isEmpty { return [] }
        }
        return fields.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Keys for both lists, or `nil` when some key repeats within a list.
    private static func keyed(_ a: [Value], _ b: [Value], _ key: (Value) -> ValueKey) -> ListIdentity? {
        let ka = a.map(key)
        let kb = b.map(key)
        guard Set(ka).count == ka.count, Set(kb).count == kb.count else { return nil }
        return .keyed(ka, kb)
    }
}
