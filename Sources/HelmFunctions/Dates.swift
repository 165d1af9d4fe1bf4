import GoValues
import TemplateEngine
import YAML

/// Sprig's date functions: `now`, `date`, `dateInZone`, `htmlDate`, `toDate`, `dateModify`,
/// `unixEpoch`, `duration`, `durationRound`, `ago` and their aliases and `must` forms. Times are
/// Go `time.Time` structs (``GoTime``), formatted with Go layouts in the zones of the system's
/// zoneinfo, `Local` being `$TZ` or `/etc/localtime` as in Go.
enum DateFunctions {
    static let table: [String: StructuredFunction] = [
        "now": { a in
            try expect(a, "now", 0)
            return .time(.now())
        },
        "date": { a in
            try expect(a, "date", 2)
            return .value(.string(try inZone(try string(a, 0), a[1], "Local")))
        },
        "dateInZone": { a in try dateInZone(a, "dateInZone") },
        "date_in_zone": { a in try dateInZone(a, "date_in_zone") },
        "htmlDate": { a in
            try expect(a, "htmlDate", 1)
            return .value(.string(try inZone("2006-01-02", a[0], "Local")))
        },
        "htmlDateInZone": { a in
            try expect(a, "htmlDateInZone", 2)
            return .value(.string(try inZone("2006-01-02", a[0], try string(a, 1))))
        },
        "toDate": { a in
            try expect(a, "toDate", 2)
            let layout = try string(a, 0), text = try string(a, 1)
            return .time((try? GoTimeLayout.parse(layout, text, in: .local)) ?? .zero)
        },
        "mustToDate": { a in
            try expect(a, "mustToDate", 2)
            let layout = try string(a, 0), text = try string(a, 1)
            do throws(GoTimeLayout.ParseError) { return .time(try GoTimeLayout.parse(layout, text, in: .local)) } catch { throw callFailure(error.description) }
        },
        "dateModify": { a in try modify(a, "dateModify", must: false) },
        "date_modify": { a in try modify(a, "date_modify", must: false) },
        "mustDateModify": { a in try modify(a, "mustDateModify", must: true) },
        "must_date_modify": { a in try modify(a, "must_date_modify", must: true) },
        "unixEpoch": { a in
            try expect(a, "unixEpoch", 1)
            return .value(.string(String(try time(a, 0).unix)))
        },
        "ago": { a in
            try expect(a, "ago", 1)
            let t = a[0].time ?? integer(a[0]).map(GoTime.unix) ?? .now()
            return .value(.string(GoDuration.string(roundToSecond(t.nanosecondsSinceNow))))
        },
        "duration": { a in
            try expect(a, "duration", 1)
            var seconds: Int64 = 0
            switch a[0].value {
            case .string(let s): seconds = parseInt64(s)
            case .int64(let n) where a[0].time == nil: seconds = n
            default: break
            }
            return .value(.string(GoDuration.string(seconds &* 1_000_000_000)))
        },
        "durationRound": { a in
            try expect(a, "durationRound", 1)
            var d: Int64 = 0
            if let t = a[0].time {
                d = t.nanosecondsSinceNow
            } else {
                switch a[0].value {
                case .string(let s): d = (try? GoDuration.parse(s)) ?? 0
                case .int64(let n): d = n
                default: break
                }
            }
            return .value(.string(roundedDuration(d)))
        },
    ]

    // MARK: arguments

    static func expect(_ a: [StructuredArgument], _ name: String, _ n: Int) throws {
        if a.count != n { throw FunctionError.wrongArgumentCount(name, want: n, got: a.count) }
    }

    static func typeName(_ a: StructuredArgument) -> String {
        if a.time != nil { return "time.Time" }
        if case .null = a.value { return "interface {}" }
        return a.value.goTypeName
    }

    /// A Go `string` parameter.
    static func string(_ a: [StructuredArgument], _ i: Int) throws -> String {
        if a[i].time == nil, case .string(let s) = a[i].value { return s }
        throw FunctionError.wrongType(expected: "string", got: typeName(a[i]), argumentIndex: i)
    }

    /// A Go `time.Time` parameter.
    static func time(_ a: [StructuredArgument], _ i: Int) throws -> GoTime {
        if let t = a[i].time { return t }
        throw FunctionError.wrongType(expected: "time.Time", got: typeName(a[i]), argumentIndex: i)
    }

    /// An integer operand of an `interface{}` parameter (Go's `int`, `int32` or `int64`).
    static func integer(_ a: StructuredArgument) -> Int64? {
        if a.time == nil, let n = a.value.integer { return n }
        return nil
    }

    // MARK: functions

    static func dateInZone(_ a: [StructuredArgument], _ name: String) throws -> StructuredResult {
        try expect(a, name, 3)
        return .value(.string(try inZone(try string(a, 0), a[1], try string(a, 2))))
    }

    /// Sprig's `dateInZone`: a time, or Unix seconds (anything else is now), shown in `zone`
    /// (UTC when the zone cannot be loaded) with Go layout `layout`.
    static func inZone(_ layout: String, _ date: StructuredArgument, _ zone: String) throws -> String {
        let t = date.time ?? integer(date).map(GoTime.unix) ?? .now()
        return GoTimeLayout.format(t.inZone(GoZone.load(zone) ?? .utc), layout)
    }

    static func modify(_ a: [StructuredArgument], _ name: String, must: Bool) throws -> StructuredResult {
        try expect(a, name, 2)
        let text = try string(a, 0)
        let t = try time(a, 1)
        do throws(GoDuration.ParseError) {
            return .time(t.adding(nanoseconds: try GoDuration.parse(text)))
        } catch {
            if must { throw callFailure(error.description) }
            return .time(t)
        }
    }

    /// `strconv.ParseInt(s, 10, 64)` as sprig uses it: 0 on a syntax error, the bound on overflow.
    static func parseInt64(_ s: String) -> Int64 {
        var digits = Substring(s)
        var negative = false
        if let c = digits.first, c == "+" || c == "-" {
            negative = c == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
        var value: UInt64 = 0
        for b in digits.utf8 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (n, o2) = m.addingReportingOverflow(UInt64(b - 0x30))
            if o1 || o2 { return negative ? Int64.min : Int64.max }
            value = n
        }
        if negative { return value > UInt64(Int64.max) + 1 ? Int64.min : Int64(truncatingIfNeeded: 0 &- value) }
        return value > UInt64(Int64.max) ? Int64.max : Int64(value)
    }

    /// `Duration.Round(time.Second)`: halves away from zero, saturating.
    static func roundToSecond(_ d: Int64) -> Int64 {
        let m: Int64 = 1_000_000_000
        var r = d % m
        if d < 0 {
            r = -r
            if r + r < m { return d + r }
            let (v, o) = d.subtractingReportingOverflow(m - r)
            return o ? Int64.min : v + 0
        }
        if r + r < m { return d - r }
        let (v, o) = d.addingReportingOverflow(m - r)
        return o ? Int64.max : v
    }

    /// Sprig's `durationRound`: the duration in its largest whole unit (`2y`, `3mo`, `5d`, `1h`,
    /// `10m`, `30s`), a year being 365 days and a month 30; `0s` below a second.
    static func roundedDuration(_ d: Int64) -> String {
        let u = d.magnitude
        let second: UInt64 = 1_000_000_000
        let minute = 60 * second, hour = 60 * minute, day = 24 * hour
        let month = 30 * day, year = 365 * day
        if u > year { return String(u / year) + "y" }
        if u > month { return String(u / month) + "mo" }
        if u > day { return String(u / day) + "d" }
        if u > hour { return String(u / hour) + "h" }
        if u > minute { return String(u / minute) + "m" }
        if u > second { return String(u / second) + "s" }
        return "0s"
    }
}
