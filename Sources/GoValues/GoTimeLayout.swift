/// Go's reference-time layouts (`2006-01-02 15:04:05 MST`): the chunk scanner of `time.Format`
/// and `time.Parse`, and both directions.
public enum GoTimeLayout {
    /// One element of a layout: literal text or a field to format.
    public enum Chunk: Equatable {
        case longMonth, month, numMonth, zeroMonth
        case longWeekDay, weekDay
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12
        case minute, zeroMinute, second, zeroSecond
        case longYear, year
        case pm, lowerPM
        case tz
        /// Numeric offsets: `-0700` and friends; `iso` ones write `Z` for UTC.
        case offset(iso: Bool, colon: Bool, seconds: Bool, short: Bool)
        /// `.000` (fixed digits) or `.999` (trailing zeros dropped), with `,` or `.`.
        case fraction(digits: Int, trim: Bool, separator: UInt8)
    }

    /// English month names, as Go's `January`.
    public static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    /// English weekday names, as Go's `Monday`.
    public static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Go's `nextStdChunk`: the literal text before the next chunk, the chunk, and the rest.
    public static func nextChunk(_ l: ArraySlice<UInt8>) -> (prefix: ArraySlice<UInt8>, chunk: Chunk?, rest: ArraySlice<UInt8>) {
        let s = l.startIndex
        func has(_ i: Int, _ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= l.endIndex && l[i..<(i + t.count)].elementsEqual(t)
        }
        func isDigit(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 0x30 && l[i] <= 0x39 }
        /// `Jan` and `Mon` followed by a small letter are words, not chunks (`Janet`, `Month`).
        func isLower(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 0x61 && l[i] <= 0x7A }
        var i = s
        while i < l.endIndex {
            let c = l[i]
            func found(_ chunk: Chunk, _ length: Int) -> (ArraySlice<UInt8>, Chunk?, ArraySlice<UInt8>) {
                (l[s..<i], chunk, l[(i + length)...])
            }
            switch c {
            case UInt8(ascii: "J"):
                if has(i, "Jan") {
                    if has(i, "January") { return found(.longMonth, 7) }
                    if !isLower(i + 3) { return found(.month, 3) }
                }
            case UInt8(ascii: "M"):
                if has(i, "Mon") {
                    if has(i, "Monday") { return found(.longWeekDay, 6) }
                    if !isLower(i + 3) { return found(.weekDay, 3) }
                }
                if has(i, "MST") { return found(.tz, 3) }
            case UInt8(ascii: "0"):
                if i + 1 < l.endIndex, l[i + 1] >= UInt8(ascii: "1"), l[i + 1] <= UInt8(ascii: "6") {
                    let chunks: [Chunk] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return found(chunks[Int(l[i + 1] - UInt8(ascii: "1"))], 2)
                }
                if has(i, "002") { return found(.zeroYearDay, 3) }
            case UInt8(ascii: "1"):
                if has(i, "15") { return found(.hour, 2) }
                return found(.numMonth, 1)
            case UInt8(ascii: "2"):
                if has(i, "2006") { return found(.longYear, 4) }
                return found(.day, 1)
            case UInt8(ascii: "_"):
                if has(i, "_2") {
                    // `_2006` is a literal `_` and a year.
                    if has(i + 1, "2006") { return (l[s...i], .longYear, l[(i + 5)...]) }
                    return found(.underDay, 2)
                }
                if has(i, "__2") { return found(.underYearDay, 3) }
            case UInt8(ascii: "3"): return found(.hour12, 1)
            case UInt8(ascii: "4"): return found(.minute, 1)
            case UInt8(ascii: "5"): return found(.second, 1)
            case UInt8(ascii: "P"):
                if has(i, "PM") { return found(.pm, 2) }
            case UInt8(ascii: "p"):
                if has(i, "pm") { return found(.lowerPM, 2) }
            case UInt8(ascii: "-"):
                if has(i, "-070000") { return found(.offset(iso: false, colon: false, seconds: true, short: false), 7) }
                if has(i, "-07:00:00") { return found(.offset(iso: false, colon: true, seconds: true, short: false), 9) }
                if has(i, "-0700") { return found(.offset(iso: false, colon: false, seconds: false, short: false), 5) }
                if has(i, "-07:00") { return found(.offset(iso: false, colon: true, seconds: false, short: false), 6) }
                if has(i, "-07") { return found(.offset(iso: false, colon: false, seconds: false, short: true), 3) }
            case UInt8(ascii: "Z"):
                if has(i, "Z070000") { return found(.offset(iso: true, colon: false, seconds: true, short: false), 7) }
                if has(i, "Z07:00:00") { return found(.offset(iso: true, colon: true, seconds: true, short: false), 9) }
                if has(i, "Z0700") { return found(.offset(iso: true, colon: false, seconds: false, short: false), 5) }
                if has(i, "Z07:00") { return found(.offset(iso: true, colon: true, seconds: false, short: false), 6) }
                if has(i, "Z07") { return found(.offset(iso: true, colon: false, seconds: false, short: true), 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < l.endIndex, l[i + 1] == UInt8(ascii: "0") || l[i + 1] == UInt8(ascii: "9") {
                    let digit = l[i + 1]
                    var j = i + 1
                    while j < l.endIndex && l[j] == digit { j += 1 }
                    if !isDigit(j) {
                        return found(.fraction(digits: j - (i + 1), trim: digit == UInt8(ascii: "9"), separator: c), j - i)
                    }
                }
            default: break
            }
            i += 1
        }
        return (l, nil, l[l.endIndex...])
    }

    // MARK: format

    /// `t.Format(layout)`.
    public static func format(_ t: GoTime, _ layout: String) -> String {
        let c = t.civil
        var out: [UInt8] = []
        out.reserveCapacity(layout.utf8.count + 10)
        func number(_ n: Int64, width: Int) {
            var digits = Array(String(n.magnitude).utf8)
            while digits.count < width { digits.insert(0x30, at: 0) }
            if n < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: digits)
        }
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        var rest = Array(layout.utf8)[...]
        while !rest.isEmpty {
            let (prefix, chunk, after) = nextChunk(rest)
            out.append(contentsOf: prefix)
            guard let chunk else { break }
            rest = after
            switch chunk {
            case .year:
                number(GoCalendar.floorModulo(c.year, 100), width: 2)
            case .longYear: number(c.year, width: 4)
            case .month: text(String(longMonths[c.month - 1].prefix(3)))
            case .longMonth: text(longMonths[c.month - 1])
            case .numMonth: number(Int64(c.month), width: 0)
            case .zeroMonth: number(Int64(c.month), width: 2)
            case .weekDay: text(String(longDays[c.weekday].prefix(3)))
            case .longWeekDay: text(longDays[c.weekday])
            case .day: number(Int64(c.day), width: 0)
            case .underDay:
                if c.day < 10 { out.append(UInt8(ascii: " ")) }
                number(Int64(c.day), width: 0)
            case .zeroDay: number(Int64(c.day), width: 2)
            case .underYearDay:
                if c.yearDay < 100 { out.append(UInt8(ascii: " ")) }
                if c.yearDay < 10 { out.append(UInt8(ascii: " ")) }
                number(Int64(c.yearDay), width: 0)
            case .zeroYearDay: number(Int64(c.yearDay), width: 3)
            case .hour: number(Int64(c.hour), width: 2)
            case .hour12, .zeroHour12:
                var h = c.hour % 12
                if h == 0 { h = 12 }
                number(Int64(h), width: chunk == .zeroHour12 ? 2 : 0)
            case .minute: number(Int64(c.minute), width: 0)
            case .zeroMinute: number(Int64(c.minute), width: 2)
            case .second: number(Int64(c.second), width: 0)
            case .zeroSecond: number(Int64(c.second), width: 2)
            case .pm: text(c.hour >= 12 ? "PM" : "AM")
            case .lowerPM: text(c.hour >= 12 ? "pm" : "am")
            case .offset(let iso, let colon, let seconds, let short):
                if c.offset == 0 && iso {
                    out.append(UInt8(ascii: "Z"))
                    break
                }
                var zone = c.offset / 60
                var absolute = c.offset
                if zone < 0 {
                    out.append(UInt8(ascii: "-"))
                    zone = -zone
                    absolute = -absolute
                } else {
                    out.append(UInt8(ascii: "+"))
                }
                number(Int64(zone / 60), width: 2)
                if colon { out.append(UInt8(ascii: ":")) }
                if !short { number(Int64(zone % 60), width: 2) }
                if seconds {
                    if colon { out.append(UInt8(ascii: ":")) }
                    number(Int64(absolute % 60), width: 2)
                }
            case .tz:
                if !c.abbreviation.isEmpty {
                    text(c.abbreviation)
                    break
                }
                var zone = c.offset / 60
                if zone < 0 {
                    out.append(UInt8(ascii: "-"))
                    zone = -zone
                } else {
                    out.append(UInt8(ascii: "+"))
                }
                number(Int64(zone / 60), width: 2)
                number(Int64(zone % 60), width: 2)
            case .fraction(let digits, let trim, let separator):
                var nanos = Array(String(t.nanosecond).utf8)
                while nanos.count < 9 { nanos.insert(0x30, at: 0) }
                var shown = Array(nanos.prefix(min(digits, 9)))
                if trim {
                    while shown.last == 0x30 { shown.removeLast() }
                    if shown.isEmpty { break }
                }
                out.append(separator)
                out.append(contentsOf: shown)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
