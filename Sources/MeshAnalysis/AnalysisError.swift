/// Errors of the analysis layer (user input the analysis cannot act on).
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A name given to `explain` that no inventory endpoint has.
    case unknownEndpoint(String, known: [String])

    public var description: String {
        switch self {
        case .unknownEndpoint(let name, let known):
            var text = "unknown endpoint \"\(name)\""
            if let suggestion = closestName(to: name, among: known) { text += " (did you mean \"\(suggestion)\"?)" }
            return text + "; known: " + known.joined(separator: ", ")
        }
    }
}

/// The candidate within edit distance ≤ max(2, length/3) of `name` (closest, then alphabetical), if any.
func closestName(to name: String, among candidates: [String]) -> String? {
    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1.
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
    let target = Array(name)
    let limit = max(2, target.count / 3)
    return candidates.map { ($0, distance(target, Array($0))) }
        .filter { $0.1 <= limit }
        .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
}
