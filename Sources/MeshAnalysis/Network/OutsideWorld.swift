import MeshModel

/// The addresses outside the cluster, cut into the pieces that a set of ipBlock boundaries creates: within one piece
/// every `ipBlock` either contains every address or none, so one address stands for the whole piece.
enum OutsideWorld {
    struct Piece: Equatable {
        var first: IPAddress
        var last: IPAddress
        /// `10.0.0.0/8` when the piece is one CIDR block, else `11.0.0.0-255.255.255.255`.
        var name: String
    }

    /// The IPv4 space cut at every IPv4 block's bounds; the IPv6 space too when some block is IPv6.
    static func pieces(cutBy blocks: [CIDR]) -> [Piece] {
        var result = pieces(family: 4, blocks.filter { $0.first.isV4 })
        let v6 = blocks.filter { !$0.first.isV4 }
        if !v6.isEmpty { result += pieces(family: 16, v6) }
        return result
    }

    private static func pieces(family bytes: Int, _ blocks: [CIDR]) -> [Piece] {
        let lowest = IPAddress(bytes: Array(repeating: 0, count: bytes))
        var starts: Set<IPAddress> = [lowest]
        for block in blocks {
            starts.insert(block.first)
            if let next = block.last.successor() { starts.insert(next) }
        }
        let sorted = starts.sorted()
        var result: [Piece] = []
        for (i, start) in sorted.enumerated() {
            let last = i + 1 < sorted.count ? sorted[i + 1].predecessor()! : IPAddress(bytes: Array(repeating: 255, count: bytes))
            result.append(Piece(first: start, last: last, name: name(start, last)))
        }
        return result
    }

    private static func name(_ first: IPAddress, _ last: IPAddress) -> String {
        let bits = first.bytes.count * 8
        for length in 0...bits {
            if let block = CIDR("\(first)/\(length)"), block.first == first, block.last == last { return "\(first)/\(length)" }
        }
        return "\(first)-\(last)"
    }
}

extension IPAddress {
    /// The previous address, or `nil` before the first one.
    func predecessor() -> IPAddress? {
        var previous = bytes
        var i = previous.count - 1
        while i >= 0 {
            if previous[i] == 0 { previous[i] = 255; i -= 1 } else { previous[i] -= 1; return IPAddress(bytes: previous) }
        }
        return nil
    }
}
