import YAMLCore

/// The resources of one release by identity; a resource given twice is an error naming both places.
struct ResourceIndex {
    private(set) var documents: [ResourceID: Document] = [:]

    init(_ documents: [Document], side: String) throws(InputError) {
        self.documents.reserveCapacity(documents.count)
        for document in documents {
            if let first = self.documents[document.id] {
                let firstPlace = first.mark.map { "\($0)" } ?? "(unknown position)"
                throw InputError(
                    "duplicate resource \(document.id) in the \(side) release (first defined at \(firstPlace))",
                    at: document.mark)
            }
            self.documents[document.id] = document
        }
    }
}
