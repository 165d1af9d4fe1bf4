#if canImport(Glibc)
import Glibc
#endif
import MeshModel
import YAML

/// A byte scan that tells documents that may be of a kind the connectivity reads (see
/// `ManifestDiffer.carriesConnectivity`) from those that cannot: it only chooses how a document is parsed, never
/// what is read from it.
enum ConnectivityKinds {
    /// Kinds whose objects the connectivity reads, with their API group; any kind ending in `List` is looked into too.
    static let groups: [String: String] = [
        "NetworkPolicy": "networking.k8s.io", "Namespace": "", "Pod": "", "ReplicationController": "",
        "Deployment": "apps", "StatefulSet": "apps", "DaemonSet": "apps", "ReplicaSet": "apps", "Job": "batch",
        "CronJob": "batch",
    ]

    /// Whether some `kind:` in `text` names one of `names` or a list (quoted or not). Text it cannot read word by word
    /// (flow mappings, escapes) counts as carrying.
    static func mayAppear(in text: ArraySlice<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let count = buffer.count
            var from = 0
            while from < count, let found = memchr(base + from, Int32(UInt8(ascii: "k")), count - from) {
                let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                from = at + 1
                guard at + 4 <= count, buffer[at + 1] == UInt8(ascii: "i"), buffer[at + 2] == UInt8(ascii: "n"),
                    buffer[at + 3] == UInt8(ascii: "d")
                else { continue }
                from = at + 4
                var i = from
                // Optionally quoted key, then a colon.
                if i < count, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") { i += 1 }
                guard i < count, buffer[i] == UInt8(ascii: ":") else { continue }
                i += 1
                while i < count, buffer[i] == UInt8(ascii: " ") || buffer[i] == UInt8(ascii: "\t") { i += 1 }
                if i < count, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") { i += 1 }
                var end = i
                while end < count, isWordByte(buffer[end]) { end += 1 }
                if end == i {
                    // Not a plain word on the same line (a block scalar, a continuation, a flow value, …) unless only a
                    // comment follows.
                    if end < count, buffer[end] == UInt8(ascii: "#") { continue }
                    return true
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<end]), as: UTF8.self)
                if groups[word] != nil || word.hasSuffix("List") { return true }
                if end < count, buffer[end] == UInt8(ascii: "\\") { return true }
            }
            return false
        }
    }

    /// Whether `text` holds the word `NetworkPolicy` anywhere: the documents worth trying `NetworkPolicyEvents` on.
    static func mayBeNetworkPolicy(_ text: ArraySlice<UInt8>) -> Bool {
        let word = Array("NetworkPolicy".utf8)
        return text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= word.count else { return false }
            var from = 0
            let last = buffer.count - word.count
            while from <= last, let found = memchr(base + from, Int32(word[0]), last - from + 1) {
                let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, word, word.count) == 0 { return true }
                from = at + 1
            }
            return false
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}

extension ManifestSource {
    /// The NetworkPolicy a document's text holds, read from its events, when the event reader takes it (see
    /// `NetworkPolicyEvents`); `nil` for every other document, which is then parsed.
    /// Its selectors are taken from `pool`.
    static func policyFromEvents(_ segment: DocumentSegments.Segment, file: String, pool: SelectorPool) -> NetworkPolicyEvents? {
        guard segment.isDocument, ConnectivityKinds.mayBeNetworkPolicy(segment.bytes) else { return nil }
        return NetworkPolicyEvents.read(
            YAMLEventCursor(bytes: segment.bytes, file: file, firstLine: segment.line), sharing: { pool.shared($0) })
    }
}
