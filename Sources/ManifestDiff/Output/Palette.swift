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
