import GoValues

/// Functions that return maps and lists they were given, or lists of them, without copying them in
/// Go (``FunctionRole/sharesArguments(_:)``: Sprig's `dig`, `default`, `coalesce`, `first`,
/// `list`, `append`, ...). Here too their results hold the objects themselves, so a later `set` on
/// either side is seen through both (`set (dig "a" dict $c) "b" 2` changes `$c`; `list $a`
/// sees a later `set $a`).
///
/// Each is computed over the argument items when the arguments have the shapes the function
/// expects; anything else (errors included) is left to the plain function over copies.
extension Call {
    /// The result built from the argument items, or nil to call the plain function.
    func sharedResult(_ args: [Datum], _ shape: SharedResult) -> Item? {
        let heap = executor.heap
        func list(_ items: [Item]) -> Item { .list(ListObject(items: items, heap: heap)) }
        switch shape {
        case .listOfArguments:
            return list(args.map(\.item))
        case .element(let last):
            guard args.count == 1 else { return nil }
            if case .list(let l) = args[0].item {
                // One element reached, not all of them.
                if l.count == 0 { return .null }
                return l[last ? l.count - 1 : 0]
            }
            guard let l = Self.elements(args[0].item) else { return nil }
            return (last ? l.last : l.first) ?? .null
        case .dropping(let last):
            guard args.count == 1, let l = Self.elements(args[0].item), !l.isEmpty else { return nil }
            return list(last ? Array(l.dropLast()) : Array(l.dropFirst()))
        case .adding(let atFront):
            guard args.count == 2, let l = Self.elements(args[0].item) else { return nil }
            return list(atFront ? [args[1].item] + l : l + [args[1].item])
        case .reversed:
            guard args.count == 1, let l = Self.elements(args[0].item) else { return nil }
            return list(l.reversed())
        case .compacted:
            guard args.count == 1, let l = Self.elements(args[0].item) else { return nil }
            return list(l.filter { !Self.isEmpty($0) })
        case .unique:
            guard args.count == 1, let l = Self.elements(args[0].item) else { return nil }
            var seen: [Value] = []
            var out: [Item] = []
            for item in l {
                let v = item.value
                if seen.contains(v) { continue }
                seen.append(v)
                out.append(item)
            }
            return list(out)
        case .without:
            guard args.count >= 1, let l = Self.elements(args[0].item) else { return nil }
            let omitted = args.dropFirst().map(\.value)
            return list(l.filter { !omitted.contains($0.value) })
        case .concatenated:
            var out: [Item] = []
            for a in args {
                guard let l = Self.elements(a.item) else { return nil }
                out += l
            }
            return out.isEmpty ? nil : list(out)  // nothing at all is Go's nil list
        case .sliced:
            // Sprig slices nothing out of an empty list: its result is nil.
            guard (1...3).contains(args.count), let l = Self.elements(args[0].item), !l.isEmpty else { return nil }
            var bounds: [Int] = []
            for a in args.dropFirst() {
                guard let n = a.item.integer else { return nil }
                bounds.append(Int(truncatingIfNeeded: n))
            }
            let start = bounds.first ?? 0, end = bounds.count > 1 ? bounds[1] : l.count
            guard 0 <= start, start <= end, end <= l.count else { return nil }
            return list(Array(l[start..<end]))
        case .defaultValue:
            guard !args.isEmpty else { return nil }
            if args.count < 2 || Self.isEmpty(args[1].item) { return args[0].item }
            return args[1].item
        case .firstNonEmpty:
            return args.first { !Self.isEmpty($0.item) }?.item ?? .null
        case .ternary:
            guard args.count == 3, case .value(.bool(let condition)) = args[2].item else { return nil }
            return condition ? args[0].item : args[1].item
        case .dig:
            return dig(args)
        case .pluck:
            guard !args.isEmpty, case .value(.string(let key)) = args[0].item else { return nil }
            var out: [Item] = []
            for a in args.dropFirst() {
                switch a.item {
                case .map(let m): if let item = m[key] { out.append(item) }
                case .value(.map(let m)): if let v = m[key] { out.append(.value(v)) }
                default: return nil
                }
            }
            return list(out)
        case .mapValues:
            guard args.count == 1, case .map(let m) = args[0].item else { return nil }
            return list(m.sortedKeys.compactMap { m[$0] })
        case .entry, .picked, .omitted:
            return nil
        }
    }

    /// `dig KEY... DEFAULT MAP`: the entry itself, or the default; nil where the plain function
    /// reports an error.
    private func dig(_ args: [Datum]) -> Item? {
        guard args.count >= 3 else { return nil }
        var current = args[args.count - 1].item
        let fallback = args[args.count - 2].item
        var keys: [String] = []
        for a in args[0..<(args.count - 2)] {
            guard case .value(.string(let key)) = a.item else { return nil }
            keys.append(key)
        }
        for key in keys {
            let step: Item?
            switch current {
            case .map(let m): step = m[key]
            case .value(.map(let m)): step = m[key].map(Item.value)
            default: return nil
            }
            guard let step else { return fallback }
            current = step
        }
        return current
    }

    /// The elements of a list item (objects keep their identity); nil for other kinds and for
    /// Go's nil list, whose results (nil or not) the plain functions know.
    static func elements(_ item: Item) -> [Item]? {
        switch item {
        case .list(let l): return (0..<l.count).map { l[$0] }
        case .value(.list(let l)): return l.map(Item.value)
        case .value: return nil
        case .map, .structure: return nil
        }
    }

    /// Sprig's `empty` without copying objects (a struct is never empty).
    static func isEmpty(_ item: Item) -> Bool {
        switch item {
        case .map(let m): return m.isEmpty
        case .list(let l): return l.count == 0
        case .structure: return false
        case .value(let v): return GoTypes.isEmpty(v)
        }
    }
}
