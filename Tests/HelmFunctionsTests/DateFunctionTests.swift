@testable import HelmFunctions
@testable import TemplateEngine
import GoValues
import XCTest
import YAML

/// The date functions and Go's `time.Time` values they pass around. Expectations are Helm v4.1.4's
/// output; zones are fixed (UTC, `Asia/Tokyo`, offsets in the text) so the results do not depend on
/// the machine's local zone, except where `now` is checked for its shape only.
final class DateFunctionTests: XCTestCase {
    func render(_ template: String) throws -> String {
        let set = TemplateSet()
        try set.parse(name: "t", text: template)
        return try set.execute(name: "t", data: .map([:]))
    }

    static let t = #"{{ $t := toDate "2006-01-02T15:04:05.999999999Z07:00" "2021-03-04T05:06:07.123456789-07:30" }}"#

    static let cases: [(template: String, expected: String)] = [
        (t + #"{{ dateInZone "2006-01-02 15:04:05.000 MST -07:00 Z07:00 pm Mon January _2 002" $t "UTC" }}"#,
         "2021-03-04 12:36:07.123 UTC +00:00 Z pm Thu March  4 063"),
        (t + "{{ $t }}|{{ $t | toJson }}|{{ typeOf $t }}|{{ kindOf $t }}",
         "2021-03-04 05:06:07.123456789 -0730 -0730|\"2021-03-04T05:06:07.123456789-07:30\"|time.Time|struct"),
        (t + #"{{ $t | unixEpoch }} {{ $t.Unix }} {{ $t.Month }} {{ $t.Weekday }} {{ $t.YearDay }}"#, "1614861367 1614861367 March Thursday 63"),
        (t + #"{{ dateInZone "15:04 MST" $t "Asia/Tokyo" }}|{{ dateInZone "15:04 MST" $t "Nowhere/Land" }}|{{ htmlDateInZone $t "UTC" }}"#,
         "21:36 JST|12:36 UTC|2021-03-04"),
        (#"{{ dateInZone "2006-01-02 15:04:05" 1600000000 "UTC" }}"#, "2020-09-13 12:26:40"),
        // `Jan` and `Mon` followed by a small letter are plain text.
        (#"{{ dateInZone "Janet Month Jan2 Mon." 1600000000 "UTC" }}"#, "Janet Month Sep13 Sun."),
        (#"{{ toDate "2006-01-02 MST" "2017-12-31 UTC" | dateModify "-1.5h" }}"#, "2017-12-30 22:30:00 +0000 UTC"),
        (#"{{ toDate "2006-01-02 MST" "2017-12-31 UTC" | dateModify "bad" }}"#, "2017-12-31 00:00:00 +0000 UTC"),
        (#"{{ toDate "2006-01-02" "x" }}"#, "0001-01-01 00:00:00 +0000 UTC"),
        (#"{{ toDate "Jan _2 15:04:05 MST" "Feb  3 04:05:06 UTC" }}"#, "0000-02-03 04:05:06 +0000 UTC"),
        (#"{{ toDate "2006-01-02 MST" "2020-06-01 GMT+3" }}"#, "2020-06-01 03:00:00 +0300 GMT+3"),
        (#"{{ toDate "2006-002 MST" "2020-060 UTC" }}"#, "2020-02-29 00:00:00 +0000 UTC"),
        (#"{{ duration 90 }} {{ duration "90" }} {{ duration (int64 90) }} {{ duration "86401" }}"#, "0s 1m30s 1m30s 24h0m1s"),
        (#"{{ durationRound "2h10m" }} {{ durationRound 3600000000001 }} {{ durationRound (int64 3600000000001) }} {{ durationRound "800h" }} {{ durationRound "9000h" }}"#,
         "2h 0s 1h 1mo 1y"),
        (#"{{ toDate "2006 MST" "2017 UTC" | dateModify "1h2m3.5s" }} {{ toDate "2006 MST" "2017 UTC" | dateModify "-300ms" }}"#,
         "2017-01-01 01:02:03.5 +0000 UTC 2016-12-31 23:59:59.7 +0000 UTC"),
    ]

    func testDatesRenderAsHelm() throws {
        for (template, expected) in DateFunctionTests.cases {
            XCTAssertEqual(try render(template), expected, template)
        }
    }

    func testDurationStrings() {
        let cases: [(String, String)] = [
            ("0", "0s"), ("1ns", "1ns"), ("1.5us", "1.5µs"), ("1µs", "1µs"), ("300ms", "300ms"), ("1h30m", "1h30m0s"),
            ("-1.5h", "-1h30m0s"), ("+3m", "3m0s"), (".5m", "30s"), ("2h45m30.5s", "2h45m30.5s"), ("9223372036854775807ns", "2562047h47m16.854775807s"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual((try? GoDuration.parse(text)).map(GoDuration.string), expected, text)
        }
    }

    func testErrorsAreGoText() throws {
        let cases: [(String, String)] = [
            (#"{{ mustToDate "2006-01-02" "2017-13-01" }}"#, "parsing time \"2017-13-01\": month out of range"),
            (#"{{ mustToDate "2006-01-02" "x" }}"#, "parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\""),
            (#"{{ mustToDate "2006-01-02" "2017-01-01 x" }}"#, "parsing time \"2017-01-01 x\": extra text: \" x\""),
            (#"{{ mustToDate "2006-01-02" "2017-02-30" }}"#, "parsing time \"2017-02-30\": day out of range"),
            (#"{{ toDate "2006" "2017" | mustDateModify "1x" }}"#, "time: unknown unit \"x\" in duration \"1x\""),
            (#"{{ toDate "2006" "2017" | mustDateModify "1" }}"#, "time: missing unit in duration \"1\""),
            (#"{{ toDate "2006" "2017" | must_date_modify "1é" }}"#, "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""),
            (#"{{ dateModify "1h" "x" }}"#, "can't handle \"x\" for arg of type time.Time"),
            (#"{{ unixEpoch 5 }}"#, "can't handle 5 for arg of type time.Time"),
            (#"{{ unixEpoch (add 1 2) }}"#, "wrong type for value; expected time.Time; got int64"),
            (#"{{ now 1 }}"#, "wrong number of args for now: want 0 got 1"),
            (#"{{ dateInZone "x" 1 2 }}"#, "expected string; found 2"),
        ]
        for (template, message) in cases {
            XCTAssertThrowsError(try render(template), template) { error in
                XCTAssertTrue("\(error)".hasSuffix(message), "\(template): \(error)")
            }
        }
    }

    func testNowIsTheClock() throws {
        let text = try render(#"{{ now }}|{{ now | unixEpoch }}|{{ typeOf now }}|{{ ago now }}|{{ now | date "2006" | len }}"#)
        let parts = text.split(separator: "|").map(String.init)
        XCTAssertEqual(parts.count, 5)
        // `2026-11-23 20:42:31.123456789 +0000 UTC m=+0.000123456`
        XCTAssertNotNil(parts[0].wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} \S+ m=\+\d+\.\d{9}/), parts[0])
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let epoch = Int(parts[1]) ?? 0
        XCTAssertLessThanOrEqual(abs(epoch - Int(ts.tv_sec)), 5)
        XCTAssertEqual(parts[2], "time.Time")
        XCTAssertEqual(parts[3], "0s")
        XCTAssertEqual(parts[4], "4")
    }
}
