import GoValues

/// Block structure as go-yaml writes it: mappings indent their values by 2, a sequence that is
/// a mapping value starts its `- ` at the key's indent, sequences in sequences nest as `- - x`,
/// empty collections are `{}` / `[]`, keys longer than 128 bytes or spanning lines use `? `.
extension BlockEmitter {
    /// Where a node sits: decides the indentless sequence rule.
    enum Context { case root, sequenceItem, mappingValue }

    /// Writes one document (no `---`), ending with a newline.
    mutating func emitDocument<S: EmitSource>(_ root: S) throws(HelmYAML.MarshalError) {
        try emitNode(root, context: .root, depth: 0)
        indent = -1
        writeIndent()
    }

    mutating func emitNode<S: EmitSource>(_ node: S, context: Context, depth: Int) throws(HelmYAML.MarshalError) {
        if depth > HelmYAML.maxDepth { throw .tooDeep(HelmYAML.maxDepth + 1) }
        switch try node.emitShape() {
        case .string(let s):
            if !writePlainToken(s, maxLength: Int.max) {
                writeScalar(s, requested: ScalarStyle.requested(forString: s), simpleKey: false)
            }
        case .plain(let s):
            if !writeTypedWord(s) { writeScalar(s, requested: .plain, simpleKey: false) }
        case .binary(let base64):
            writeIndicator("!!binary", needWhitespace: true, isWhitespace: false, isIndention: false)
            writeScalar(base64, requested: base64.utf8.contains(0x0A) ? .literal : .plain, simpleKey: false)
        case .sequence(let items):
            if items.isEmpty {
                writeEmptyFlow("[", "]")
            } else {
                try emitSequence(items, context: context, depth: depth)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                writeEmptyFlow("{", "}")
            } else {
                try emitMapping(entries, depth: depth)
            }
        }
    }

    /// The common case written directly: a word of ASCII letters, digits and `_ . / -` that
    /// starts with a letter and reads back as a string is always written plain (no indicator,
    /// blank or break can occur in it). Returns false, writing nothing, for anything else.
    mutating func writePlainToken(_ s: String, maxLength: Int) -> Bool {
        var s = s
        // The word's bytes are appended while they are at hand; undone if it turns out to read
        // back as something other than a string.
        let mark = bytes.count
        let hadWhitespace = whitespace
        var mayResolve = false
        let written: Bool = s.withUTF8 { v in
            guard let first = v.first, v.count <= maxLength,
                (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
            else { return false }
            for c in v where !Self.isWordByte(c) { return false }
            mayResolve = v.count <= 5 && Self.mayStartNonString(first)
            if !hadWhitespace { bytes.append(0x20) }
            bytes.append(contentsOf: v)
            return true
        }
        guard written else { return false }
        if mayResolve && GoYAMLResolve.resolve(s) != .string {
            bytes.removeSubrange(mark...)
            return false
        }
        column += (hadWhitespace ? 0 : 1) + s.utf8.count
        whitespace = false
        indention = false
        return true
    }

    /// Whether `c` may occur in a plain word: an ASCII letter, digit or one of `_ . / -`
    /// (one bit per byte value below 128).
    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
        if c < 64 { return (0x03FF_E000_0000_0000 as UInt64) >> UInt64(c) & 1 == 1 }
        if c < 128 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(c - 64) & 1 == 1 }
        return false
    }

    /// Whether a word of letters, digits and `_ . / -` starting with a letter could read back as
    /// something other than a string: only the words of at most 5 letters starting with one of
    /// `yYnNtTfFoO` (booleans, nulls) can. This is the test on the first letter.
    private static func mayStartNonString(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    /// A typed scalar's text (`null`, `true`, `-12`, `1.5e-07`, `.inf`): letters, digits and
    /// `. + -` only, which plain style always allows. Returns false, writing nothing, otherwise.
    mutating func writeTypedWord(_ s: String) -> Bool {
        let fits: Bool? = s.utf8.withContiguousStorageIfAvailable { v in
            guard let first = v.first else { return false }
            // A lone `-`/`+`/`.` or a leading `--` could be an indicator: leave those to the analysis.
            if v.count == 1 && (first == 43 || first == 45 || first == 46) { return false }
            if v.count >= 2 && first == 45 && v[1] == 45 { return false }
            for c in v {
                let ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46
                if !ok { return false }
            }
            return true
        }
        guard fits == true else { return false }
        appendWord(s)
        return true
    }

    /// Appends a word that needs no quoting, folding or escaping, after a space if needed.
    private mutating func appendWord(_ s: String) {
        if !whitespace { put(0x20) }
        bytes.append(contentsOf: s.utf8)
        column += s.utf8.count
        whitespace = false
        indention = false
    }

    private mutating func writeEmptyFlow(_ open: StaticString, _ close: StaticString) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func emitSequence<S: EmitSource>(_ items: [S], context: Context, depth: Int) throws(HelmYAML.MarshalError) {
        let indentless = !layout.indentSequencesInMappings && context == .mappingValue && !indention
        let saved = increaseIndent(flow: false, indentless: indentless)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            try emitNode(item, context: .sequenceItem, depth: depth + 1)
        }
        indent = saved
    }

    private mutating func emitMapping<S: EmitSource>(_ entries: [(key: String, value: S)], depth: Int) throws(HelmYAML.MarshalError) {
        let saved = increaseIndent(flow: false, indentless: false)
        for (key, value) in entries {
            writeKey(key)
            try emitNode(value, context: .mappingValue, depth: depth + 1)
        }
        indent = saved
    }

    /// Writes a mapping key on a fresh line, up to its `:` (a long or multi-line key as `? key`).
    private mutating func writeKey(_ key: String) {
        writeIndent()
        if writePlainToken(key, maxLength: 128) {
            writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        let requested = ScalarStyle.requested(forString: key)
        if Self.isSimpleKey(key) {
            writeScalar(key, requested: requested, simpleKey: true)
            writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
            writeScalar(key, requested: requested, simpleKey: false)
            writeIndent()
            writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
        }
    }

    /// A string scalar: plain when it is a simple word, else in the style its content asks for.
    private mutating func writeString(_ s: String) {
        if !writePlainToken(s, maxLength: Int.max) {
            writeScalar(s, requested: ScalarStyle.requested(forString: s), simpleKey: false)
        }
    }

    /// A typed scalar's text (numbers, booleans, null), always requested plain.
    private mutating func writeTyped(_ s: String) {
        if !writeTypedWord(s) { writeScalar(s, requested: .plain, simpleKey: false) }
    }
}

/// `sigs.k8s.io/yaml.Marshal` of a `Value` written straight from the value: what
/// `emitNode(_:context:depth:)` does through `Value.emitShape()`, without building the shape
/// (no entry arrays; map keys are ordered through the dictionary's own indices).
extension BlockEmitter {
    /// Writes one document of `root` (no `---`), ending with a newline.
    mutating func emitValueDocument(_ root: Value) throws(HelmYAML.MarshalError) {
        try emitValue(root, context: .root, depth: 0)
        indent = -1
        writeIndent()
    }

    mutating func emitValue(_ v: Value, context: Context, depth: Int) throws(HelmYAML.MarshalError) {
        if depth > HelmYAML.maxDepth { throw .tooDeep(HelmYAML.maxDepth + 1) }
        switch v {
        case .null: writeTyped("null")
        case .bool(let b): writeTyped(b ? "true" : "false")
        case .int(let i), .int64(let i): writeTyped(String(i))
        case .nilList: writeTyped("null")
        case .float(let f):
            guard f.isFinite else { throw .unsupportedFloat(f) }
            writeTyped(HelmYAML.numberText(f))
        case .string(let s):
            writeString(try HelmYAML.readBack(s))
        case .list(let items):
            if items.isEmpty {
                writeEmptyFlow("[", "]")
                return
            }
            let indentless = !layout.indentSequencesInMappings && context == .mappingValue && !indention
            let saved = increaseIndent(flow: false, indentless: indentless)
            for i in items.indices {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                try emitValue(items[i], context: .sequenceItem, depth: depth + 1)
            }
            indent = saved
        case .map(let m):
            if m.isEmpty {
                writeEmptyFlow("{", "}")
                return
            }
            if m.keys.allSatisfy(Value.isShortASCII) {
                // Keys come back from the JSON round trip unchanged: order the map's own indices.
                var order: [Dictionary<String, Value>.Index] = []
                order.reserveCapacity(m.count)
                var at = m.startIndex
                while at != m.endIndex {
                    order.append(at)
                    m.formIndex(after: &at)
                }
                if order.count > 1 {
                    let keys = m.keys
                    order.sort { YAMLKeyOrder.lessASCII(keys[$0], keys[$1]) }
                }
                let saved = increaseIndent(flow: false, indentless: false)
                for index in order {
                    writeKey(m.keys[index])
                    try emitValue(m.values[index], context: .mappingValue, depth: depth + 1)
                }
                indent = saved
                return
            }
            let entries = YAMLKeyOrder.sorted(try Value.readBackKeys(m))
            let saved = increaseIndent(flow: false, indentless: false)
            for (key, value) in entries {
                writeKey(key)
                try emitValue(value, context: .mappingValue, depth: depth + 1)
            }
            indent = saved
        }
    }
}
