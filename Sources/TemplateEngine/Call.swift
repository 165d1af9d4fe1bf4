import GoValues

/// One function call being evaluated: the executor, the argument nodes and the pipeline value.
struct Call {
    /// The executor running the call; it outlives the call, so it is not retained.
    unowned(unsafe) let executor: Executor
    let dot: Datum
    let name: String
    let nameNode: Operand
    /// The command of the call, in a parse tree that outlives the call (not retained).
    unowned(unsafe) let cmd: CommandNode?
    /// The argument nodes (a slice of the command: index with ``operand(_:)``).
    let args: ArraySlice<Operand>
    let final: Datum?
    /// The function's reference in the template, with the traits it was registered with (nil for
    /// a method on data). The parse tree holding it outlives the call, so it is not retained.
    unowned(unsafe) var reference: FunctionReference? = nil

    /// Argument node `i` (0-based).
    func operand(_ i: Int) -> Operand { args[args.startIndex + i] }

    /// Number of arguments including the pipeline's value.
    var count: Int { args.count + (final == nil ? 0 : 1) }

    /// Go's arity check (reported at the function name).
    func expect(_ n: Int, variadic: Bool = false) throws(TemplateError) {
        if variadic ? count < n : count != n {
            executor.at(nameNode)
            throw executor.fail(
                "wrong number of args for \(name): want \(variadic ? "at least " : "")\(n) got \(variadic ? args.count : count)")
        }
    }

    /// Evaluates argument `i` (the pipeline's value when `i == args.count`).
    func argument(_ i: Int) throws(TemplateError) -> Datum {
        if i < args.count { return try executor.evalArg(dot, operand(i)) }
        return final ?? .invalid
    }

    /// Evaluates every argument, pipeline value last.
    /// The array comes from the executor's reusable ones: give it back with ``recycle(_:)``.
    func allArguments() throws(TemplateError) -> [Datum] {
        var out = executor.datumArrays.popLast() ?? []
        out.reserveCapacity(count)
        try args.withUnsafeBufferPointer { (operands) throws(TemplateError) in
            for i in operands.indices { out.append(try executor.evalArg(dot, at: operands.baseAddress.unsafelyUnwrapped + i)) }
        }
        if let final { out.append(final) }
        return out
    }

    /// Returns an array of ``allArguments()`` for reuse, emptied.
    func recycle(_ arguments: consuming [Datum]) {
        var arguments = arguments
        while !arguments.isEmpty { arguments.removeLast() }
        executor.datumArrays.append(consume arguments)
    }

    /// Points errors at the whole command (`at <fn a b>`), as Go does for a function's own error.
    func atCommand() {
        if let cmd { executor.at(cmd) } else { executor.at(nameNode) }
    }

    /// A function's own error: `error calling NAME: message` at the command.
    func failure(_ message: String) -> TemplateError {
        atCommand()
        return executor.wrapFunctionError(name, message)
    }

    /// An argument conversion error, at argument `index` (or the function name).
    func argumentFailure(_ message: String, index: Int?) -> TemplateError {
        if let index, index < args.count {
            executor.at(Call.lastSite(of: operand(index)))
            if let literal = literalConversionMessage(message, operand(index)) { return executor.fail(literal) }
        } else if index == nil || args.isEmpty {
            executor.at(nameNode)
        } else {
            executor.at(Call.lastSite(of: operand(args.count - 1)))
        }
        return executor.fail(message)
    }

    /// The node Go's executor last pointed at once `operand` was evaluated without error, where
    /// it reports the argument's conversion error: a parenthesised pipeline leaves it at the last
    /// argument of its last command (`<2>` in `(add 1 2)`), or at that command's first word.
    static func lastSite(of operand: Operand) -> Operand {
        var node = operand
        for _ in 0..<64 {
            switch node {
            case .pipe(let pipe):
                guard let words = pipe.cmds.last?.args, let last = words.last else { return node }
                node = last
            case .chain(_, let inner, _):
                node = inner
            default:
                return node
            }
        }
        return node
    }

    /// A pipeline that produced nothing is no value at all in Go (not a nil interface), so a typed
    /// parameter refuses it as `invalid value; expected T`.
    private func finalArgumentMessage(_ message: String, index: Int?) -> String {
        let prefix = "wrong type for value; expected ", suffix = "; got interface {}"
        guard index == args.count, case .invalid? = final, message.hasPrefix(prefix), message.hasSuffix(suffix) else { return message }
        return "invalid value; expected " + message.dropFirst(prefix.count).dropLast(suffix.count)
    }

    /// For a conversion error that does not say which argument failed: the first argument of the type
    /// the message names (`...; got float64`).
    private func inferredIndex(_ message: String, _ values: [Value]) -> Int? {
        guard message.hasPrefix("wrong type for value; expected "), let got = message.firstRange(of: "; got ") else { return nil }
        let typeName = String(message[got.upperBound...])
        return values.firstIndex { v in
            if case .null = v { return typeName == "interface {}" }
            return v.goTypeName == typeName
        }
    }

    /// Go converts literal arguments itself, with its own wording (`expected string; found 1`).
    private func literalConversionMessage(_ message: String, _ node: Operand) -> String? {
        let prefix = "wrong type for value; expected "
        guard message.hasPrefix(prefix) else { return nil }
        switch node {
        case .bool, .number, .string: break
        default: return nil
        }
        let expected = message.dropFirst(prefix.count).prefix { $0 != ";" }
        switch expected {
        case "string": return "expected string; found \(node)"
        case "int", "int64", "int32", "uint", "uint64": return "expected integer; found \(node)"
        case "uint32": return "expected unsigned integer; found \(node)"
        case "float64", "float32": return "expected float; found \(node)"
        case "bool": return "expected bool; found \(node)"
        default: return "can't handle \(node) for arg of type \(expected)"  // maps, slices, structs
        }
    }

    /// Evaluates every argument (pipeline value last) as plain data (see
    /// ``Executor/argumentValues(_:_:final:)``).
    func argumentValues() throws(TemplateError) -> [Value] {
        try executor.argumentValues(dot, args, final: final)
    }

    /// Go's refusal of a non-literal argument for a parameter of an unsigned integer type
    /// (``FunctionTraits/unsignedParameter``): templates can pass it only number literals, since
    /// any other argument holds an `int`, which Go does not convert.
    private func refuseNonLiteral(_ parameter: UnsignedParameter) throws(TemplateError) {
        guard parameter.index < count else { return }
        if parameter.index < args.count {
            switch operand(parameter.index) {
            case .number, .string, .bool: return  // literals: converted (or refused) as Go converts them
            case .nilLiteral: throw argumentFailure("cannot assign nil to \(parameter.typeName)", index: parameter.index)
            default: break
            }
        }
        let datum = try argument(parameter.index)
        throw argumentFailure(
            "wrong type for value; expected \(parameter.typeName); got \(datum.isValid ? datum.unboxedTypeName : "interface {}")",
            index: parameter.index)
    }

    func callExternal(_ f: TemplateFunction) throws(TemplateError) -> Datum {
        if let unsigned = reference?.traits.unsignedParameter { try refuseNonLiteral(unsigned) }
        var structs: [(index: Int, value: GoStruct)] = []
        var nilInterface: Int?
        let values = try executor.argumentValues(
            dot, args, final: final, structs: &structs, mapParameters: reference?.traits.mapParameters, nilInterfaceAt: &nilInterface)
        if let nilInterface { throw argumentFailure(MapParameters.message, index: nilInterface) }
        let result: Value
        if !structs.isEmpty {
            do {
                result = try StructArguments.call(reference?.traits.structArguments, values, structs, ordinary: f) ?? f(values)
            } catch {
                throw translate(error, values)
            }
            if let returned = StructArguments.returned(reference?.traits.structArguments, result, structs) { return returned }
        } else {
            result = try invoke(f, values)
        }
        switch result {
        case .map, .list: return .boxed(Item.value(result).object(in: executor.heap))
        default: return .boxed(.value(result))
        }
    }

    /// A function taking or returning Go structs: `time.Time` arguments are passed as times, and
    /// struct results become the structs templates see.
    func callStructured(_ f: StructuredFunction) throws(TemplateError) -> Datum {
        let data = try allArguments()
        var arguments: [StructuredArgument] = []
        arguments.reserveCapacity(data.count)
        for d in data {
            if case .structure(let s) = d.item, let t = s.time {
                arguments.append(StructuredArgument(value: s.jsonView, time: t))
            } else if case .structure(let s) = d.item {
                arguments.append(StructuredArgument(value: s.jsonView, time: nil, structure: s))
            } else {
                arguments.append(StructuredArgument(value: d.value, time: nil))
            }
        }
        recycle(data)
        do {
            switch try f(arguments) {
            case .time(let t): return .plain(.structure(GoStruct(time: t)))
            case .structure(let s): return .plain(.structure(s))
            case .value(let v): return .boxed(.value(v))
            }
        } catch {
            throw translate(error, arguments.map(\.value))
        }
    }

    /// A function that changes its first argument (a map) in Go: the change is applied to the map
    /// object, so every variable and template holding it sees it (`$_ := set $d "k" v`).
    func callMutating(_ f: TemplateFunction, _ mutation: MapMutation) throws(TemplateError) -> Datum {
        let args = try allArguments()
        if let first = args.first, case .boxed(let item) = first, item.isNull {
            let node = self.args.isEmpty ? nil : operand(0)
            if MapParameters.isNilInterface(first, node: node) {
                // Go cannot pass a nil interface{} where a map is declared.
                throw argumentFailure(MapParameters.message, index: 0)
            }
            // A nil literal is a nil map: reading it is fine, writing to it is Go's panic.
            if mutation == .setsEntry { throw failure("assignment to entry in nil map") }
            var values = args.map(\.value)
            values[0] = .map([:])
            return .boxed(Item.value(try invoke(f, values)).object(in: executor.heap))
        }
        if args.count > 1, case .mergesMaps = mutation, let mapParameters = reference?.traits.mapParameters {
            for (index, datum) in args.enumerated().dropFirst() where mapParameters.contains(index) {
                let node = index < self.args.count ? operand(index) : nil
                if MapParameters.isNilInterface(datum, node: node) { throw argumentFailure(MapParameters.message, index: index) }
            }
        }
        if case .map(let target) = args.first?.item {
            // Fast paths keeping the identity of the stored value.
            switch mutation {
            case .mergesMaps(let overwrite):
                if mergeObjects(into: target, args, overwrite: overwrite) { return .boxed(.map(target)) }
            case .setsEntry:
                if args.count == 3, case .value(.string(let key)) = args[1].item {
                    target.set(key, args[2].item)
                    return .boxed(.map(target))
                }
            case .removesEntry:
                if args.count == 2, case .value(.string(let key)) = args[1].item {
                    target.remove(key)
                    return .boxed(.map(target))
                }
            }
            let result = try invoke(f, args.map(\.value))
            if case .map(let entries) = result {
                target.replace(with: entries)
                return .boxed(.map(target))
            }
            return .boxed(Item.value(result).object(in: executor.heap))
        }
        return .boxed(Item.value(try invoke(f, args.map(\.value))).object(in: executor.heap))
    }

    /// `dict k v ...`: a new map whose map and list values are the objects given, not copies.
    func callDictionary(_ f: TemplateFunction) throws(TemplateError) -> Datum {
        let args = try allArguments()
        if let direct = Self.directDictionary(args, heap: executor.heap) {
            recycle(args)
            return .boxed(.map(direct))
        }
        // Objects are not materialised: dict only pairs keys with values, and they are put back below.
        let values = args.map { d -> Value in
            switch d.item {
            case .map, .list: return .null
            case .value(let v): return v
            case .structure(let s): return s.jsonView
            }
        }
        let result = try invoke(f, values)
        guard case .map(let entries) = result else { return .boxed(Item.value(result).object(in: executor.heap)) }
        let object = MapObject(entries, heap: executor.heap)
        var i = 0
        while i + 1 < args.count {
            if case .value(.string(let key)) = args[i].item {
                switch args[i + 1].item {
                case .map, .list, .structure: object.set(key, args[i + 1].item)
                case .value: break
                }
            } else if case .map = args[i + 1].item {
                object.replace(with: try invoke(f, args.map(\.value)).mapEntries)  // non-string keys: plain copy
                break
            }
            i += 2
        }
        return .boxed(.map(object))
    }

    /// `dict` of string keys each followed by its value, built without a copy: scalars and
    /// objects (which keep their identity) paired with their keys, a later duplicate key winning
    /// as in Go. Nil for anything else (odd count, non-string keys).
    private static func directDictionary(_ args: [Datum], heap: Heap) -> MapObject? {
        guard args.count % 2 == 0 else { return nil }
        var pairs: [(key: String, item: Item)] = []
        pairs.reserveCapacity(args.count / 2)
        var i = 0
        while i < args.count {
            guard case .value(.string(let key)) = args[i].item else { return nil }
            let item = args[i + 1].item
            if let at = pairs.firstIndex(where: { $0.key == key }) {
                pairs[at].item = item
            } else {
                pairs.append((key, item))
            }
            i += 2
        }
        return MapObject(pairs: pairs, heap: heap)
    }

    private func invoke(_ f: TemplateFunction, _ values: [Value]) throws(TemplateError) -> Value {
        do {
            return try f(values)
        } catch {
            throw translate(error, values)
        }
    }

    /// A function's error as the template error Go reports for it.
    func translate(_ error: any Error, _ values: [Value]) -> TemplateError {
        if let e = error as? FunctionError {
            if e.kind == .argument {
                let index = e.argumentIndex ?? inferredIndex(e.message, values)
                return argumentFailure(finalArgumentMessage(e.message, index: index), index: index)
            }
            return failure(e.message)
        }
        if let e = error as? TemplateError { return e }
        return failure("\(error)")
    }
}
