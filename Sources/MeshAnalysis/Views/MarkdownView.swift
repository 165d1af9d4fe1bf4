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

    /// The mark, and for a connection on some ports only the ports (`✅ TCP 5432`), as the table reads them back.
    static func markdownCell(_ cell: ConnectivityMatrix.Cell) -> String {
        if case .allowed(let ports) = cell, !ports.isAll { return allowedMark + " " + ports.description }
        return mark(cell)
    }

    /// The Markdown table of the Vald network-policy guide: `| from / to | … | kube-system |`, first column
    /// left-aligned (`:---`), the others centred (`:---:`), cells ✅ / ⛔ / N/A (✅ followed by the ports when the
    /// connection is on some ports only: `✅ TCP 5432`, as CSV keeps them and `mesh.connectivityTable` reads them),
    /// every column padded to its widest cell (emoji count two columns), rows and columns labelled by id.
    public static func markdown(_ matrix: ConnectivityMatrix) -> String {
        let corner = "from / to"
        let header = [corner] + matrix.columns
        let body = zip(matrix.rows, matrix.cellRows).map { [$0.0] + $0.1.map(markdownCell) }
        var widths = header.map(displayWidth)
        widths[0] = max(widths[0], 2)
        for index in 1..<widths.count { widths[index] = max(widths[index], 3) }
        for row in body {
            // A bare mark (three bytes) never widens a column; labels and cells with ports may.
            for (index, text) in row.enumerated() where text.utf8.count > 4 || index == 0 {
                widths[index] = max(widths[index], displayWidth(text))
            }
        }
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 3 * widths.count + 2) * (body.count + 2) * 2)
        // Most cells hold one of three marks: pad each once per column width.
        var paddedMarks: [Int: [String: String]] = [:]
        func cellText(_ text: String, _ index: Int) -> String {
            if index == 0 { return padded(text, to: widths[0], centred: false) }
            if let cached = paddedMarks[widths[index]]?[text] { return cached }
            let result = padded(text, to: widths[index], centred: true)
            paddedMarks[widths[index], default: [:]][text] = result
            return result
        }
        func line(_ texts: [String]) {
            out += "|"
            for (index, text) in texts.enumerated() {
                out += " "
                out += cellText(text, index)
                out += " |"
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
