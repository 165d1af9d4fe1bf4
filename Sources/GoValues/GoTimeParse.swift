/// Go's `time.ParseInLocation(layout, value, zone)` with its error messages
/// (`parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`).
extension GoTimeLayout {
    /// A parse failure worded as Go's `time.Parse` error.
    public struct ParseError: Error, CustomStringConvertible {
        /// The error text.
        public let description: String
    }

    /// Go's `time.Parse(layout, value)` with `zone` for times that name no zone.
    public static func parse(_ layoutText: String, _ valueText: String, in zone: GoZone) throws(ParseError) -> GoTime {
        let fullLayout = Array(layoutText.utf8)
        let fullValue = Array(valueText.utf8)
        var layout = fullLayout[...]
        var value = fullValue[...]
        func text(_ s: ArraySlice<UInt8>) -> String { String(decoding: s, as: UTF8.self) }
        func failure(_ layoutElement: ArraySlice<UInt8>, _ valueElement: ArraySlice<UInt8>, _ message: String) -> ParseError {
            let v = GoTimeQuote.quote(valueText)
            if message.isEmpty {
                return ParseError(description: "parsing time \(v) as \(GoTimeQuote.quote(layoutText)): cannot parse \(GoTimeQuote.quote(text(valueElement))) as \(GoTimeQuote.quote(text(layoutElement)))")
            }
            return ParseError(description: "parsing time \(v)\(message)")
        }
        struct Bad: Error {}
        func isDigit(_ s: ArraySlice<UInt8>, _ i: Int) -> Bool {
            let at = s.startIndex + i
            return at < s.endIndex && s[at] >= 0x30 && s[at] <= 0x39
        }
        /// Go's `getnum`: one or two digits (exactly two when `fixed`).
        func number(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws(Bad) -> Int {
            guard isDigit(s, 0) else { throw Bad() }
            if !isDigit(s, 1) {
                if fixed { throw Bad() }
                let n = Int(s[s.startIndex] - 0x30)
                s = s.dropFirst()
                return n
            }
            let n = Int(s[s.startIndex] - 0x30) * 10 + Int(s[s.startIndex + 1] - 0x30)
            s = s.dropFirst(2)
            return n
        }
        /// Go's `getnum3`: one to three digits (exactly three when `fixed`).
        func number3(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws(Bad) -> Int {
            var n = 0, i = 0
            while i < 3 && isDigit(s, i) {
                n = n * 10 + Int(s[s.startIndex + i] - 0x30)
                i += 1
            }
            if i == 0 || (fixed && i != 3) { throw Bad() }
            s = s.dropFirst(i)
            return n
        }
        func lookupName(_ names: [String], _ s: inout ArraySlice<UInt8>) throws(Bad) -> Int {
            for (index, name) in names.enumerated() {
                let n = Array(name.utf8)
                if s.count >= n.count, zip(s.prefix(n.count), n).allSatisfy({ lowerASCII($0) == lowerASCII($1) }) {
                    s = s.dropFirst(n.count)
                    return index
                }
            }
            throw Bad()
        }
        func nanoseconds(_ s: ArraySlice<UInt8>, _ count: Int) throws(Bad) -> Int {
            // `s` starts with the separator; `count` includes it (at most 10 are read).
            guard let first = s.first, first == UInt8(ascii: ".") || first == UInt8(ascii: ",") else { throw Bad() }
            let count = min(count, 10)
            guard count > 1 else { throw Bad() }
            var n = 0
            for i in 1..<count {
                guard isDigit(s, i) else { throw Bad() }
                n = n * 10 + Int(s[s.startIndex + i] - 0x30)
            }
            for _ in count..<10 { n *= 10 }
            return n
        }

        var year: Int64 = 0, month = -1, day = -1, yearDay = -1
        var hour = 0, minute = 0, second = 0, nanosecond = 0
        var pmSet = false, amSet = false
        var utcParsed = false
        var zoneOffset: Int?
        var zoneName: String?

        while true {
            let (prefix, chunk, suffix) = nextChunk(layout)
            let chunkText = layout[prefix.endIndex..<suffix.startIndex]
            // Literal text must match; a space matches any run of spaces.
            var p = prefix
            while let c = p.first {
                if c == UInt8(ascii: " ") {
                    if let v = value.first, v != UInt8(ascii: " ") { throw failure(prefix, value, "") }
                    while p.first == UInt8(ascii: " ") { p = p.dropFirst() }
                    while value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    continue
                }
                guard value.first == c else { throw failure(prefix, value, "") }
                p = p.dropFirst()
                value = value.dropFirst()
            }
            guard let chunk else {
                if !value.isEmpty { throw failure([], value, ": extra text: " + GoTimeQuote.quote(text(value))) }
                break
            }
            layout = suffix
            let hold = value
            var rangeError: String?
            do throws(Bad) {
                switch chunk {
                case .year:
                    guard value.count >= 2 else { throw Bad() }
                    let n = try number(&value, fixed: true)
                    year = Int64(n >= 69 ? n + 1900 : n + 2000)
                case .longYear:
                    guard value.count >= 4, (0..<4).allSatisfy({ isDigit(value, $0) }) else { throw Bad() }
                    year = Int64(text(value.prefix(4)))!
                    value = value.dropFirst(4)
                case .month, .longMonth:
                    let names = chunk == .month ? longMonths.map { String($0.prefix(3)) } : longMonths
                    month = try lookupName(names, &value) + 1
                case .numMonth, .zeroMonth:
                    month = try number(&value, fixed: chunk == .zeroMonth)
                    if month <= 0 || month > 12 { rangeError = "month" }
                case .weekDay, .longWeekDay:
                    _ = try lookupName(chunk == .weekDay ? longDays.map { String($0.prefix(3)) } : longDays, &value)
                case .day, .underDay, .zeroDay:
                    if chunk == .underDay, value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    day = try number(&value, fixed: chunk == .zeroDay)
                case .underYearDay, .zeroYearDay:
                    for _ in 0..<2 where chunk == .underYearDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    yearDay = try number3(&value, fixed: chunk == .zeroYearDay)
                case .hour:
                    hour = try number(&value, fixed: false)
                    if hour < 0 || hour >= 24 { rangeError = "hour" }
                case .hour12, .zeroHour12:
                    hour = try number(&value, fixed: chunk == .zeroHour12)
                    if hour < 0 || hour > 12 { rangeError = "hour" }
                case .minute, .zeroMinute:
                    minute = try number(&value, fixed: chunk == .zeroMinute)
                    if minute < 0 || minute >= 60 { rangeError = "minute" }
                case .second, .zeroSecond:
                    second = try number(&value, fixed: chunk == .zeroSecond)
                    if second < 0 || second >= 60 {
                        rangeError = "second"
                        break
                    }
                    // A fraction after the seconds is read even when the layout has none.
                    if value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","), isDigit(value, 1) {
                        if case .fraction? = nextChunk(layout).chunk { break }
                        var n = 2
                        while isDigit(value, n) { n += 1 }
                        nanosecond = try nanoseconds(value, n)
                        value = value.dropFirst(n)
                    }
                case .pm, .lowerPM:
                    guard value.count >= 2 else { throw Bad() }
                    let p = text(value.prefix(2))
                    value = value.dropFirst(2)
                    switch p {
                    case chunk == .pm ? "PM" : "pm": pmSet = true
                    case chunk == .pm ? "AM" : "am": amSet = true
                    default: throw Bad()
                    }
                case .offset(let iso, let colon, let seconds, let short):
                    if iso, value.first == UInt8(ascii: "Z") {
                        value = value.dropFirst()
                        utcParsed = true
                        break
                    }
                    let v = Array(value)
                    var sign: UInt8, h: ArraySlice<UInt8>, m: ArraySlice<UInt8> = Array("00".utf8)[...], sec: ArraySlice<UInt8> = Array("00".utf8)[...]
                    if colon && !seconds {
                        guard v.count >= 6, v[3] == UInt8(ascii: ":") else { throw Bad() }
                        (sign, h, m) = (v[0], v[1..<3], v[4..<6])
                        value = value.dropFirst(6)
                    } else if short {
                        guard v.count >= 3 else { throw Bad() }
                        (sign, h) = (v[0], v[1..<3])
                        value = value.dropFirst(3)
                    } else if colon && seconds {
                        guard v.count >= 9, v[3] == UInt8(ascii: ":"), v[6] == UInt8(ascii: ":") else { throw Bad() }
                        (sign, h, m, sec) = (v[0], v[1..<3], v[4..<6], v[7..<9])
                        value = value.dropFirst(9)
                    } else if seconds {
                        guard v.count >= 7 else { throw Bad() }
                        (sign, h, m, sec) = (v[0], v[1..<3], v[3..<5], v[5..<7])
                        value = value.dropFirst(7)
                    } else {
                        guard v.count >= 5 else { throw Bad() }
                        (sign, h, m) = (v[0], v[1..<3], v[3..<5])
                        value = value.dropFirst(5)
                    }
                    let hh = try number(&h, fixed: true), mm = try number(&m, fixed: true), ss = try number(&sec, fixed: true)
                    if hh > 24 { rangeError = "time zone offset hour" }
                    if mm > 60 { rangeError = "time zone offset minute" }
                    if ss > 60 { rangeError = "time zone offset second" }
                    var offset = (hh * 60 + mm) * 60 + ss
                    switch sign {
                    case UInt8(ascii: "+"): break
                    case UInt8(ascii: "-"): offset = -offset
                    default: throw Bad()
                    }
                    zoneOffset = offset
                case .tz:
                    if value.count >= 3, value.prefix(3).elementsEqual("UTC".utf8) {
                        value = value.dropFirst(3)
                        utcParsed = true
                        break
                    }
                    let n = timeZoneLength(value)
                    guard n > 0 else { throw Bad() }
                    zoneName = text(value.prefix(n))
                    value = value.dropFirst(n)
                case .fraction(let digits, let trim, _):
                    if !trim {
                        let count = 1 + digits
                        guard value.count >= count else { throw Bad() }
                        nanosecond = try nanoseconds(value, count)
                        value = value.dropFirst(count)
                    } else {
                        guard value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","), isDigit(value, 1) else { break }
                        var i = 0
                        while isDigit(value, i + 1) { i += 1 }
                        nanosecond = try nanoseconds(value, 1 + i)
                        value = value.dropFirst(1 + i)
                    }
                }
            } catch {
                throw failure(chunkText, hold, "")
            }
            if let rangeError { throw failure(chunkText, value, ": \(rangeError) out of range") }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }
        if yearDay >= 0 {
            let leap = GoCalendar.isLeap(year)
            if yearDay < 1 || yearDay > (leap ? 366 : 365) { throw failure([], value, ": day-of-year out of range") }
            var d = yearDay, m = 1
            while d > GoCalendar.daysIn(month: m, year: year) {
                d -= GoCalendar.daysIn(month: m, year: year)
                m += 1
            }
            if month >= 0 && month != m { throw failure([], value, ": day-of-year does not match month") }
            if day >= 0 && day != d { throw failure([], value, ": day-of-year does not match day") }
            month = m
            day = d
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoCalendar.daysIn(month: month, year: year) { throw failure([], value, ": day out of range") }

        if utcParsed {
            return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: .utc)
        }
        if let zoneOffset {
            var t = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: .utc)
            t.unix -= Int64(zoneOffset)
            let local = zone.lookup(t.unix)
            if local.offset == zoneOffset && (zoneName == nil || zoneName == local.abbreviation) { return t.inZone(zone) }
            return t.inZone(.fixed(zoneName ?? "", offset: zoneOffset))
        }
        if let zoneName {
            var t = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: .utc)
            if let offset = zone.offset(ofAbbreviation: zoneName, near: t.unix) {
                t.unix -= Int64(offset)
                return t.inZone(zone)
            }
            // An unknown abbreviation: a made-up zone (the wall clock is kept as read).
            var offset = 0
            if zoneName.count > 3, zoneName.hasPrefix("GMT"), let hours = Int(zoneName.dropFirst(3)) { offset = hours * 3600 }
            return t.inZone(.fixed(zoneName, offset: offset))
        }
        return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: zone)
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// Go's `parseTimeZone`: how many bytes of `value` name a time zone (`MST`, `CEST`, `ChST`,
    /// `GMT+3`, `+07`), 0 when none.
    public static func timeZoneLength(_ value: ArraySlice<UInt8>) -> Int {
        let v = Array(value)
        guard v.count >= 3 else { return 0 }
        if v.count >= 4, v[0..<4].elementsEqual("ChST".utf8) || v[0..<4].elementsEqual("MeST".utf8) { return 4 }
        if v[0..<3].elementsEqual("GMT".utf8) { return 3 + signedOffsetLength(v[3...]) }
        if v[0] == UInt8(ascii: "+") || v[0] == UInt8(ascii: "-") { return signedOffsetLength(v[...]) }
        var upper = 0
        while upper < 6 && upper < v.count && v[upper] >= 0x41 && v[upper] <= 0x5A { upper += 1 }
        switch upper {
        case 3: return 3
        case 4: return v[3] == UInt8(ascii: "T") || v[0..<4].elementsEqual("WITA".utf8) ? 4 : 0
        case 5: return v[4] == UInt8(ascii: "T") ? 5 : 0
        default: return 0
        }
    }

    /// Go's `parseSignedOffset`: a sign and an hour offset within ±12 (`+3`, `-07`); 0 when none.
    private static func signedOffsetLength(_ v: ArraySlice<UInt8>) -> Int {
        guard let sign = v.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return 0 }
        var i = v.startIndex + 1
        var n = 0
        while i < v.endIndex && v[i] >= 0x30 && v[i] <= 0x39 && n < 100 {
            n = n * 10 + Int(v[i] - 0x30)
            i += 1
        }
        if i == v.startIndex + 1 || n > 12 { return 0 }
        return i - v.startIndex
    }
}
