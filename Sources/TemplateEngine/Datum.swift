import GoValues

/// A value during execution, in the three states Go's reflection distinguishes and templates can
/// observe:
/// - `invalid`: no value at all (a pipeline that produced nil; prints `<no value>`);
/// - `boxed`: an `interface{}` holding an item, as map and list elements and function results are
///   (`boxed(.null)` is a nil interface: field access on it is Go's "nil pointer evaluating" error);
/// - `plain`: a concrete item (literals, results of a pipeline stage).
enum Datum {
    case invalid
    case boxed(Item)
    case plain(Item)

    /// The item, `.null` for `invalid`.
    var item: Item {
        switch self {
        case .invalid: return .null
        case .boxed(let i), .plain(let i): return i
        }
    }

    /// A concrete plain value.
    static func plainValue(_ v: Value) -> Datum { .plain(.value(v)) }

    /// The plain data a function receives (`invalid` and nil interfaces are `.null`).
    var value: Value { item.value }

    /// What a pipeline stage passes on: interfaces are opened, nil becomes `invalid`. A struct
    /// taken out of an interface stays marked as such: it is a copy, not addressable, so its
    /// `String()` method (pointer receiver) does not print it.
    var unboxed: Datum {
        switch self {
        case .invalid: return .invalid
        case .boxed(.structure): return self
        case .boxed(let i), .plain(let i): return i.isNull ? .invalid : .plain(i)
        }
    }

    /// ``unboxed``, taking the datum over (no copy of its content).
    consuming func opened() -> Datum {
        switch consume self {
        case .invalid: return .invalid
        case .boxed(let i):
            if case .structure = i { return .boxed(i) }
            return i.isNull ? .invalid : .plain(i)
        case .plain(let i): return i.isNull ? .invalid : .plain(i)
        }
    }

    /// Go's `indirectInterface`: nil interfaces are `invalid`, others their content.
    var indirect: Datum { unboxed }

    /// A value of a named non-struct type (``GoStruct/underlying``) as its underlying value, for
    /// `range`, `len`, `index` and `slice`; anything else as it is.
    var underlyingValue: Datum {
        switch self {
        case .boxed(.structure(let s)), .plain(.structure(let s)):
            if let u = s.underlying { return .plainValue(u) }
            return self
        default: return self
        }
    }

    /// A map of `[]byte` values (``GoStruct/byteEntries``) as the map `range` visits: its values
    /// are byte values, not lists of numbers. Nil for anything else.
    func byteEntriesMap(in heap: Heap) -> Datum? {
        guard case .structure(let s) = item, let entries = s.byteEntries else { return nil }
        let pairs = entries.keys.sorted(by: Value.goLess).map { (key: $0, item: Item.structure(GoStruct(bytes: entries.bytes($0)))) }
        return .plain(.map(MapObject(pairs: pairs, heap: heap)))
    }

    /// Whether the content is a Go struct (``GoStruct``).
    var isStructure: Bool {
        switch self {
        case .boxed(.structure), .plain(.structure): return true
        default: return false
        }
    }

    var isValid: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// The Go type name used in error messages about this datum (`interface {}` for boxed values).
    var typeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .boxed: return "interface {}"
        case .plain(let i): return i.goTypeName
        }
    }

    /// The concrete Go type name of the content (`<nil>` for nothing).
    var unboxedTypeName: String { item.goTypeName }

    /// Go's `isTrue`: false for invalid, nil, zero numbers, false, and empty strings, lists and maps.
    var truth: Bool {
        switch item {
        case .map(let m): return !m.isEmpty
        case .list(let l): return l.count > 0
        case .structure(let s):
            // Byte maps and byte slices by their lengths, without making their underlying values.
            if let entries = s.byteEntries { return !entries.keys.isEmpty }
            if let bytes = s.bytes { return !bytes.isEmpty }
            return s.underlying.map { Datum.plainValue($0).truth } ?? true
        case .value(let v):
            switch v {
            case .null: return false
            case .bool(let b): return b
            case .int(let i), .int64(let i): return i != 0
            case .float(let f): return f != 0
            case .string(let s): return !s.isEmpty
            case .list(let l): return !l.isEmpty
            case .nilList: return false
            case .map(let m): return !m.isEmpty
            }
        }
    }
}
