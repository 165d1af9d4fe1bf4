import GoValues

/// Functions whose result depends on an argument being a Go struct rather than the map it
/// serialises to (``GoStruct/jsonView``), as their ``StructArgumentHandling`` declares: the
/// reflection functions, the JSON writers (keys in declaration order) and the functions that
/// print with `%v` (`{...}`). Every other function sees the map.
enum StructArguments {
    /// The result of a function handling structs as `handling` says, for arguments `values` of
    /// which `structs` are structs, or nil when the ordinary function applies. `ordinary` is that
    /// function (called here with structs printed).
    static func call(
        _ handling: StructArgumentHandling?, _ values: [Value], _ structs: [(index: Int, value: GoStruct)],
        ordinary: TemplateFunction
    ) throws -> Value? {
        func only(at index: Int, count: Int) -> GoStruct? {
            guard values.count == count else { return nil }
            return structs.first { $0.index == index }?.value
        }
        switch handling {
        case .typeName?:
            guard let s = only(at: 0, count: 1) else { return nil }
            return .string(s.typeName)
        case .kindName?:
            guard let s = only(at: 0, count: 1) else { return nil }
            return .string(s.kindName)
        case .typeIs?, .typeIsLike?, .kindIs?:
            guard let s = only(at: 1, count: 2), case .string(let target) = values[0] else { return nil }
            if handling == .kindIs { return .bool(target == s.kindName) }
            if handling == .typeIs { return .bool(target == s.typeName) }
            return .bool(target == s.typeName || "*" + target == s.typeName)
        case .json(let escapeHTML, let pretty, let must)?:
            guard let s = only(at: 0, count: 1) else { return nil }
            do {
                return .string(pretty ? try s.indentedJSON(escapeHTML: escapeHTML) : try s.json(escapeHTML: escapeHTML))
            } catch {
                if must { throw FunctionError("\(error)") }
                return .string("")
            }
        case .printed(let text)?:
            // Sprig prints a non-string with `%v`; `strval` (`quote`, `toString`) writes a `[]byte` as its text.
            var printed = values
            for (index, s) in structs { printed[index] = .string(text ? s.bytesText ?? s.printed : s.printed) }
            return try ordinary(printed)
        case .copied?, nil:
            try refuseStructsForTypedParameters(values, structs, ordinary)
            return nil
        }
    }

    /// Go refuses a struct where a function declares a `string`, `int`, map or slice parameter
    /// (`wrong type for value; expected string; got time.Time`); the function body sees the struct
    /// as data, so it is called once with a stand-in no typed parameter accepts (NaN) in the
    /// structs' places, and a conversion error at one of them is reported for the struct.
    private static func refuseStructsForTypedParameters(
        _ values: [Value], _ structs: [(index: Int, value: GoStruct)], _ ordinary: TemplateFunction
    ) throws {
        var probe = values
        for (index, _) in structs { probe[index] = .float(.nan) }
        do {
            _ = try ordinary(probe)
        } catch let e as FunctionError {
            let prefix = "wrong type for value; expected ", suffix = "; got float64"
            guard e.kind == .argument, let index = e.argumentIndex, e.message.hasPrefix(prefix), e.message.hasSuffix(suffix),
                  let s = structs.first(where: { $0.index == index })?.value
            else { return }
            throw FunctionError.wrongType(expected: String(e.message.dropFirst(prefix.count).dropLast(suffix.count)), got: s.typeName, argumentIndex: index)
        } catch {
            return
        }
    }

    /// What a copying function (``StructArgumentHandling/copied``) returns for a struct: the copy
    /// Go's `interface{}` result holds. (Functions that return an argument as it is keep it: see
    /// ``Call/sharedResult(_:_:)``.)
    static func returned(
        _ handling: StructArgumentHandling?, _ result: Value, _ structs: [(index: Int, value: GoStruct)]
    ) -> Datum? {
        if handling == .copied, let s = structs.first(where: { $0.index == 0 })?.value {
            return .boxed(.structure(s.deepCopied))
        }
        return nil
    }
}
