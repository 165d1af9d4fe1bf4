/// The timestamps go-yaml v2 recognises in plain scalars (Go's `time.Parse` with the layouts
/// `2006-1-2`, `2006-1-2 15:4:5.999999999`, `2006-1-2T15:4:5.999999999Z07:00` and the same with
/// a lower-case `t`). Such strings are quoted by the emitter.
enum Timestamp {
    static func isYAMLTimestamp(_ u: [UInt8]) -> Bool {
        var p = Cursor(u: u)
        // YYYY-
        guard let year = p.fixedDigits(4), p.take(UInt8(ascii: "-")) else { return false }
        guard let month = p.shortNumber(), (1...12).contains(month), p.take(UInt8(ascii: "-")),
            let day = p.shortNumber(), day >= 1, day <= daysIn(month: month, year: year)
        else { return false }
        if p.atEnd { return true }
        let separator = p.u[p.i]
        p.i += 1
        let zoned: Bool
        switch separator {
        case UInt8(ascii: "T"), UInt8(ascii: "t"): zoned = true
        case UInt8(ascii: " "): zoned = false
        default: return false
        }
        guard let hour = p.shortNumber(), hour < 24, p.take(UInt8(ascii: ":")),
            let minute = p.shortNumber(), minute < 60, p.take(UInt8(ascii: ":")),
            let second = p.shortNumber(), second < 60
        else { return false }
        // Optional fraction: `.` or `,` followed by at least one digit.
        if p.i + 1 < u.count, u[p.i] == UInt8(ascii: ".") || u[p.i] == UInt8(ascii: ","),
            isDigit(u[p.i + 1])
        {
            p.i += 1
            while !p.atEnd, isDigit(u[p.i]) { p.i += 1 }
        }
        if !zoned { return p.atEnd }
        if p.take(UInt8(ascii: "Z")) { return p.atEnd }
        // ±hh:mm
        guard !p.atEnd, u[p.i] == UInt8(ascii: "+") || u[p.i] == UInt8(ascii: "-") else { return false }
        p.i += 1
        guard let zh = p.fixedDigits(2), zh <= 24, p.take(UInt8(ascii: ":")), let zm = p.fixedDigits(2), zm < 60
        else { return false }
        return p.atEnd
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Cursor {
        let u: [UInt8]
        var i = 0
        var atEnd: Bool { i >= u.count }

        mutating func take(_ c: UInt8) -> Bool {
            guard i < u.count, u[i] == c else { return false }
            i += 1
            return true
        }

        /// Exactly `n` digits.
        mutating func fixedDigits(_ n: Int) -> Int? {
            guard i + n <= u.count else { return nil }
            var v = 0
            for j in i..<(i + n) {
                guard isDigit(u[j]) else { return nil }
                v = v * 10 + Int(u[j] - 48)
            }
            i += n
            return v
        }

        /// One or two digits (Go's non-padded layout fields).
        mutating func shortNumber() -> Int? {
            guard i < u.count, isDigit(u[i]) else { return nil }
            var v = Int(u[i] - 48)
            i += 1
            if i < u.count, isDigit(u[i]) {
                v = v * 10 + Int(u[i] - 48)
                i += 1
            }
            return v
        }
    }
}
