extension Inventory {
    /// The index of an endpoint by name, accepting `outside-world` and the ids of `anywhere` externals (the piece of
    /// the outside world holding a public address) and `unrelated` (`*/*`) as aliases.
    public func index(resolving name: String) -> Int? {
        if let index = index(named: name) { return index }
        if anywhereIDs.contains(name) { return outsideWorldIndex }
        switch name {
        case "outside-world", "outside", "world", "(outside world)": return outsideWorldIndex
        case "unrelated", "(unrelated namespace)": return index(named: Inventory.unrelatedName)
        default: return nil
        }
    }
}
