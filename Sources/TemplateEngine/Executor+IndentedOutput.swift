import GoValues

/// Actions ending in an indenting function with a literal count (``FunctionRole/indents(leadingNewline:)``,
/// Sprig's `| indent N`, `| nindent N`, N >= 0), the way charts lay out included and serialised
/// blocks: the text before the last stage is indented straight into the output, so the indented
/// copy is never made. A template included by name (``EngineMechanism/includesTemplate``) runs
/// into a reused buffer and a YAML writer (``FunctionRole/writesYAML(yamlBytes:)``) emits bytes,
/// so neither makes its string either. Anything else (a value that is not a string)
/// takes the general path, errors included.
struct IndentedOutput {
    let spaces: Int
    let leadingNewline: Bool

    init?(_ pipe: PipeNode) {
        guard pipe.decl.isEmpty, pipe.cmds.count >= 2 else { return nil }
        let last = pipe.cmds[pipe.cmds.count - 1]
        guard last.args.count == 2, case .identifier(_, let indentRef) = last.args[0],
            case .indents(let leadingNewline) = indentRef.traits.role, case .external? = indentRef.implementation,
            case .number(_, let constant) = last.args[1], case .int(let n)? = constant, n >= 0, n <= 1 << 20
        else { return nil }
        spaces = Int(n)
        self.leadingNewline = leadingNewline
    }
}

extension Executor {
    func walkIndented(_ dot: Datum, _ a: ActionNode, _ tail: IndentedOutput) throws(TemplateError) {
        let pipe = a.pipe
        at(pipe)
        if pipe.cmds.count == 2, case .identifier(_, let ref) = pipe.cmds[0].args[0] {
            let head = pipe.cmds[0]
            if case .engine(.includesTemplate)? = ref.implementation {
                at(head.args[0])
                let call = Call(
                    executor: self, dot: dot, name: ref.name, nameNode: head.args[0], cmd: head, args: head.args.dropFirst(),
                    final: nil, reference: ref)
                try EngineFunctions.include(call, indentedBy: tail.spaces, leadingNewline: tail.leadingNewline)
                return
            }
            if head.args.count == 2, case .writesYAML(let yamlBytes) = ref.traits.role {
                at(head.args[0])
                let value: Value
                if let peeked = peekValue(dot, head.args[1]) {
                    value = peeked
                } else {
                    value = try argumentValues(dot, head.args.dropFirst(), final: nil)[0]
                }
                if heap.cycleFound {
                    // The YAML of a map that contains itself is "" (Helm swallows the encoder's error).
                    heap.cycleFound = false
                    [UInt8]().withUnsafeBufferPointer {
                        out.appendIndented($0, spaces: tail.spaces, leadingNewline: tail.leadingNewline)
                    }
                    return
                }
                let yaml = yamlBytes(value)
                yaml.withUnsafeBufferPointer {
                    out.appendIndented($0, spaces: tail.spaces, leadingNewline: tail.leadingNewline)
                }
                return
            }
        }
        var value: Datum? = nil
        for cmd in pipe.cmds.dropLast() {
            value = try evalCommand(dot, cmd, final: value).unboxed
        }
        if case .value(.string(var text))? = value?.item {
            text.withUTF8 { out.appendIndented($0, spaces: tail.spaces, leadingNewline: tail.leadingNewline) }
            return
        }
        let result = try evalCommand(dot, pipe.cmds[pipe.cmds.count - 1], final: value).unboxed
        try printValue(result)
    }
}

extension Executor {
    /// The data an argument that is `.`, a variable or a field chain through maps evaluates to, as
    /// ``argumentValues(_:_:final:)`` gives it, read without making objects of the last step's map
    /// or list (the data is copied out at once, so no identity can be observed). Nil for anything
    /// else, and wherever the plain evaluation could fail or call a method: the caller then takes
    /// the general path, which reports as usual.
    func peekValue(_ dot: Datum, _ operand: Operand) -> Value? {
        let receiver: Datum
        let fields: ArraySlice<String>
        switch operand {
        case .dot:
            return dot.value
        case .field(_, let idents):
            receiver = dot
            fields = idents[...]
        case .variable(_, let idents):
            guard let i = vars.index(of: idents[0], from: frameBase) else { return nil }
            receiver = vars[i].value
            fields = idents.dropFirst()
        default:
            return nil
        }
        guard let last = fields.last else { return receiver.value }
        var map: MapObject
        switch receiver {
        case .boxed(.map(let m)), .plain(.map(let m)): map = m
        default: return nil
        }
        for name in fields.dropLast() {
            switch map[name] {
            case .map(let m)?: map = m
            default: return nil
            }
        }
        return map.peekValue(last)
    }
}
