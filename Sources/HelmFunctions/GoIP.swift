import GoValues
/// Go's `net.ParseIP`, for the IP addresses of certificates: dotted-decimal IPv4 (no leading
/// zeros) and RFC 4291 IPv6 text (with `::` and a trailing IPv4 part; no zone). The bytes are
/// those x509 writes: 4 for IPv4 and IPv4-mapped IPv6, 16 otherwise.
enum GoIP {
    static func parse(_ text: String) -> [UInt8]? {
        if text.contains(":") {
            guard let v6 = parseIPv6(Array(text.utf8)) else { return nil }
            let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
            if Array(v6.prefix(12)) == mappedPrefix { return Array(v6.suffix(4)) }
            return v6
        }
        return parseIPv4(Array(text.utf8)[...])
    }

    private static func parseIPv4(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        let fields = s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var out: [UInt8] = []
        for f in fields {
            guard !f.isEmpty, f.count <= 3, f.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            if f.count > 1 && f.first == UInt8(ascii: "0") { return nil }
            let n = f.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard n <= 255 else { return nil }
            out.append(UInt8(n))
        }
        return out
    }

    private static func parseIPv6(_ s: [UInt8]) -> [UInt8]? {
        var groups: [UInt16] = []
        var ellipsis: Int?
        var i = 0
        if s.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            ellipsis = 0
            i = 2
            if i == s.count { return [UInt8](repeating: 0, count: 16) }
        }
        var tail: [UInt8] = []
        while i < s.count {
            var j = i
            while j < s.count, j - i < 5, hexValue(s[j]) != nil { j += 1 }
            // An IPv4 part ends the address.
            if j < s.count, s[j] == UInt8(ascii: ".") {
                guard let v4 = parseIPv4(s[i...]), groups.count <= 6 else { return nil }
                tail = v4
                i = s.count
                break
            }
            guard j > i, j - i <= 4 else { return nil }
            groups.append(s[i..<j].reduce(UInt16(0)) { $0 << 4 | UInt16(hexValue($1)!) })
            i = j
            if i == s.count { break }
            guard s[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            if i < s.count, s[i] == UInt8(ascii: ":") {
                guard ellipsis == nil else { return nil }
                ellipsis = groups.count
                i += 1
                if i == s.count { break }
            } else if i == s.count {
                return nil
            }
        }
        var bytes: [UInt8] = []
        for g in groups { bytes.append(UInt8(g >> 8)); bytes.append(UInt8(g & 0xFF)) }
        bytes += tail
        if let at = ellipsis {
            guard bytes.count < 16 else { return nil }
            bytes.insert(contentsOf: [UInt8](repeating: 0, count: 16 - bytes.count), at: at * 2)
        }
        return bytes.count == 16 ? bytes : nil
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
