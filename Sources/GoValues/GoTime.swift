import Glibc

/// Go's `time.Time`: an instant (Unix seconds and nanoseconds), the location it is shown in, and
/// for `now` a monotonic clock reading, which `String()` prints as `m=+0.001`.
public struct GoTime: @unchecked Sendable {
    /// Seconds since the Unix epoch.
    public var unix: Int64
    /// Nanoseconds within the second (0..<1e9).
    public var nanosecond: Int32
    /// The location the time is shown in.
    public var zone: GoZone
    /// Nanoseconds on the monotonic clock since the process's first reading, if the time has one.
    public var monotonic: Int64?

    /// Go's zero `time.Time{}` (`0001-01-01 00:00:00 +0000 UTC`).
    public static let zero = GoTime(unix: -62_135_596_800, nanosecond: 0, zone: .utc, monotonic: nil)

    /// `time.Now()` in the local zone.
    public static func now() -> GoTime {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return GoTime(unix: Int64(ts.tv_sec), nanosecond: Int32(ts.tv_nsec), zone: .local, monotonic: MonotonicClock.sinceStart())
    }

    /// `time.Unix(seconds, 0)` in the local zone.
    public static func unix(_ seconds: Int64) -> GoTime {
        GoTime(unix: seconds, nanosecond: 0, zone: .local, monotonic: nil)
    }

    /// `t.Add(d)` (overflow saturates instead of wrapping).
    public func adding(nanoseconds d: Int64) -> GoTime {
        var seconds = d / 1_000_000_000
        var nanos = Int64(nanosecond) + d % 1_000_000_000
        if nanos >= 1_000_000_000 {
            seconds += 1
            nanos -= 1_000_000_000
        } else if nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        }
        var t = self
        t.unix = unix.addingReportingOverflow(seconds).overflow ? (seconds > 0 ? Int64.max : Int64.min) : unix + seconds
        t.nanosecond = Int32(nanos)
        if let m = monotonic { t.monotonic = m.addingReportingOverflow(d).overflow ? nil : m + d }
        return t
    }

    /// `time.Since(t)` in nanoseconds (saturating).
    public var nanosecondsSinceNow: Int64 {
        let now = GoTime.now()
        if let m = monotonic, let n = now.monotonic { return n - m }
        let seconds = now.unix.subtractingReportingOverflow(unix)
        if seconds.overflow || seconds.partialValue > Int64.max / 1_000_000_000 - 1 { return seconds.partialValue < 0 ? Int64.min : Int64.max }
        return seconds.partialValue * 1_000_000_000 + Int64(now.nanosecond - nanosecond)
    }

    /// The same instant shown in `zone` (`t.In(zone)`).
    public func inZone(_ zone: GoZone) -> GoTime {
        var t = self
        t.zone = zone
        return t
    }

    // MARK: calendar

    /// The wall clock in the time's zone.
    public struct Civil {
        /// The year.
        public var year: Int64
        /// The month, 1...12.
        public var month: Int  // 1...12
        /// The day of the month.
        public var day: Int
        /// The hour, 0...23.
        public var hour: Int
        /// The minute.
        public var minute: Int
        /// The second.
        public var second: Int
        /// The day of the week, 0 = Sunday.
        public var weekday: Int  // 0 = Sunday
        /// The day of the year, 1...366.
        public var yearDay: Int  // 1...366
        /// The zone's abbreviation in effect (`UTC`, `CET`).
        public var abbreviation: String
        /// The zone offset in effect, in seconds east of UTC.
        public var offset: Int
    }

    /// The calendar fields of the time in its zone.
    public var civil: Civil {
        let (abbreviation, offset) = zone.lookup(unix)
        let local = unix.addingReportingOverflow(Int64(offset)).partialValue
        let days = GoCalendar.floorDivide(local, 86_400)
        let secondsOfDay = Int(local - days * 86_400)
        let (y, m, d) = GoCalendar.civil(fromDays: days)
        let weekday = Int(GoCalendar.floorModulo(days + 4, 7))
        let yearDay = Int(days - GoCalendar.days(fromCivil: y, 1, 1)) + 1
        return Civil(
            year: y, month: m, day: d, hour: secondsOfDay / 3600, minute: secondsOfDay / 60 % 60, second: secondsOfDay % 60,
            weekday: weekday, yearDay: yearDay, abbreviation: abbreviation, offset: offset)
    }

    /// `time.Date(year, month, day, hour, min, sec, nsec, zone)`: out-of-range parts carry over.
    public static func date(year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, zone: GoZone) -> GoTime {
        // Normalise the month, then count seconds from the civil date.
        var y = year, m = Int64(month - 1)
        y += GoCalendar.floorDivide(m, 12)
        m = GoCalendar.floorModulo(m, 12)
        var nanos = Int64(nanosecond)
        var extraSeconds = GoCalendar.floorDivide(nanos, 1_000_000_000)
        nanos = GoCalendar.floorModulo(nanos, 1_000_000_000)
        extraSeconds += Int64(second) + Int64(minute) * 60 + Int64(hour) * 3600
        let days = GoCalendar.days(fromCivil: y, Int(m) + 1, 1) + Int64(day - 1)
        var unix = days &* 86_400 &+ extraSeconds
        // The wall clock is local: subtract the offset in effect then (looked up twice, as Go does).
        let first = zone.lookup(unix).offset
        if first != 0 {
            let second = zone.lookup(unix - Int64(first)).offset
            unix -= Int64(second)
        }
        return GoTime(unix: unix, nanosecond: Int32(nanos), zone: zone, monotonic: nil)
    }

    // MARK: printing

    /// `t.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, plus ` m=±s.nnnnnnnnn` for a monotonic reading.
    public var description: String {
        var text = GoTimeLayout.format(self, "2006-01-02 15:04:05.999999999 -0700 MST")
        if let m = monotonic {
            let sign = m < 0 ? "-" : "+"
            let magnitude = m.magnitude
            let fraction = String(magnitude % 1_000_000_000)
            text += " m=" + sign + String(magnitude / 1_000_000_000) + "." + String(repeating: "0", count: 9 - fraction.count) + fraction
        }
        return text
    }

    /// `t.MarshalJSON` without the quotes: RFC 3339 with nanoseconds (`2017-12-31T00:00:00Z`).
    public var rfc3339Nano: String { GoTimeLayout.format(self, "2006-01-02T15:04:05.999999999Z07:00") }
}

/// Proleptic Gregorian calendar arithmetic on day counts since 1970-01-01.
public enum GoCalendar {
    /// Integer division rounding toward negative infinity.
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The remainder of ``floorDivide(_:_:)`` (same sign as `b`).
    public static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 { a - floorDivide(a, b) * b }

    /// Days since 1970-01-01 of a civil date.
    public static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Whether `year` is a leap year (proleptic Gregorian).
    public static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The number of days of `month` in `year`.
    public static func daysIn(month: Int, year: Int64) -> Int {
        if month == 2 { return isLeap(year) ? 29 : 28 }
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}

/// Readings of the monotonic clock relative to the process's first one.
public enum MonotonicClock {
    private static let start: Int64 = reading()

    private static func reading() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Nanoseconds since the process started reading this clock.
    public static func sinceStart() -> Int64 {
        let origin = start
        return reading() - origin + 1
    }
}
