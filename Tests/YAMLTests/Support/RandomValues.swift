import TestSupport
import GoValues

/// The tests' seeded generator, so fuzz and parity runs repeat exactly.
typealias SeededRandom = SplitMix64

/// Random values built from fragments that stress YAML quoting, folding and number typing.
struct RandomValues {
    var rng: SeededRandom

    static let fragments: [String] = [
        "a", "b", "Z", "word", "x1", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "? ", "'", "\"", "\\",
        "\n", "\n\n", "\t", "\r", "é", "ü", "日本", "😀", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{7}", "\u{1B}",
        "yes", "no", "on", "null", "true", "~", "1", "0", "012", "0x1F", "1.5", "1e3", ".5", ".", "..", "---", "...",
        "<", ">", "&", "{", "}", "[", "]", ",", "_", "%", "@", "`", "!", "*", "|", "2024-01-02", "1:20", "+",
        "loremipsum", "dolor sit amet", "consectetur adipiscing elit", "sed do eiusmod tempor incididunt",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func string() -> String {
        switch int(0...9) {
        case 0: return ""
        case 1:
            // Long text with spaces, to exercise folding at column 80 (mostly words, or anything).
            let low = int(0...1) == 0 ? 62 : 0
            return (0..<int(8...30)).map { _ in Self.fragments[int(low...(Self.fragments.count - 1))] }.joined(separator: " ")
        default:
            var s = ""
            for _ in 0..<int(1...5) { s += Self.fragments[int(0...(Self.fragments.count - 1))] }
            return s
        }
    }

    mutating func float() -> Double {
        let specials: [Double] = [0, -0.0, 1, -1, 1.5, 1e6, 1e20, 1e21, 1e-6, 1e-7, 123456789, 0.1, 1e19, 9.3e18, -1e20, 3.25e-10,
            1.7976931348623157e308, 5e-324, 2e15, 123.456]
        if int(0...2) == 0 { return specials[int(0...(specials.count - 1))] }
        let mantissa = Double(int(-1_000_000...1_000_000)) / Double([1, 10, 1000, 7][int(0...3)])
        return mantissa * [1, 1e3, 1e-3, 1e10, 1e-10, 1e25][int(0...5)]
    }

    mutating func scalar() -> Value {
        switch int(0...9) {
        case 0: return .null
        case 1: return .bool(int(0...1) == 1)
        case 2: return .int(Int64(int(-1000...100_000)))
        case 3, 4: return .float(float())
        default: return .string(string())
        }
    }

    /// A random value; a negative `depth` allows that many extra levels of nesting.
    mutating func value(depth: Int = 0) -> Value {
        let roll = depth >= 4 ? 0 : int(0...9)
        switch roll {
        case 0...4: return scalar()
        case 5...6:
            return .list((0..<int(0...4)).map { _ in value(depth: depth + 1) })
        default:
            var m: [String: Value] = [:]
            for _ in 0..<int(0...5) { m[int(0...3) == 0 ? string() : key()] = value(depth: depth + 1) }
            return .map(m)
        }
    }

    mutating func key() -> String {
        let keys = ["a", "b", "a1", "a10", "a2", "a01", "B", "_x", "1", "10", "9", "name", "é", "z", "Z9", "x.y", "k-8s", "a b"]
        return keys[int(0...(keys.count - 1))]
    }
}
