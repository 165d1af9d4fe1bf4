extension MatrixView {
    /// The matrix as CSV (RFC 4180): a header `from / to,<columns>`, then one line per source; a cell is `N/A`,
    /// `denied`, or the allowed ports (`all`, `TCP 8081`, `"TCP 53, UDP 53"`).
    public static func csv(_ matrix: ConnectivityMatrix) -> String {
        collected { csv(matrix, into: $0) }
    }

    /// The CSV of ``csv(_:)`` handed to `write` piece by piece, a row at a time (see
    /// ``ConnectivityMatrix/forEachRow(_:)``).
    public static func csv(_ matrix: ConnectivityMatrix, into write: (Substring) -> Void) {
        var out = (["from / to"] + matrix.columns).map(csvField).joined(separator: ",") + "\n"
        matrix.forEachRow { row, cells in
            out += csvField(row)
            for cell in cells {
                out += ","
                switch cell {
                case .denied: out += "denied"
                case .notApplicable: out += "N/A"
                case .allowed: out += csvField(cellText(cell))
                }
            }
            out += "\n"
            flush(&out, write)
        }
        write(out[...])
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
