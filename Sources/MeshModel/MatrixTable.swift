import Diagnostics

/// The connectivity matrix as a Markdown table, in the form of Vald's network-policy guide:
///
///     | from / to      | agent | discoverer | kube-system |
///     | :------------- | :---: | :--------: | :---------: |
///     | lb gateway     |  ✅   |     ✅     |     ✅      |
///
/// Rows are sources, columns destinations; a cell is ✅ (allowed, optionally with the edge's ports: `✅ TCP 8081`),
/// ⛔ (denied) or N/A. Headers are ids, or
/// ids with spaces instead of dashes. This type only reads and writes the text; `MeshSpec.load` resolves the
/// headers against the mesh's ids.
public struct MatrixTable: Sendable, Equatable {
    public enum Verdict: String, Sendable, Equatable {
        case allow = "✅"
        case deny = "⛔"
        case notApplicable = "N/A"
    }

    /// A piece of text in the table with the position it was written at.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var mark: Mark?
    }

    public struct Row: Sendable, Equatable {
        /// The row header (the source).
        public var header: Cell
        /// One verdict per column, with its cell.
        public var cells: [(verdict: Verdict, cell: Cell)]

        public static func == (a: Row, b: Row) -> Bool {
            a.header == b.header && a.cells.map(\.verdict) == b.cells.map(\.verdict) && a.cells.map(\.cell) == b.cells.map(\.cell)
        }
    }

    /// The column headers (destinations), without the corner cell.
    public var columns: [Cell]
    public var rows: [Row]

    public init(columns: [Cell], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    /// The id a header stands for: trimmed, with spaces turned into dashes (`filter gateway` → `filter-gateway`).
    public static func id(forHeader header: String) -> String {
        String(header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: "-"))
    }

    /// The header written for an id (`filter-gateway` → `filter gateway`); `kube-system` stays as it is.
    public static func header(forID id: String) -> String {
        id == "kube-system" ? id : String(id.map { $0 == "-" ? " " : $0 })
    }

    /// Reads a table from `markdown`. Positions are computed from `origin` (the mark of the text's first
    /// character; `nil`: no positions) — line by line, with `column` as the column of every line's first
    /// character. Blank lines are skipped; every other line must be a table row (`| ... |`).
    ///
    /// - Parameter path: the values path put on errors (`mesh.connectivityTable`).
    public static func parse(_ markdown: String, origin: Mark?, path: String) throws(InputError) -> MatrixTable {
        var lines: [(number: Int, cells: [Cell])] = []
        var lineNumber = 0
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let lineMark = origin.map { Mark(file: $0.file, line: $0.line + lineNumber, column: $0.column) }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append((lineNumber, try splitRow(line, lineMark: lineMark, path: path)))
        }
        guard lines.count >= 2 else {
            throw InputError("a matrix table needs a header row, a separator row and rows of ✅ / ⛔ / N/A", at: origin, path: path)
        }
        let header = lines[0].cells
        guard header.count >= 2 else {
            throw InputError("the header row needs a corner cell and at least one destination", at: header.first?.mark ?? origin, path: path)
        }
        let separator = lines[1].cells
        guard separator.count == header.count, separator.allSatisfy({ isSeparatorCell($0.text) }) else {
            throw InputError("the second row must separate the header (| :--- | :---: | ...), one cell per column", at: separator.first?.mark ?? origin, path: path)
        }
        var rows: [Row] = []
        for line in lines.dropFirst(2) {
            guard line.cells.count == header.count else {
                throw InputError(
                    "row has \(line.cells.count) cells, the header has \(header.count)", at: line.cells.first?.mark ?? origin, path: path)
            }
            var cells: [(verdict: Verdict, cell: Cell)] = []
            for cell in line.cells.dropFirst() {
                cells.append((try cellContent(cell, path: path).verdict, cell))
            }
            rows.append(Row(header: line.cells[0], cells: cells))
        }
        return MatrixTable(columns: Array(header.dropFirst()), rows: rows)
    }

    /// Writes the table with padded, centred columns and a `from / to` corner.
    public func render() -> String {
        let corner = "from / to"
        var widths = [max(corner.count, rows.map { MatrixTable.displayWidth($0.header.text) }.max() ?? 0)]
        for column in columns { widths.append(max(3, MatrixTable.displayWidth(column.text))) }
        var out = ""
        func line(_ texts: [String], centred: Bool) {
            out += "|"
            for (i, t) in texts.enumerated() {
                let pad = widths[i] - MatrixTable.displayWidth(t)
                if i == 0 || !centred {
                    out += " " + t + String(repeating: " ", count: pad) + " |"
                } else {
                    let left = pad / 2
                    out += " " + String(repeating: " ", count: left) + t + String(repeating: " ", count: pad - left) + " |"
                }
            }
            out += "\n"
        }
        line([corner] + columns.map(\.text), centred: true)
        out += "|"
        for (i, w) in widths.enumerated() {
            out += i == 0 ? " :" + String(repeating: "-", count: w - 1) + " |" : " :" + String(repeating: "-", count: w - 2) + ": |"
        }
        out += "\n"
        for row in rows { line([row.header.text] + row.cells.map { $0.verdict.rawValue }, centred: true) }
        return out
    }

    /// Terminal columns of `text`: emoji such as ✅ and ⛔ take two, variation selectors none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            if scalar == "\u{FE0F}" { return sum }
            return sum + (scalar.properties.isEmojiPresentation ? 2 : 1)
        }
    }

    static func isSeparatorCell(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == ":" { body = body.dropFirst() }
        if body.last == ":" { body = body.dropLast() }
        return !body.isEmpty && body.allSatisfy { $0 == "-" }
    }

    /// The cells of one `| a | b |` line, trimmed, each with its mark (columns count Unicode scalars, as libyaml does).
    static func splitRow(_ line: Substring, lineMark: Mark?, path: String) throws(InputError) -> [Cell] {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        guard start < scalars.count, scalars[start] == "|" else {
            throw InputError("not a table row (rows start with '|')", at: lineMark, path: path)
        }
        var end = scalars.count
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        guard end - start >= 2, scalars[end - 1] == "|" else {
            throw InputError("not a table row (rows end with '|')", at: lineMark.map { shifted($0, by: end) }, path: path)
        }
        var cells: [Cell] = []
        var i = start + 1
        while i < end {
            var j = i
            while j < end - 1, scalars[j] != "|" { j += 1 }
            var a = i
            var b = j
            while a < b, scalars[a] == " " || scalars[a] == "\t" { a += 1 }
            while b > a, scalars[b - 1] == " " || scalars[b - 1] == "\t" { b -= 1 }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[a..<b])
            cells.append(Cell(text: String(text), mark: lineMark.map { shifted($0, by: a) }))
            i = j + 1
        }
        return cells
    }

    static func shifted(_ mark: Mark, by columns: Int) -> Mark {
        Mark(file: mark.file, line: mark.line, column: mark.column + columns)
    }
}

extension MatrixTable {
    /// Reads a table kept in its own file (`file` names it in errors; positions are exact).
    public static func parse(_ markdown: String, file: String) throws(InputError) -> MatrixTable {
        try parse(markdown, origin: Mark(file: file, line: 1, column: 1), path: "")
    }
}

extension MeshSpec {
    /// This mesh with the edges of `table` added (the same rules as `mesh.connectivityTable`: ids resolved
    /// with suggestions, no self-edges, no duplicates of existing edges, the kube-system column setting
    /// kube-system egress).
    public func adding(_ table: MatrixTable, path: String = "") throws(InputError) -> MeshSpec {
        var loader = MeshLoader(releaseNamespace: namespace)
        loader.spec = self
        for (i, c) in components.enumerated() { loader.componentIndex[c.id] = i }
        for (i, e) in externals.enumerated() { loader.externalIndex[e.id] = i }
        for edge in edges { loader.edgeMarks[MeshLoader.EdgeKey(from: edge.from, to: edge.to)] = .some(nil) }
        try loader.apply(table, path: path)
        return try loader.finish(namespace)
    }
}
