import Diagnostics

/// The positions of one release's resources by identity; a resource given twice is an error naming both places.
struct ResourceIndex {
    private(set) var positions: [ResourceID: Int] = [:]

    init(_ documents: [Document], side: String) throws(InputError) {
        positions.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() {
            if let first = positions.updateValue(position, forKey: document.id) {
                let firstPlace = documents[first].mark.map { "\($0)" } ?? "(unknown position)"
                throw InputError(
                    "duplicate resource \(document.id) in the \(side) release (first defined at \(firstPlace))",
                    at: document.mark)
            }
        }
    }
}
