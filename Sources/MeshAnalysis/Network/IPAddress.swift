import MeshModel

/// An IPv4 or IPv6 address as its bytes (4 or 16), big-endian.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(_ text: String) {
        if text.contains(":") {
            guard let bytes = Self.parseV6(text) else { return nil }
            self.bytes = bytes
        } else {
            guard let bytes = Self.parseV4(text) else { return nil }
            self.bytes = bytes
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    public var isV4: Bool { bytes.count == 4 }

    public var description: String {
        if isV4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        for i in stride(from: 0, to: 16, by: 2) {
            groups.append(String(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]), radix: 16))
        }
        return groups.joined(separator: ":")
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool {
        a.bytes.count != b.bytes.count ? a.bytes.count < b.bytes.count : a.bytes.lexicographicallyPrecedes(b.bytes)
    }

    /// The next address, or `nil` past the last one.
    func successor() -> IPAddress? {
        var next = bytes
        var i = next.count - 1
        while i >= 0 {
            if next[i] == 255 { next[i] = 0; i -= 1 } else { next[i] += 1; return IPAddress(bytes: next) }
        }
        return nil
    }

    private static func parseV4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// `text` split at each "::".
    private static func splitOnDoubleColon(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previousWasColon = false
        for char in text {
            if char == ":" && previousWasColon {
                current.removeLast()
                parts.append(current)
                current = ""
                previousWasColon = false
                continue
            }
            current.append(char)
            previousWasColon = char == ":"
        }
        parts.append(current)
        return parts
    }

    private static func parseV6(_ text: String) -> [UInt8]? {
        let halves = splitOnDoubleColon(text)
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var result: [UInt16] = []
            for part in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard !part.isEmpty, part.count <= 4, let value = UInt16(part, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}

extension CIDR {
    /// The block's first address.
    public var first: IPAddress { IPAddress(bytes: network) }

    public func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == network.count && Self.masked(address.bytes, prefixLength) == network
    }

    /// The block's last address.
    public var last: IPAddress {
        var bytes = network
        for i in 0..<bytes.count {
            let bitsHere = max(0, min(8, prefixLength - i * 8))
            bytes[i] |= UInt8(truncatingIfNeeded: 0xff >> bitsHere)
        }
        return IPAddress(bytes: bytes)
    }

    private static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        var result = bytes
        for i in 0..<result.count {
            let bitsHere = max(0, min(8, length - i * 8))
            result[i] &= bitsHere == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - bitsHere))
        }
        return result
    }
}

extension IPBlockMatcher {
    /// An address inside `cidr` but outside every `except` block, or `nil` when the excepts cover the whole block.
    public func sampleAddress() -> IPAddress? {
        var candidate: IPAddress? = cidr.first
        // Each step jumps past one except block, so at most excepts.count + 1 steps are needed.
        for _ in 0...excepts.count {
            guard let current = candidate, cidr.contains(current) else { return nil }
            guard let covering = excepts.first(where: { $0.contains(current) }) else { return current }
            candidate = covering.last.successor()
        }
        return nil
    }
}

/// An `ipBlock` peer in parsed form.
public struct IPBlockMatcher: Hashable, Sendable {
    public let cidr: CIDR
    public let excepts: [CIDR]

    /// `nil` when the CIDR or an except does not parse.
    public init?(cidr: String, except: [String]?) {
        guard let block = CIDR(cidr) else { return nil }
        var parsed: [CIDR] = []
        for text in except ?? [] {
            guard let cut = CIDR(text) else { return nil }
            parsed.append(cut)
        }
        self.cidr = block
        self.excepts = parsed
    }

    public func contains(_ address: IPAddress) -> Bool {
        cidr.contains(address) && !excepts.contains { $0.contains(address) }
    }
}
