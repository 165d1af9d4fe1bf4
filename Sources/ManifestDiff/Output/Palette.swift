/// ANSI colours for human output; `plain` writes none (the CLI decides: a terminal and no `NO_COLOR`).
struct Palette {
    var added: String
    var removed: String
    var modified: String
    var path: String
    var reset: String

    static let plain = Palette(added: "", removed: "", modified: "", path: "", reset: "")
    static let ansi = Palette(added: "\u{1B}[32m", removed: "\u{1B}[31m", modified: "\u{1B}[33m", path: "\u{1B}[1m",
                              reset: "\u{1B}[0m")

    func paint(_ text: String, _ colour: String) -> String {
        colour.isEmpty ? text : colour + text + reset
    }
}

/// `one`, `two`, ... `twelve`, then digits: counts as dyff writes them.
func countWord(_ n: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    return n < words.count ? words[n] : String(n)
}

/// The line that stands for the flows past the listing limit: `… and 99,990,000 more flows opened
/// (--max-listed-flows to list more)`.
func omittedLine(_ count: Int, opened: Bool) -> String {
    "… and \(groupedThousands(count)) more \(count == 1 ? "flow" : "flows") \(opened ? "opened" : "closed") "
        + "(--max-listed-flows to list more)"
}

/// `99990000` as `99,990,000`.
func groupedThousands(_ n: Int) -> String {
    var digits = Array(String(n.magnitude)), out = ""
    while digits.count > 3 {
        out = "," + String(digits.suffix(3)) + out
        digits.removeLast(3)
    }
    return (n < 0 ? "-" : "") + String(digits) + out
}
