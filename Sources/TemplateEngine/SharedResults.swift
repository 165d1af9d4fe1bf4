import GoValues

/// Functions that return maps and lists they were given, or lists of them, without copying them in
/// Go: `dig`, `default`, `coalesce`, `ternary`, `first`, `last`, `pluck`, `values`, `list`,
/// `append`, `rest`, ... Here too their results hold the objects themselves, so a later `set` on
/// either side is seen through both (`set (dig "a" dict $c) "b" 2` changes `$c`; `list $a`
/// sees a later `set $a`).
///
/// Each is computed over the argument items when the arguments have the shapes the function
/// expects; anything else (errors included) is left to the plain function over copies.
extension Call {
    static let passingFunctions: Set<String> = [
        "list", "tuple", "first", "mustFirst", "last", "mustLast", "rest", "mustRest", "initial", "mustInitial",
        "append", "push", "mustAppend", "mustPush", "prepend", "mustPrepend", "reverse", "mustReverse",
        "compact", "mustCompact", "uniq", "mustUniq", "without", "mustWithout", "concat", "slice", "mustSlice",
        "default", "coalesce", "ternary", "dig", "pluck", "values",
    ]

    /// The result built from the argument items, or nil to call the plain function.
    func sharedResult(_ args: [Datum]) -> Item? {
        let heap = executor.heap
        func list(_ items: [Item]) -> Item { .list(ListObject(items: items, heap: heap)) }
        switch name {
        case "list", "tuple":
            return list(args.map(\.item))
        case "first", "mustFirst", "last", "mustLast":
            guard args.count == 1 else { return nil }
            if case .list(let l) = args[0].item {
                // One element reached, not all of them.
                if l.count == 0 { return .null }
                return l[name.hasSuffix("irst") ? 0 : l.count - 1]
            }
            guard let l = Self.elements(args[0].item) else { return nil }
            return (name.hasSuffix("irst") ? l.first : l.last) ?? .null
        case "rest", "mustRest", "initial", "mustInitial":
            guard args.count == 1, let l = Self.elements(args[0].item), !l.isEmpty else { return nil }
            return list(name.hasSuffix("est") ? Array(l.dropFirst()) : Array(l.dropLast()))
        case "append", "push", "mustAppend", "mustPush", "prepend", "mustPrepend":
            guard args.count == 2, let l = Self.elements(args[0].item) else { return nil }
            return list(name.hasSuffix("repend") ? [args[1].item] + l : l + [args[1].item])
        case "reverse", "mustReverse":
            guard args.count == 1, let l = Self.elements(args[0].item) else { return nil }
            return list(l.reversed())
        case "compact", "mustCompact":
            guard args.count == 1, let l = Self.elements(args[0].item) else { return nil }
            return list(l.filter { !Self.isEmpty($0) })
        case "uniq", "mustUniq":
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
        case "without", "mustWithout":
            guard args.count >= 1, let l = Self.elements(args[0].item) else { return nil }
            let omitted = args.dropFirst().map(\.value)
            return list(l.filter { !omitted.contains($0.value) })
        case "concat":
            var out: [Item] = []
            for a in args {
                guard let l = Self.elements(a.item) else { return nil }
                out += l
            }
            return out.isEmpty ? nil : list(out)  // nothing at all is Go's nil list
        case "slice", "mustSlice":
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
        case "default":
            guard !args.isEmpty else { return nil }
            if args.count < 2 || Self.isEmpty(args[1].item) { return args[0].item }
            return args[1].item
        case "coalesce":
            return args.first { !Self.isEmpty($0.item) }?.item ?? .null
        case "ternary":
            guard args.count == 3, case .value(.bool(let condition)) = args[2].item else { return nil }
            return condition ? args[0].item : args[1].item
        case "dig":
            return dig(args)
        case "pluck":
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
        case "values":
            guard args.count == 1, case .map(let m) = args[0].item else { return nil }
            return list(m.sortedKeys.compactMap { m[$0] })
        default:
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
