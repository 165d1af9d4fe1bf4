extension MatrixView {
    /// Geometry of the SVG grid.
    private enum Grid {
        static let cell = 22
        static let font = 12
        /// Approximate advance of one character at `font` size.
        static let charWidth = 7
        static let margin = 10
    }

    /// The matrix as a standalone SVG grid: sources down the left, destinations across the top (labels slanted so
    /// 50+ columns stay readable), a coloured square per cell (green: every port; light green: some ports, listed
    /// in the cell's tooltip; red: denied; grey: N/A), and a legend.
    public static func svg(_ matrix: ConnectivityMatrix) -> String {
        let cell = Grid.cell
        let labelWidth = max(matrix.rows.map(\.count).max() ?? 0, "from ↓ to →".count) * Grid.charWidth + Grid.margin
        let headerHeight = Int(Double((matrix.columns.map(\.count).max() ?? 0) * Grid.charWidth) * 0.71) + 2 * Grid.margin + cell / 2
        let left = Grid.margin + labelWidth
        let top = Grid.margin + headerHeight
        let gridWidth = matrix.columns.count * cell
        let legendTop = top + matrix.rows.count * cell + Grid.margin * 2
        let legendWidth = legend.reduce(Grid.margin) { $0 + cell + $1.1.count * Grid.charWidth + Grid.margin * 2 }
        let width = max(left + gridWidth + headerHeight + Grid.margin, legendWidth)
        let height = legendTop + cell + Grid.margin
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        out += "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(Grid.font)\">\n"
        out += "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(left - 6)\" y=\"\(top - 6)\" text-anchor=\"end\" fill=\"#666666\">from ↓ to →</text>\n"
        // Column labels, slanted 45° up to the right from the top of each column.
        for (index, column) in matrix.columns.enumerated() {
            let x = left + index * cell + cell / 2
            out += "  <text x=\"\(x)\" y=\"\(top - 6)\" transform=\"rotate(-45 \(x) \(top - 6))\">\(xml(column))</text>\n"
        }
        for (rowIndex, (row, cells)) in zip(matrix.rows, matrix.cellRows).enumerated() {
            let y = top + rowIndex * cell
            if rowIndex % 2 == 1 {
                out += "  <rect x=\"\(Grid.margin)\" y=\"\(y)\" width=\"\(labelWidth + gridWidth)\" height=\"\(cell)\" fill=\"#f3f3f3\"/>\n"
            }
            out += "  <text x=\"\(left - 6)\" y=\"\(y + cell / 2 + Grid.font / 3)\" text-anchor=\"end\">\(xml(row))</text>\n"
            for (columnIndex, value) in cells.enumerated() {
                let x = left + columnIndex * cell
                let (fill, tip) = style(value)
                out += "  <rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\">"
                out += "<title>\(xml(row)) → \(xml(matrix.columns[columnIndex])): \(xml(tip))</title></rect>\n"
            }
        }
        var x = Grid.margin
        for (fill, text) in legend {
            out += "  <rect x=\"\(x)\" y=\"\(legendTop)\" width=\"\(cell - 6)\" height=\"\(cell - 6)\" fill=\"\(fill)\"/>\n"
            out += "  <text x=\"\(x + cell)\" y=\"\(legendTop + cell / 2 + 1)\">\(xml(text))</text>\n"
            x += cell + text.count * Grid.charWidth + Grid.margin * 2
        }
        return out + "</svg>\n"
    }

    private static let legend: [(String, String)] = [
        (allColour, "allowed (all ports)"), (someColour, "allowed (some ports)"), (deniedColour, "denied"), (naColour, "N/A"),
    ]
    private static let allColour = "#2e9e44", someColour = "#9fd8a8", deniedColour = "#f3d3d5", naColour = "#bdbdbd"

    private static func style(_ cell: ConnectivityMatrix.Cell) -> (String, String) {
        switch cell {
        case .allowed(let ports): return (ports.isAll ? allColour : someColour, "allowed \(ports)")
        case .denied: return (deniedColour, "denied")
        case .notApplicable: return (naColour, "N/A")
        }
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(char)
            }
        }
        return out
    }
}
