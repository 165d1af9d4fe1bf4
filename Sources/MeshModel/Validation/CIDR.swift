/// An IPv4 or IPv6 network in CIDR notation, parsed as Go's `net.ParseCIDR` does (no leading zeros in IPv4
/// octets, host bits allowed and masked off).
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 bytes (IPv6), host bits cleared.
    public var network: [UInt8]
    public var prefixLength: Int

    public var isIPv4: Bool { network.count == 4 }

    /// `nil` when `text` is not a valid CIDR.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let address = text[..<slash]
        let lengthText = text[text.index(after: slash)...]
        guard !lengthText.isEmpty, lengthText.count <= 3, lengthText.allSatisfy({ $0.isASCII && $0.isNumber }),
              !(lengthText.count > 1 && lengthText.first == "0"), let length = Int(lengthText)
        else { return nil }
        guard let bytes = CIDR.parseIPv4(address) ?? CIDR.parseIPv6(address) else { return nil }
        guard length <= bytes.count * 8 else { return nil }
        self.network = CIDR.mask(bytes, length)
        self.prefixLength = length
    }

    /// Whether `other` lies entirely inside this network (same family, at least as long a prefix).
    public func contains(_ other: CIDR) -> Bool {
        other.network.count == network.count && other.prefixLength >= prefixLength
            && CIDR.mask(other.network, prefixLength) == network
    }

    public var description: String {
        if isIPv4 { return network.map(String.init).joined(separator: ".") + "/\(prefixLength)" }
        var groups: [String] = []
        for i in stride(from: 0, to: 16, by: 2) {
            groups.append(String(UInt16(network[i]) << 8 | UInt16(network[i + 1]), radix: 16))
        }
        return groups.joined(separator: ":") + "/\(prefixLength)"
    }

    static func mask(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        var out = bytes
        for i in out.indices {
            let bitsHere = max(0, min(8, length - i * 8))
            out[i] &= bitsHere == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsHere))
        }
        return out
    }

    static func parseIPv4(_ s: Substring) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(p.count > 1 && p.first == "0"), let v = Int(p), v <= 255
            else { return nil }
            out.append(UInt8(v))
        }
        return out
    }

    static func parseIPv6(_ s: Substring) -> [UInt8]? {
        guard s.contains(":") else { return nil }
        let halves = splitDoubleColon(String(s))
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowTrailingIPv4: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            var out: [UInt8] = []
            for (i, f) in fields.enumerated() {
                if allowTrailingIPv4, i == fields.count - 1, f.contains(".") {
                    guard let v4 = parseIPv4(f) else { return nil }
                    out += v4
                    continue
                }
                guard !f.isEmpty, f.count <= 4, let v = UInt16(f, radix: 16) else { return nil }
                out += [UInt8(v >> 8), UInt8(v & 0xFF)]
            }
            return out
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], allowTrailingIPv4: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowTrailingIPv4: false),
              let tail = groups(halves[1], allowTrailingIPv4: true),
              head.count + tail.count <= 14
        else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// Splits at every "::" (as `components(separatedBy:)` would, without Foundation).
    static func splitDoubleColon(_ s: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: ":"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ":") {
                out.append(String(decoding: current, as: UTF8.self))
                current = []
                i += 2
            } else {
                current.append(b[i])
                i += 1
            }
        }
        out.append(String(decoding: current, as: UTF8.self))
        return out
    }
}
