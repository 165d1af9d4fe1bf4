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

/// The candidate within edit distance ≤ max(2, length/3) of `name`, closest first.
func closestName(to name: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
    let target = Array(name)
    let limit = max(2, target.count / 3)
    return candidates.map { ($0, distance(target, Array($0))) }
        .filter { $0.1 <= limit }
        .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
}
