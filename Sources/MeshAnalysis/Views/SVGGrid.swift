/// A grid picture as a standalone SVG: a title and subtitle, sources down the left, destinations across the top
/// (labels slanted so 60 columns stay readable), one cell per pair with a fill, a glyph and its text (ports), and a
/// compact legend. The matrix and diff pictures are drawn with it; sizes follow the text, so a column is as wide as
/// its widest cell and nothing is left empty.
public struct SVGGrid: Sendable {
    /// How a kind of cell looks: a fill from a colour-blind-safe palette (Okabe–Ito), a glyph, the text colour.
    public struct Style: Sendable, Hashable {
        public var fill: String
        public var ink: String
        public var glyph: String
        /// Its legend entry.
        public var meaning: String

        public init(fill: String, ink: String, glyph: String, meaning: String) {
            self.fill = fill
            self.ink = ink
            self.glyph = glyph
            self.meaning = meaning
        }
    }

    /// A row or column label, coloured by the kind of endpoint.
    public struct Label: Sendable {
        public var text: String
        public var colour: String

        public init(_ text: String, colour: String = "#000000") {
            self.text = text
            self.colour = colour
        }
    }

    /// One cell: its style, the text after the glyph (ports; may be empty), the hover text.
    public struct Cell: Sendable {
        public var style: Style
        public var text: String
        public var tip: String

        public init(style: Style, text: String = "", tip: String) {
            self.style = style
            self.text = text
            self.tip = tip
        }
    }

    public var title: String
    public var subtitle: String
    public var rows: [Label]
    public var columns: [Label]
    /// `cells[row][column]`.
    public var cells: [[Cell]]
    /// Cell styles explained in the legend, in this order.
    public var styles: [Style]
    /// Label colours explained in the legend (`component`, `external`, ...), in this order.
    public var kinds: [(meaning: String, colour: String)]

    public init(
        title: String, subtitle: String, rows: [Label], columns: [Label], cells: [[Cell]], styles: [Style],
        kinds: [(meaning: String, colour: String)]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.styles = styles
        self.kinds = kinds
    }

    /// Geometry, in pixels (one font: Helvetica / Arial / a sans-serif).
    private enum Size {
        static let font = 12
        static let small = 10
        /// Approximate advance of one character at `font` and at `small`.
        static let char = 7.0
        static let smallChar = 6.0
        static let rowHeight = 22
        static let minColumn = 28
        static let margin = 12
        /// Longest cell text shown; longer text is cut with … (the whole of it stays in the hover text).
        static let maxCellText = 28
    }

    private static func width(_ text: String, _ char: Double) -> Int { Int((Double(displayWidth(text)) * char).rounded(.up)) }

    static func shortened(_ text: String) -> String {
        text.count <= Size.maxCellText ? text : String(text.prefix(Size.maxCellText - 1)) + "…"
    }

    /// The picture.
    public func render() -> String {
        let cellTexts = cells.map { $0.map { Self.shortened(($0.style.glyph + " " + $0.text).trimmingSpaces) } }
        var columnWidths = columns.map { _ in Size.minColumn }
        for row in cellTexts {
            for (index, text) in row.enumerated() where index < columnWidths.count {
                columnWidths[index] = max(columnWidths[index], Self.width(text, Size.smallChar) + 10)
            }
        }
        var columnX: [Int] = []
        let labelWidth = max(rows.map { Self.width($0.text, Size.char) }.max() ?? 0, Self.width("from ↓  to →", Size.char)) + Size.margin
        let left = Size.margin + labelWidth
        var x = left
        for width in columnWidths {
            columnX.append(x)
            x += width
        }
        let gridWidth = x - left
        let slant = 0.71
        let headerHeight = Int(Double(columns.map { Self.width($0.text, Size.char) }.max() ?? 0) * slant) + Size.margin + 6
        let titleHeight = subtitle.isEmpty ? 34 : 52
        let top = titleHeight + headerHeight
        let gridBottom = top + rows.count * Size.rowHeight
        // Slanted labels reach past the grid's right edge by up to their width × cos 45°.
        var right = left + gridWidth
        for (index, column) in columns.enumerated() {
            let centre = columnX[index] + columnWidths[index] / 2
            right = max(right, centre + Int(Double(Self.width(column.text, Size.char)) * slant) + 4)
        }
        let legend = legendItems()
        var legendLines: [[(width: Int, svg: (Int, Int) -> String)]] = [[]]
        var lineWidth = 0
        let legendLimit = max(right - Size.margin, 520)
        for item in legend {
            if lineWidth + item.width > legendLimit, !legendLines[legendLines.count - 1].isEmpty {
                legendLines.append([])
                lineWidth = 0
            }
            legendLines[legendLines.count - 1].append(item)
            lineWidth += item.width
        }
        let legendTop = gridBottom + Size.margin + 4
        let width = max(right, Size.margin + Self.width(title, 9), Size.margin + Self.width(subtitle, Size.char),
                        Size.margin + legendLines.map { $0.reduce(0) { $0 + $1.width } }.max()!) + Size.margin
        let height = legendTop + legendLines.count * 20 + Size.margin
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        out += "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(Size.font)\">\n"
        out += "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(Size.margin)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(MatrixView.xml(title))</text>\n"
        if !subtitle.isEmpty {
            out += "  <text x=\"\(Size.margin)\" y=\"42\" fill=\"#555555\">\(MatrixView.xml(subtitle))</text>\n"
        }
        out += "  <text x=\"\(left - 6)\" y=\"\(top - 6)\" text-anchor=\"end\" fill=\"#666666\">from ↓  to →</text>\n"
        for (index, column) in columns.enumerated() {
            let cx = columnX[index] + columnWidths[index] / 2
            out += "  <text x=\"\(cx)\" y=\"\(top - 6)\" transform=\"rotate(-45 \(cx) \(top - 6))\" fill=\"\(column.colour)\">"
            out += MatrixView.xml(column.text) + "</text>\n"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowIndex * Size.rowHeight
            if rowIndex % 2 == 1 {
                out += "  <rect x=\"\(Size.margin)\" y=\"\(y)\" width=\"\(labelWidth + gridWidth)\" height=\"\(Size.rowHeight)\" fill=\"#f5f5f5\"/>\n"
            }
            out += "  <text x=\"\(left - 6)\" y=\"\(y + Size.rowHeight / 2 + Size.font / 3)\" text-anchor=\"end\" fill=\"\(row.colour)\">"
            out += MatrixView.xml(row.text) + "</text>\n"
            for (columnIndex, cell) in cells[rowIndex].enumerated() where columnIndex < columns.count {
                let cx = columnX[columnIndex]
                out += "  <g><title>\(MatrixView.xml(row.text)) → \(MatrixView.xml(columns[columnIndex].text)): \(MatrixView.xml(cell.tip))</title>"
                out += "<rect x=\"\(cx + 1)\" y=\"\(y + 1)\" width=\"\(columnWidths[columnIndex] - 2)\" height=\"\(Size.rowHeight - 2)\" fill=\"\(cell.style.fill)\"/>"
                let text = cellTexts[rowIndex][columnIndex]
                if !text.isEmpty {
                    out += "<text x=\"\(cx + columnWidths[columnIndex] / 2)\" y=\"\(y + Size.rowHeight / 2 + 4)\" text-anchor=\"middle\" "
                    out += "font-size=\"\(Size.small)\" fill=\"\(cell.style.ink)\">\(MatrixView.xml(text))</text>"
                }
                out += "</g>\n"
            }
        }
        for (lineIndex, line) in legendLines.enumerated() {
            var lx = Size.margin
            for item in line {
                out += item.svg(lx, legendTop + lineIndex * 20)
                lx += item.width
            }
        }
        return out + "</svg>\n"
    }

    /// Legend entries: a swatch with its glyph per style, then a coloured word per kind of endpoint.
    private func legendItems() -> [(width: Int, svg: (Int, Int) -> String)] {
        var items: [(width: Int, svg: (Int, Int) -> String)] = []
        for style in styles {
            let width = 22 + Self.width(style.meaning, Size.char) + 18
            items.append((width, { x, y in
                var out = "  <rect x=\"\(x)\" y=\"\(y)\" width=\"18\" height=\"14\" fill=\"\(style.fill)\" stroke=\"#999999\" stroke-width=\"0.5\"/>"
                if !style.glyph.isEmpty {
                    out += "<text x=\"\(x + 9)\" y=\"\(y + 11)\" text-anchor=\"middle\" font-size=\"\(Size.small)\" fill=\"\(style.ink)\">\(MatrixView.xml(style.glyph))</text>"
                }
                return out + "<text x=\"\(x + 22)\" y=\"\(y + 11)\">\(MatrixView.xml(style.meaning))</text>\n"
            }))
        }
        for (meaning, colour) in kinds {
            let width = Self.width(meaning, Size.char) + 18
            items.append((width, { x, y in
                "  <text x=\"\(x)\" y=\"\(y + 11)\" fill=\"\(colour)\" font-weight=\"bold\">\(MatrixView.xml(meaning))</text>\n"
            }))
        }
        return items
    }
}

extension String {
    /// Without leading and trailing spaces (no Foundation).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
