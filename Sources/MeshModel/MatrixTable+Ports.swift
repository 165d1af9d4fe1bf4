import Diagnostics

extension MatrixTable {
    /// A cell's verdict and, for ✅ followed by ports (`✅ TCP 5432`, `✅ TCP 80,443, UDP 53`, `✅ TCP 8000-8100`,
    /// `✅ TCP grpc`, `✅ UDP all`), the edge's ports (`nil`: none written, the destination's declared ports apply).
    /// The ports read as `matrix --format markdown` and `csv` write them.
    public static func cellContent(_ cell: Cell, path: String) throws(InputError) -> (verdict: Verdict, ports: [PolicyPort]?) {
        let text = cell.text.unicodeScalars.filter { $0 != "\u{FE0F}" }.map(String.init).joined()
        if let verdict = Verdict(rawValue: text) { return (verdict, nil) }
        let allow = Verdict.allow.rawValue
        guard text.hasPrefix(allow + " ") else {
            throw InputError("a cell must be ✅, ⛔ or N/A (✅ may list ports: ✅ TCP 8081), not \"\(cell.text)\"", at: cell.mark, path: path)
        }
        let spec = text.dropFirst(allow.count + 1)
        var ports: [PolicyPort] = []
        var proto: String?
        for token in spec.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            if ["TCP", "UDP", "SCTP"].contains(token) {
                proto = token
                continue
            }
            guard let current = proto else {
                throw InputError("ports in a cell start with a protocol (✅ TCP 8081), not \"\(token)\"", at: cell.mark, path: path)
            }
            if token == "all" {
                ports.append(PolicyPort(protocol: current))
            } else if let number = Int(token), (1...65535).contains(number) {
                ports.append(PolicyPort(protocol: current, port: .number(number)))
            } else if let dash = token.firstIndex(of: "-"), let low = Int(token[..<dash]), let high = Int(token[token.index(after: dash)...]),
                      1 <= low, low <= high, high <= 65535 {
                ports.append(PolicyPort(protocol: current, port: .number(low), endPort: high == low ? nil : high))
            } else if token.first?.isLetter == true, token.count <= 15 {
                ports.append(PolicyPort(protocol: current, port: .name(token)))
            } else {
                throw InputError("\"\(token)\" is not a port, a range (8000-8100), a port name or all", at: cell.mark, path: path)
            }
        }
        guard !ports.isEmpty else {
            throw InputError("a cell's ports name a protocol and a port (✅ TCP 8081), not \"\(cell.text)\"", at: cell.mark, path: path)
        }
        return (.allow, ports)
    }
}
