import GoValues

/// go-yaml v2's typing of a plain scalar (its `resolve("", s)`), shared by the parser (what a
/// values file means) and the emitter (which strings need quotes).
///
/// The first character picks the candidates: `yYnNtTfFoO~` and the empty string are looked up
/// among the fixed words (booleans, nulls); `.` may start `.inf`/`.nan` or a float; a sign or a
/// digit may start a timestamp, a Go integer of any base (underscores ignored), a YAML float, or
/// an unsigned integer too large for 64 bits. Anything else is a string.
enum GoYAMLResolve {
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        /// Fits `UInt64` but not `Int64`.
        case uint(UInt64)
        case float(Double)
        /// An unsigned integer beyond 64 bits (in base 16, 8 or 2: decimal ones read as floats).
        case bigInt
        /// `2001-12-14`, `2001-12-14T21:59:43.10Z`, ...: a string to Helm, but quoted on output.
        case timestamp
        case string
    }

    static func resolve(_ s: String) -> Resolved {
        guard let first = s.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return word(s) ?? .string
        case UInt8(ascii: "."):
            if let w = word(s) { return w }
            let u = Array(s.utf8)
            if underscoresOK(u) {
                let plain = u.filter { $0 != UInt8(ascii: "_") }
                if PlainResolution.isYAMLFloat(plain), let d = finiteDouble(plain) { return .float(d) }
            }
            return .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let w = word(s) { return w }
            return number(s)
        default:
            return .string
        }
    }

    /// The fixed words by their bytes packed into an integer (all are at most five bytes long): a look-up needs no
    /// string hashing, which every plain scalar starting with one of the letters above would otherwise pay.
    private static let words: [(packed: UInt64, resolved: Resolved)] = {
        var table: [(packed: UInt64, resolved: Resolved)] = []
        func add(_ words: [String], _ resolved: Resolved) {
            for w in words { table.append((packed(w)!, resolved)) }
        }
        add(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"], .bool(true))
        add(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"], .bool(false))
        add(["~", "null", "Null", "NULL"], .null)
        add([".nan", ".NaN", ".NAN"], .float(.nan))
        add([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"], .float(.infinity))
        add(["-.inf", "-.Inf", "-.INF"], .float(-.infinity))
        return table
    }()

    /// The bytes of `s` in one integer, first byte lowest, when it has one to five bytes.
    private static func packed(_ s: String) -> UInt64? {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in s.utf8 {
            guard shift < 40 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return shift == 0 ? nil : key
    }

    private static func word(_ s: String) -> Resolved? {
        guard let key = packed(s) else { return nil }
        for entry in words where entry.packed == key { return entry.resolved }
        return nil
    }

    /// The sign/digit branch: timestamp, Go integer, YAML float, big unsigned integer.
    private static func number(_ s: String) -> Resolved {
        var u = Array(s.utf8)
        if Timestamp.isYAMLTimestamp(u) { return .timestamp }
        u.removeAll { $0 == UInt8(ascii: "_") }
        if case .value(let negative, let magnitude) = GoInteger.parse(u, allowSign: true) {
            if negative { return .int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)) }
            return .int(Int64(magnitude))
        }
        let unsigned = GoInteger.parse(u, allowSign: false)
        if case .value(_, let magnitude) = unsigned { return .uint(magnitude) }
        if PlainResolution.isYAMLFloat(u), let d = finiteDouble(u) { return .float(d) }
        if case .outOfRange = unsigned { return .bigInt }
        return .string
    }

    /// Go's `strconv.ParseFloat` result when finite (out-of-range text is an error in Go).
    private static func finiteDouble(_ u: [UInt8]) -> Double? {
        guard let d = Double(String(decoding: u, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    /// Go's rule for underscores in number literals: each one sits between two digits.
    private static func underscoresOK(_ u: [UInt8]) -> Bool {
        guard u.contains(UInt8(ascii: "_")) else { return true }
        var saw: UInt8 = UInt8(ascii: "^")  // '^' start, '0' digit, '_' underscore, '!' other
        for c in u {
            if c >= 48 && c <= 57 {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = c
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
        }
        return saw != UInt8(ascii: "_")
    }
}
