extension MatrixView {
    /// The matrix as CSV (RFC 4180): a header `from / to,<columns>`, then one line per source; a cell is `N/A`,
    /// `denied`, or the allowed ports (`all`, `TCP 8081`, `"TCP 53, UDP 53"`).
    public static func csv(_ matrix: ConnectivityMatrix) -> String {
        var out = (["from / to"] + matrix.columns).map(csvField).joined(separator: ",") + "\n"
        for (row, cells) in zip(matrix.rows, matrix.cells) {
            out += ([row] + cells.map(cellText)).map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `N/A`, `denied` or the ports.
    static func cellText(_ cell: ConnectivityMatrix.Cell) -> String {
        switch cell {
        case .allowed(let ports): return ports.description
        case .denied: return "denied"
        case .notApplicable: return "N/A"
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for char in self {
            if char == target { out += replacement } else { out.append(char) }
        }
        return out
    }
}
