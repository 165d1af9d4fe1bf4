extension MatrixView {
    /// The matrix for a terminal: the same cells as `markdown` in a box drawn with line characters.
    public static func table(_ matrix: ConnectivityMatrix) -> String {
        let header = ["from / to"] + matrix.columns
        let body = zip(matrix.rows, matrix.cellRows).map { [$0.0] + $0.1.map(mark) }
        var widths = header.map(displayWidth)
        for row in body {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], displayWidth(text)) }
        }
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ texts: [String]) -> String {
            "│" + texts.enumerated().map { " " + padded($0.element, to: widths[$0.offset], centred: $0.offset > 0) + " " }
                .joined(separator: "│") + "│\n"
        }
        var out = rule("┌", "┬", "┐") + line(header) + rule("├", "┼", "┤")
        for row in body { out += line(row) }
        out += rule("└", "┴", "┘")
        return out
    }
}
