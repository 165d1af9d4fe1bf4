/// The text being matched: UTF-8 bytes decoded rune by rune as Go decodes them (an invalid or
/// truncated sequence is U+FFFD, one byte wide; so is the stand-in of such a byte).
struct UTF8Input {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Runs `body` over the UTF-8 bytes of `s`, in place when the string stores them contiguously.
    static func with<R>(_ s: String, _ body: (UTF8Input) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable({ body(UTF8Input(bytes: $0)) }) { return r }
        return Array(s.utf8).withUnsafeBufferPointer { body(UTF8Input(bytes: $0)) }
    }

    /// The rune at `pos` and its width in bytes; (-1, 0) at the end.
    @inline(__always)
    func step(_ pos: Int) -> (Rune, Int) {
        guard pos < bytes.count else { return (-1, 0) }
        let b0 = bytes[pos]
        if b0 < 0x80 { return (Rune(b0), 1) }
        return decodeMultibyte(pos, b0)
    }

    private func decodeMultibyte(_ pos: Int, _ b0: UInt8) -> (Rune, Int) {
        let invalid: (Rune, Int) = (0xFFFD, 1)
        let n = bytes.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Rune? {
            guard pos + k < n else { return nil }
            let b = bytes[pos + k]
            return b >= lo && b <= hi ? Rune(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return invalid }
            return (Rune(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2) else { return invalid }
            return (Rune(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2), let c3 = cont(3) else { return invalid }
            let rune = Rune(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            // U+10FF00...U+10FFFF stand for single bytes that are not UTF-8 (GoValues' `ByteString`),
            // which Go reads as U+FFFD: one such byte, four bytes wide here.
            return (rune >= 0x10FF00 ? 0xFFFD : rune, 4)
        default:
            return invalid
        }
    }

    /// The rune ending just before `pos` (-1 at the start), as Go's `DecodeLastRune` reads it.
    func runeBefore(_ pos: Int) -> Rune {
        guard pos > 0 else { return -1 }
        var start = pos - 1
        let limit = max(0, pos - 4)
        while start > limit && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (r, width) = step(start)
        return start + width == pos ? r : 0xFFFD
    }

    /// The empty-width conditions at `pos`.
    func context(_ pos: Int) -> EmptyConditions {
        EmptyConditions.between(runeBefore(pos), step(pos).0)
    }
}
