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
        if depth > HelmYAML.maxDepth { throw .tooDeep(HelmYAML.maxDepth) }
        switch try node.emitShape() {
        case .string(let s):
            writeScalar(s, requested: ScalarStyle.requested(forString: s), simpleKey: false)
        case .plain(let s):
            writeScalar(s, requested: .plain, simpleKey: false)
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
            writeIndent()
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
            try emitNode(value, context: .mappingValue, depth: depth + 1)
        }
        indent = saved
    }
}
