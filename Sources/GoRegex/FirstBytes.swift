/// The bytes a match can start with: when no thread is running, the machine skips ahead to the
/// next such byte instead of starting a thread at every position (Go skips to a literal prefix the
/// same way). Only for programs that cannot match without consuming a rune.
struct FirstBytes: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ lo: UInt8, _ hi: UInt8) {
        var b = Int(lo)
        while b <= Int(hi) {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
            b += 1
        }
    }

    /// The first byte of the UTF-8 encoding of `r`.
    static func leadByte(_ r: Rune) -> UInt8 {
        switch r {
        case ..<0x80: UInt8(r)
        case ..<0x800: UInt8(0xC0 | (r >> 6))
        case ..<0x10000: UInt8(0xE0 | (r >> 12))
        default: UInt8(0xF0 | (r >> 18))
        }
    }

    /// The first bytes of `prog`'s matches, or nil when it can match the empty string or start
    /// with almost any rune.
    static func of(_ insts: [Program.Inst], classes: [RuneClass], start: Int) -> FirstBytes? {
        guard start != 0 else { return nil }
        var set = FirstBytes()
        var seen = Set<Int>()
        var stack = [start]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = insts[pc]
            switch inst.op {
            case .fail: break
            case .match, .runeAny, .runeAnyNotNL: return nil
            case .alt:
                stack.append(Int(inst.out))
                stack.append(Int(inst.arg))
            case .capture, .nop, .emptyWidth:
                stack.append(Int(inst.out))
            case .rune1:
                let b = leadByte(inst.arg)
                set.insert(b, b)
                if inst.arg == 0xFFFD { set.insert(0x80, 0xFF) }
            case .rune:
                let ranges = classes[Int(inst.arg)].ranges
                var i = 0
                while i < ranges.count {
                    let lo = ranges[i], hi = ranges[i + 1]
                    if lo < 0x80 { set.insert(UInt8(lo), UInt8(min(hi, 0x7F))) }
                    if hi >= 0x80 { set.insert(leadByte(max(lo, 0x80)), leadByte(hi)) }
                    // Bytes that are not valid UTF-8 read as U+FFFD.
                    if lo <= 0xFFFD && hi >= 0xFFFD { set.insert(0x80, 0xFF) }
                    i += 2
                }
            }
        }
        return set
    }
}
