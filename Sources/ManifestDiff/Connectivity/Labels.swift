/// Labels of a selector or a component, kept sorted by key (byte-wise): cheap to build, compare and hash,
/// where a dictionary per selector costs a hash table (most selectors hold one or two labels).
struct Labels: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    struct Pair: Hashable, Sendable {
        var key: String
        var value: String
    }

    /// Sorted by key; keys are unique.
    private(set) var pairs: [Pair] = []

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    var count: Int { pairs.count }
    var isEmpty: Bool { pairs.isEmpty }
    var first: Pair? { pairs.first }

    /// The value of `key`; setting replaces it or inserts it in key order.
    subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
                return
            }
            guard let newValue else { return }
            let at = pairs.firstIndex { key.utf8.lexicographicallyPrecedes($0.key.utf8) } ?? pairs.count
            pairs.insert(Pair(key: key, value: newValue), at: at)
        }
    }

    func makeIterator() -> IndexingIterator<[Pair]> { pairs.makeIterator() }
}
