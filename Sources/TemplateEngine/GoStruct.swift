import GoValues

/// A value of a Go struct type that data hands to templates, such as Helm's `.Capabilities`:
/// fields in declaration order, the type name `%T` and `typeOf` print, the JSON keys `toJson`
/// writes, methods without arguments, and the text of a `String()` method.
///
/// Templates read exported fields and methods (`.KubeVersion.GitVersion`); printing follows Go's
/// `fmt`: `{f1 f2 ...}` with every field (unexported ones too), `{Name:f1 ...}` for `%+v`, and
/// `&{...}` for a pointer passed to a function. A `String()` method with a pointer receiver is
/// used only where the template prints the field itself (`{{ .Capabilities.KubeVersion }}`),
/// since only there is the field addressable. Serialisation uses the JSON keys in declaration
/// order; other functions see the struct as the map `toJson` would decode to (``jsonView``).
///
/// ```swift
/// let version = GoStruct(typeName: "common.KubeVersion", fields: [
///     .init("Version", .string("v1.35.0")), .init("Major", .string("1")), .init("Minor", .string("35")),
/// ], stringer: "v1.35.0")
/// set.structs = ["Version": version]  // {{ .Version }} prints v1.35.0
/// ```
public final class GoStruct: Sendable {
    /// A field's content: plain data or another struct.
    public enum Content: Sendable {
        case value(Value)
        case structure(GoStruct)
    }

    /// One field. Unexported fields (lower-case names) are printed but neither readable from
    /// templates nor serialised.
    public struct Field: Sendable {
        public let name: String
        public let content: Content
        /// The key `encoding/json` writes (the name unless a tag renames it); nil when not written.
        public let jsonKey: String?

        public init(_ name: String, _ value: Value, jsonKey: String? = nil) {
            self.init(name, content: .value(value), jsonKey: jsonKey)
        }

        public init(_ name: String, content: Content, jsonKey: String? = nil) {
            self.name = name
            self.content = content
            let exported = name.first.map { $0.isUppercase } ?? false
            self.jsonKey = exported ? (jsonKey ?? name) : nil
        }

        var isExported: Bool { jsonKey != nil }
    }

    /// The Go type as `%T` prints it (`common.KubeVersion`; `*common.Capabilities` for a pointer).
    public let typeName: String
    /// Whether the value is a pointer to the struct (kind `ptr`, printed `&{...}` by functions).
    public let isPointer: Bool
    public let fields: [Field]
    /// Methods without arguments, by name, with their results (`GitVersion`).
    public let methods: [String: Value]
    /// The result of a `String()` method with a pointer receiver, if the type has one.
    public let stringer: String?
    /// The result of a `String()` method with a value receiver (`time.Time`'s): `fmt` prints it
    /// wherever the struct is printed with `%v` or `%s`.
    public let valueStringer: String?
    /// What `encoding/json` writes for the struct when its type has a `MarshalJSON` method
    /// (`time.Time`: its RFC 3339 text), in place of the fields.
    public var marshaled: Value? {
        switch marshaledData {
        case .deferred(let d)?: return d.value
        case .ready(let v)?: return v
        case nil: return nil
        }
    }
    /// The instant, for a `time.Time` made by the date functions.
    let time: GoTime?
    /// What `deepCopy` makes of the value when its unexported state is not plain fields (a
    /// `*semver.Version` copies as the zero version); nil for the generic rule of ``deepCopied``.
    let zeroCopy: GoStruct?
    /// For a named type that is not a struct (Helm's `common.VersionSet`, a `[]string`): its
    /// value, which templates range over, index, measure and print as that value.
    public var underlying: Value? {
        switch underlyingData {
        case .deferred(let d)?: return d.value
        case .ready(let v)?: return v
        case nil: return nil
        }
    }

    /// Whether the type is a named non-struct type (``underlying`` is not nil), without making it.
    public var hasUnderlying: Bool { underlyingData != nil }

    /// Data given as it is or made when first read (``DeferredValue``).
    private enum Data: Sendable {
        case ready(Value)
        case deferred(DeferredValue)
    }

    private let underlyingData: Data?
    private let marshaledData: Data?
    /// Methods that take arguments, by name: given the arguments' data, they return data or a
    /// struct, or throw a ``FunctionError`` (reported as Go reports a method's failure).
    public let callables: [String: Callable]

    public typealias Callable = @Sendable ([Value]) throws -> Content

    /// For a Go `[]byte` (``init(bytes:)``): its bytes.
    public let bytes: [UInt8]?
    /// For a map whose values are `[]byte` (Helm's `engine.files`): the entries, which `range`
    /// visits as byte values.
    public let byteEntries: ByteEntries?

    public init(
        typeName: String, isPointer: Bool = false, fields: [Field], methods: [String: Value] = [:], stringer: String? = nil,
        valueStringer: String? = nil, marshaled: Value? = nil, zeroCopy: GoStruct? = nil
    ) {
        self.typeName = typeName
        self.isPointer = isPointer
        self.fields = fields
        var methods = methods
        if let stringer = stringer ?? valueStringer, methods["String"] == nil { methods["String"] = .string(stringer) }
        self.methods = methods
        self.stringer = stringer
        self.valueStringer = valueStringer
        self.marshaledData = marshaled.map(Data.ready)
        self.time = nil
        self.underlyingData = nil
        self.zeroCopy = zeroCopy
        self.callables = [:]
        self.bytes = nil
        self.byteEntries = nil
    }

    /// A value of the named type `typeName` whose underlying type is not a struct (a list, map,
    /// string, ...), with the methods templates call without arguments. Methods with arguments
    /// are `callables` (Helm's `.Files.Get "name"`), else the set's ``TemplateSet/methods``, called
    /// with `underlying` as the receiver.
    ///
    /// With `byteEntries` (a map of `[]byte` values), `range` visits those entries as byte values.
    public convenience init(
        typeName: String, underlying: Value, methods: [String: Value] = [:], byteEntries: ByteEntries? = nil,
        callables: [String: Callable] = [:]
    ) {
        self.init(typeName: typeName, underlyingData: .ready(underlying), methods: methods, byteEntries: byteEntries, callables: callables)
    }

    /// A value of a named non-struct type whose underlying value `underlying` makes when it is
    /// first needed (printing, `len`, `index`, serialising); methods and callables need no value.
    public convenience init(
        typeName: String, deferredUnderlying underlying: @escaping @Sendable () -> Value, methods: [String: Value] = [:],
        byteEntries: ByteEntries? = nil, callables: [String: Callable] = [:]
    ) {
        self.init(
            typeName: typeName, underlyingData: .deferred(DeferredValue(underlying)), methods: methods, byteEntries: byteEntries,
            callables: callables)
    }

    private init(
        typeName: String, underlyingData: Data, methods: [String: Value], byteEntries: ByteEntries?,
        callables: [String: Callable]
    ) {
        self.typeName = typeName
        self.isPointer = false
        self.fields = []
        self.methods = methods
        self.stringer = nil
        self.valueStringer = nil
        self.marshaledData = underlyingData
        self.time = nil
        self.underlyingData = underlyingData
        self.zeroCopy = nil
        self.callables = callables
        self.bytes = nil
        self.byteEntries = byteEntries
    }

    /// A Go `[]byte` (`.Files.GetBytes`): its numbers where Go prints them (`{{ $b }}`, `%v`,
    /// `%d`, `range`, `index`, `len`), its text for `%s`, `%q`, `toString` and `quote`, hex for
    /// `%x`, and base64 for `toJson` and `toYaml`, as `encoding/json` writes it.
    public init(bytes: [UInt8]) {
        self.typeName = "[]uint8"
        self.isPointer = false
        self.fields = []
        self.methods = [:]
        self.stringer = nil
        self.valueStringer = nil
        self.marshaledData = .deferred(DeferredValue { .string(Base64.encode(bytes)) })
        self.time = nil
        self.underlyingData = .deferred(DeferredValue { .list(bytes.map { .int(Int64($0)) }) })
        self.zeroCopy = nil
        self.callables = [:]
        self.bytes = bytes
        self.byteEntries = nil
    }

    /// The text of a `[]byte` (`string(b)` in Go).
    var bytesText: String? { bytes.map { ByteString.string($0) } }

    /// A `time.Time`: printed by its `String()`, serialised as RFC 3339 text, with the accessor
    /// methods templates call without arguments (`.Unix`, `.Year`, `.Month`, ...).
    init(time t: GoTime) {
        let c = t.civil
        let unixNano = t.unix.multipliedReportingOverflow(by: 1_000_000_000)
        self.typeName = "time.Time"
        self.isPointer = false
        self.fields = []
        let text = t.description
        self.methods = [
            "String": .string(text), "Unix": .int(t.unix), "Year": .int(c.year), "Day": .int(Int64(c.day)),
            "Month": .string(GoTimeLayout.longMonths[c.month - 1]), "Weekday": .string(GoTimeLayout.longDays[c.weekday]),
            "Hour": .int(Int64(c.hour)), "Minute": .int(Int64(c.minute)), "Second": .int(Int64(c.second)),
            "Nanosecond": .int(Int64(t.nanosecond)), "YearDay": .int(Int64(c.yearDay)),
            "UnixNano": .int(unixNano.partialValue &+ Int64(t.nanosecond)),
            "UnixMilli": .int(t.unix &* 1000 &+ Int64(t.nanosecond / 1_000_000)),
            "UnixMicro": .int(t.unix &* 1_000_000 &+ Int64(t.nanosecond / 1000)),
            "IsZero": .bool(t.unix == GoTime.zero.unix && t.nanosecond == 0),
        ]
        self.stringer = nil
        self.valueStringer = text
        self.marshaledData = .ready(.string(t.rfc3339Nano))
        self.time = t
        self.underlyingData = nil
        self.zeroCopy = nil
        self.callables = [:]
        self.bytes = nil
        self.byteEntries = nil
    }

    /// The struct as sprig's `deepCopy` (copystructure) returns it: exported fields copied,
    /// unexported ones zeroed, so a pointer-receiver `String()` no longer applies; `time.Time`
    /// and named non-struct values are copied as they are.
    var deepCopied: GoStruct {
        if let zeroCopy { return zeroCopy }
        if time != nil || hasUnderlying { return self }
        let copiedFields = fields.map { f -> Field in
            switch f.content {
            case .structure(let inner): return Field(f.name, content: .structure(inner.deepCopied), jsonKey: f.jsonKey)
            case .value(let v): return f.isExported ? f : Field(f.name, GoStruct.zero(like: v))
            }
        }
        var copiedMethods = methods
        if stringer != nil { copiedMethods["String"] = nil }
        return GoStruct(typeName: typeName, isPointer: isPointer, fields: copiedFields, methods: copiedMethods,
                        valueStringer: valueStringer, marshaled: marshaled)
    }

    private static func zero(like v: Value) -> Value {
        switch v {
        case .null, .list, .nilList, .map: return .null
        case .bool: return .bool(false)
        case .int: return .int(0)
        case .int64: return .int64(0)
        case .float: return .float(0)
        case .string: return .string("")
        }
    }

    /// Go's reflect kind name (`struct`, or `ptr` for a pointer).
    public var kindName: String {
        if let underlying { return GoTypes.kindName(underlying) }
        return isPointer ? "ptr" : "struct"
    }

    /// The exported field `name`, if any.
    func field(_ name: String) -> Content? {
        for f in fields where f.name == name && f.isExported { return f.content }
        return nil
    }

    /// The struct as `encoding/json` would decode back to a map: JSON keys, nested structs as maps.
    public var jsonView: Value {
        if let marshaled { return marshaled }
        var out: [String: Value] = [:]
        out.reserveCapacity(fields.count)
        for f in fields {
            guard let key = f.jsonKey else { continue }
            switch f.content {
            case .value(let v): out[key] = v
            case .structure(let s): out[key] = s.jsonView
            }
        }
        return .map(out)
    }
}

// MARK: printing

/// An operand of Go's `fmt` functions: plain data or a struct.
enum PrintOperand {
    case value(Value)
    case structure(GoStruct)

    var isString: Bool {
        if case .value(.string) = self { return true }
        return false
    }

    /// The operand a datum is for `fmt` (structs kept, everything else as plain data).
    init(_ d: Datum) {
        if case .structure(let s) = d.item { self = .structure(s) } else { self = .value(d.value) }
    }
}

extension GoStruct {
    /// `fmt.Sprint` of the struct (`&{...}` for a pointer).
    var printed: String { GoPrintf.sprint(operands: [.structure(self)]) }

    /// The struct as the template prints a pointer to it (dereferenced: `{...}`).
    var printedDereferenced: String {
        let text = printed
        return isPointer && valueStringer == nil && !hasUnderlying ? String(text.dropFirst()) : text
    }
}

// MARK: JSON in declaration order

extension GoStruct {
    /// `encoding/json`'s compact form: keys in declaration order, values as ``GoJSON`` writes them.
    func json(escapeHTML: Bool) throws(GoJSON.EncodeError) -> String {
        if let marshaled { return try GoJSON.encodeChecked(marshaled, escapeHTML: escapeHTML) }
        var out = "{"
        var first = true
        for f in fields {
            guard let key = f.jsonKey else { continue }
            if !first { out += "," }
            first = false
            out += GoJSON.encode(.string(key), escapeHTML: escapeHTML)
            out += ":"
            switch f.content {
            case .value(let v): out += try GoJSON.encodeChecked(v, escapeHTML: escapeHTML)
            case .structure(let s): out += try s.json(escapeHTML: escapeHTML)
            }
        }
        out += "}"
        return out
    }

    /// `json.MarshalIndent(v, "", indent)`: the compact form re-indented as Go's `json.Indent` does
    /// (empty objects and arrays stay `{}` and `[]`).
    func indentedJSON(indent: String = "  ", escapeHTML: Bool) throws(GoJSON.EncodeError) -> String {
        let compact = Array(try json(escapeHTML: escapeHTML).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        let indentBytes = Array(indent.utf8)
        var depth = 0
        var inString = false
        var escaped = false
        var i = 0
        func newline() {
            out.append(0x0A)
            for _ in 0..<depth { out.append(contentsOf: indentBytes) }
        }
        while i < compact.count {
            let c = compact[i]
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                i += 1
                continue
            }
            switch c {
            case 0x22:
                inString = true
                out.append(c)
            case 0x7B, 0x5B:  // { [
                out.append(c)
                let close: UInt8 = c == 0x7B ? 0x7D : 0x5D
                if i + 1 < compact.count, compact[i + 1] == close {
                    out.append(close)
                    i += 1
                } else {
                    depth += 1
                    newline()
                }
            case 0x7D, 0x5D:  // } ]
                depth -= 1
                newline()
                out.append(c)
            case 0x2C:  // ,
                out.append(c)
                newline()
            case 0x3A:  // :
                out.append(c)
                out.append(0x20)
            default:
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The entries of a Go map of `[]byte` values (Helm's `engine.files`) as `range` visits them: the keys, and each
/// value's bytes, asked for when the range reaches them (a chart's large files are read only then).
public struct ByteEntries: Sendable {
    public let keys: [String]
    public let bytes: @Sendable (String) -> [UInt8]

    public init(keys: [String], bytes: @escaping @Sendable (String) -> [UInt8]) {
        self.keys = keys
        self.bytes = bytes
    }
}
