import GoValues

/// Functions that return entries of a map object (``SharedResult/entry``, ``SharedResult/picked``,
/// ``SharedResult/omitted``: Sprig's `get`, `pick`, `omit`) return the entries themselves, not
/// copies, as Go's do: a map taken out or kept is the same map as in the source, so a later
/// change to either is seen through both.
extension Call {
    func callSharing(_ f: TemplateFunction, _ shape: SharedResult) throws(TemplateError) -> Datum {
        let args = try allArguments()
        defer { recycle(args) }
        if let shared = sharedResult(args, shape) { return .boxed(shared) }
        if case .map(let source)? = args.first?.item, let keys = Call.stringArguments(args.dropFirst()) {
            switch shape {
            case .entry where keys.count == 1:
                return .boxed(source[keys[0]] ?? .value(.string("")))
            case .picked:
                var pairs: [(key: String, item: Item)] = []
                for key in keys where !pairs.contains(where: { $0.key == key }) {
                    if let item = source[key] { pairs.append((key, item)) }
                }
                return .boxed(.map(MapObject(pairs: pairs, heap: executor.heap)))
            case .omitted:
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
        if let positions = reference?.traits.mapParameters {
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
            result = structs.isEmpty ? try f(values) : try StructArguments.call(reference?.traits.structArguments, values, structs, ordinary: f) ?? f(values)
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
