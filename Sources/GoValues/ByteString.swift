#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Go strings are bytes: a file read by `.Files.Get` or a `b64dec` result may hold bytes that are not
/// UTF-8 (a compressed archive, a DER certificate), and `b64enc` or `sha256sum` must see them as they
/// were. A Swift string cannot hold such bytes, so each byte of an invalid sequence is kept as a scalar
/// of the last 256 code points (U+10FF00 + byte, private use) and turned back into the byte where a
/// function takes a string's bytes.
public enum ByteString {
    private static let base: UInt32 = 0x10FF00

    /// `bytes` as a string: valid UTF-8 as its characters, any other byte as its stand-in scalar.
    /// (A character among the stand-ins themselves is kept as the stand-ins of its four bytes.)
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(string(buffer:))
    }

    /// `string` of a slice.
    public static func string(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer(string(buffer:))
    }

    private static func string(buffer: UnsafeBufferPointer<UInt8>) -> String {
        if !contains0xF4(buffer), let text = String(validating: buffer, as: UTF8.self) { return text }
        let bytes = Array(buffer)
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length > 0, let text = String(validating: bytes[i..<(i + length)], as: UTF8.self),
               text.unicodeScalars.first!.value < base {
                scalars.append(contentsOf: text.unicodeScalars)
                i += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `text` stands for: its UTF-8, with each stand-in scalar back as its byte.
    public static func bytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        // A stand-in is F4 8F BC..BF xx in UTF-8; most strings have none.
        guard utf8.withUnsafeBufferPointer(contains0xF4) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= base {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return out
    }

    /// Whether `text` may hold stand-ins: its UTF-8 has a 0xF4 byte (a stand-in's first). A string
    /// without one is plain text, and every function takes its usual path for it.
    public static func mayHoldBytes(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(contains0xF4) ?? text.utf8.contains(0xF4)
    }

    /// `mayHoldBytes` of a part of a string.
    public static func mayHoldBytes(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(contains0xF4) ?? text.utf8.contains(0xF4)
    }

    private static func contains0xF4(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        return memchr(base, 0xF4, utf8.count) != nil
    }

    /// Whether `scalar` stands for a byte; the byte it stands for.
    @inline(__always)
    public static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= base ? UInt8(truncatingIfNeeded: scalar.value - base) : nil
    }

    /// Go's `len(s)`: the number of bytes `text` stands for.
    public static func count(_ text: String) -> Int {
        mayHoldBytes(text) ? bytes(text).count : text.utf8.count
    }

    /// Go's `s[i]`: the byte at offset `i` (below `count(text)`) of the bytes `text` stands for.
    public static func byte(at i: Int, of text: String) -> UInt8 {
        if !mayHoldBytes(text) { return text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: i)] }
        return bytes(text)[i]
    }

    /// `text` in its one spelling: stand-ins that together form a UTF-8 character (joined from two
    /// strings, `"\xc3"` and `"\xa9"`) become that character, as Go reads the bytes.
    public static func normalized(_ text: String) -> String {
        mayHoldBytes(text) ? string(bytes(text)) : text
    }

    /// The characters Go's `for range` reads from `text`: each byte that is not UTF-8 as U+FFFD
    /// (`utf8.RuneError`). What `strings.Map`, `encoding/json` and other rune-wise Go code see.
    public static func runes(_ text: String) -> String {
        guard mayHoldBytes(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in normalized(text).unicodeScalars {
            out.append(byte(scalar) == nil ? scalar : "\u{FFFD}")
        }
        return String(out)
    }

    /// Go's byte-wise `a < b` (`sort.Strings`), for strings that may hold stand-ins.
    public static func less(_ a: String, _ b: String) -> Bool {
        bytes(a).lexicographicallyPrecedes(bytes(b))
    }

    /// Go's `a == b`: the same bytes (for strings that may hold stand-ins; others compare as
    /// Swift strings do).
    public static func equal(_ a: String, _ b: String) -> Bool {
        if let known = comparedInPlace(a, b) { return known }
        var (a, b) = (a, b)
        let plainlyUnequal = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                if sameBytes(x, y) { return false }
                // Only text holding stand-ins can be the same bytes written differently.
                return containsStandIn(x) || containsStandIn(y) ? nil : true
            }
        }
        guard let plainlyUnequal else { return bytes(a) == bytes(b) }
        return !plainlyUnequal
    }

    /// Whether two strings are the same UTF-8 bytes (Swift's `==` also equates canonically equivalent text,
    /// `"caf\u{e9}"` and `"cafe\u{301}"`, which Go tells apart).
    @inline(__always)
    public static func sameUTF8(_ a: String, _ b: String) -> Bool {
        if let known = comparedInPlace(a, b) { return known }
        guard a.utf8.count == b.utf8.count else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in sameBytes(x, y) } }
    }

    /// Whether two strings are the same bytes, when their representations tell (nil when they do not): the same
    /// representation is the same string, and two short ASCII strings (held inline, in Swift's 64-bit layout: the
    /// top nibble 0xE) with different representations are different bytes, neither holding a stand-in.
    @inlinable
    public static func comparedInPlace(_ a: String, _ b: String) -> Bool? {
        #if arch(x86_64) || arch(arm64)
        let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
        if x == y { return true }
        if x.1 >> 60 == 0xE, y.1 >> 60 == 0xE { return false }
        #endif
        return nil
    }

    /// Whether two buffers hold the same bytes: short ones compared in place, longer ones with `memcmp`.
    @inline(__always)
    private static func sameBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        if x.count <= 16 {
            for i in 0..<x.count where x[i] != y[i] { return false }
            return true
        }
        return memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
    }

    /// Whether UTF-8 text may hold a stand-in for a byte (their first byte is 0xF4): short text scanned in place.
    @inline(__always)
    private static func containsStandIn(_ x: UnsafeBufferPointer<UInt8>) -> Bool {
        if x.count <= 16 {
            for byte in x where byte == 0xF4 { return true }
            return false
        }
        return contains0xF4(x)
    }

    /// The length of the UTF-8 character at `i` in `bytes`; 0 where the bytes there are not one
    /// (Go's `utf8.DecodeRune` returning `RuneError` of width 1).
    public static func characterLength(_ bytes: [UInt8], at i: Int) -> Int {
        let length = sequenceLength(bytes, at: i)
        guard length > 1 else { return length }
        return String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil ? 0 : length
    }

    /// The length of the UTF-8 sequence a lead byte announces (0 for a byte that cannot lead one).
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return i + length <= bytes.count ? length : 0
    }
}
