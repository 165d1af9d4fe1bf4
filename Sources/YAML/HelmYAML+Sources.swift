import GoValues

/// What the emitter sees of a node: a string (style decided by quoting rules), a typed scalar's
/// text (numbers, booleans, null: always requested plain), or a collection in output order.
enum EmitShape<S> {
    case string(String)
    case plain(String)
    /// go-yaml v3's `!!binary` scalar for a string that is not UTF-8: its bytes in base64, broken
    /// into lines of 70 (each ending in `\n`) when longer.
    case binary(String)
    case sequence([S])
    case mapping([(key: String, value: S)])
}

/// Anything the block emitter can write.
protocol EmitSource {
    func emitShape() throws(HelmYAML.MarshalError) -> EmitShape<Self>
}

extension Value: EmitSource {
    /// The value as `sigs.k8s.io/yaml` sees it after its JSON round trip: numbers take the type
    /// go-yaml gives their JSON text, map keys are in go-yaml's order.
    func emitShape() throws(HelmYAML.MarshalError) -> EmitShape<Value> {
        switch self {
        case .null: return .plain("null")
        case .bool(let b): return .plain(b ? "true" : "false")
        case .int(let i), .int64(let i): return .plain(String(i))
        case .float(let f):
            guard f.isFinite else { throw .unsupportedFloat(f) }
            return .plain(HelmYAML.numberText(f))
        case .string(let s): return .string(try HelmYAML.readBack(s))
        case .list(let items): return .sequence(items)
        case .nilList: return .plain("null")  // encoding/json writes a nil slice as null
        case .map(let m):
            if m.keys.allSatisfy(Self.isShortASCII) {
                // Keys come back from the JSON round trip unchanged: sort them in place.
                var entries = m.map { (key: $0.key, value: $0.value) }
                if entries.count > 1 { entries.sort { YAMLKeyOrder.lessASCII($0.key, $1.key) } }
                return .mapping(entries)
            }
            return .mapping(YAMLKeyOrder.sorted(try Self.readBackKeys(m)))
        }
    }

    /// Short keys of plain ASCII (below U+007F) come back from the JSON round trip unchanged
    /// and readable.
    static func isShortASCII(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { v in
            guard v.count <= 170 else { return false }
            // Eight bytes at a time: a byte >= 0x7F has its high bit set once 1 is added to it.
            let raw = UnsafeRawBufferPointer(v)
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (word | (word &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] >= 0x7F { return false }
                i += 1
            }
            return true
        }
    }

    /// Map keys after the JSON round trip; keys that become equal keep the value that came
    /// last in JSON's byte-wise key order (go-yaml v2 overwrites duplicates).
    static func readBackKeys(_ m: [String: Value]) throws(HelmYAML.MarshalError) -> [String: Value] {
        var changed = false
        for key in m.keys {
            if isShortASCII(key) { continue }
            try HelmYAML.checkKeyReadable(key)
            if try HelmYAML.readBack(key) != key { changed = true }
        }
        guard changed else { return m }
        var out: [String: Value] = [:]
        for key in m.keys.sorted(by: Value.goLess) {
            out[try HelmYAML.readBack(key)] = m[key]
        }
        return out
    }
}

extension Node: EmitSource {
    /// The node with mapping keys in written order; numbers as `HelmYAML.marshal` writes them.
    func emitShape() throws(HelmYAML.MarshalError) -> EmitShape<Node> {
        switch kind {
        case .null: return .plain("null")
        case .bool(let b): return .plain(b ? "true" : "false")
        case .int(let i): return .plain(String(i))
        case .float(let f):
            if f.isNaN { return .plain(".nan") }
            if f.isInfinite { return .plain(f < 0 ? "-.inf" : ".inf") }
            return .plain(HelmYAML.numberText(f))
        case .string(let s): return .string(s)
        case .sequence(let items): return .sequence(items)
        case .mapping(let m): return .mapping(m.entries.map { (key: $0.key, value: $0.value) })
        }
    }
}

extension HelmYAML {
    /// The text `sigs.k8s.io/yaml` writes for a finite float64: `encoding/json` prints it
    /// (`1000000`, `1.5`, `1e+21`, `1e-7`), go-yaml reads that back as an int, uint or float,
    /// and writes it again (an int as is, a float in Go's `%v` form: `1e+21`, `1e-07`).
    static func numberText(_ f: Double) -> String {
        // An integral float below 2^53 is JSON integer text that go-yaml reads back as an int.
        if f != 0, let whole = GoFormat.smallIntegral(f) { return String(whole) }
        let json = GoJSON.floatText(f)
        let isIntegerLiteral = !json.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }
        if isIntegerLiteral {
            if let i = Int64(json) { return String(i) }
            if UInt64(json) != nil { return json }
        }
        return GoFormat.float(f)
    }
}

/// A value as go-yaml v3 writes it directly (Helm's `toYamlPretty`): no JSON round trip, so
/// floats print in Go's `%g` form (`1e+06`), NaN/±Inf as `.nan`/`.inf`, strings unchanged.
struct GoValueV3: EmitSource {
    let value: Value

    /// go-yaml v3's `encodeBase64`: one line, or lines of 70 characters each ending in a break.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let text = Base64.encode(bytes)
        guard text.utf8.count >= 70 else { return text }
        var out = ""
        var line = Substring(text)
        while !line.isEmpty {
            out += line.prefix(70) + "\n"
            line = line.dropFirst(70)
        }
        return out
    }

    func emitShape() throws(HelmYAML.MarshalError) -> EmitShape<GoValueV3> {
        switch value {
        case .null: return .plain("null")
        case .bool(let b): return .plain(b ? "true" : "false")
        case .int(let i), .int64(let i): return .plain(String(i))
        case .float(let f):
            if f.isNaN { return .plain(".nan") }
            if f.isInfinite { return .plain(f < 0 ? "-.inf" : ".inf") }
            return .plain(GoFormat.float(f))
        case .string(let s):
            guard ByteString.mayHoldBytes(s), ByteString.normalized(s).unicodeScalars.contains(where: { ByteString.byte($0) != nil })
            else { return .string(s) }
            return .binary(Self.base64Lines(ByteString.bytes(s)))
        case .list(let items): return .sequence(items.map(GoValueV3.init))
        case .nilList: return .sequence([])  // go-yaml writes a nil slice as []
        case .map(let m): return .mapping(YAMLKeyOrder.sorted(m, .v3).map { (key: $0.key, value: GoValueV3(value: $0.value)) })
        }
    }
}
