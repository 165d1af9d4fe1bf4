import GoValues

/// `get`, `pick` and `omit` on map objects return the entries themselves, not copies, as Go's
/// do: a map taken out with `get` or kept by `pick` is the same map as in the source, so a
/// later `set` or `merge` on either is seen through both.
extension Call {
    static let sharingFunctions: Set<String> = Set(["get", "pick", "omit"]).union(passingFunctions)

    func callSharing(_ f: TemplateFunction) throws(TemplateError) -> Datum {
        let args = try allArguments()
        defer { recycle(args) }
        if let shared = sharedResult(args) { return .boxed(shared) }
        if case .map(let source)? = args.first?.item, let keys = Call.stringArguments(args.dropFirst()) {
            switch name {
            case "get" where keys.count == 1:
                return .boxed(source[keys[0]] ?? .value(.string("")))
            case "pick":
                var pairs: [(key: String, item: Item)] = []
                for key in keys where !pairs.contains(where: { $0.key == key }) {
                    if let item = source[key] { pairs.append((key, item)) }
                }
                return .boxed(.map(MapObject(pairs: pairs, heap: executor.heap)))
            case "omit":
                let omitted = Set(keys)
                var pairs: [(key: String, item: Item)] = []
                for key in source.sortedKeys where !omitted.contains(key) {
                    if let item = source[key] { pairs.append((key, item)) }
                }
                return .boxed(.map(MapObject(pairs: pairs, heap: executor.heap)))
            default:
                break
            }
        }
        // Anything else: the plain function on copies (it reports Go's errors).
        if let positions = MapParameters.table[name] {
            for (index, datum) in args.enumerated() where positions.contains(index) {
                if MapParameters.isNilInterface(datum, node: index < self.args.count ? operand(index) : nil) {
                    throw argumentFailure(MapParameters.message, index: index)
                }
            }
        }
        let values = args.map(\.value)
        var structs: [(index: Int, value: GoStruct)] = []
        for (index, d) in args.enumerated() {
            if case .structure(let s) = d.item { structs.append((index, s)) }
        }
        let result: Value
        do {
            result = structs.isEmpty ? try f(values) : try StructArguments.call(name, values, structs, ordinary: f) ?? f(values)
        } catch {
            throw translate(error, values)
        }
        switch result {
        case .map, .list: return .boxed(Item.value(result).object(in: executor.heap))
        default: return .boxed(.value(result))
        }
    }

    private static func stringArguments(_ args: ArraySlice<Datum>) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(args.count)
        for d in args {
            guard case .value(.string(let s)) = d.item else { return nil }
            out.append(s)
        }
        return out
    }
}
