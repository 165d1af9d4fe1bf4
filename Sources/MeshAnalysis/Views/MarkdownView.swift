extension MatrixView {
    static let allowedMark = "✅"
    static let deniedMark = "⛔"
    static let notApplicableMark = "N/A"

    static func mark(_ cell: ConnectivityMatrix.Cell) -> String {
        switch cell {
        case .allowed: return allowedMark
        case .denied: return deniedMark
        case .notApplicable: return notApplicableMark
        }
    }

    /// The Markdown table of the Vald network-policy guide: `| from / to | … | kube-system |`, first column
    /// left-aligned (`:---`), the others centred (`:---:`), cells ✅ / ⛔ / N/A, every column padded to its widest
    /// cell (emoji count two columns), rows and columns labelled by id.
    public static func markdown(_ matrix: ConnectivityMatrix) -> String {
        let corner = "from / to"
        let header = [corner] + matrix.columns
        let body = zip(matrix.rows, matrix.cells).map { [$0.0] + $0.1.map(mark) }
        var widths = header.map(displayWidth)
        widths[0] = max(widths[0], 2)
        for index in 1..<widths.count { widths[index] = max(widths[index], 3) }
        for row in body {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], displayWidth(text)) }
        }
        var out = ""
        func line(_ texts: [String]) {
            out += "|"
            for (index, text) in texts.enumerated() {
                out += " " + padded(text, to: widths[index], centred: index > 0) + " |"
            }
            out += "\n"
        }
        line(header)
        out += "|"
        for (index, width) in widths.enumerated() {
            out += index == 0
                ? " :" + String(repeating: "-", count: width - 1) + " |"
                : " :" + String(repeating: "-", count: width - 2) + ": |"
        }
        out += "\n"
        for row in body { line(row) }
        return out
    }
}
