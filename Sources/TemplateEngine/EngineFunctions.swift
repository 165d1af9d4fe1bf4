import GoValues

/// The functions that need the engine itself (``EngineMechanism``: Helm's `include`, `tpl`,
/// `required`, `fail`), under whatever names they were registered; errors name them so.
enum EngineFunctions {
    static func call(_ f: EngineMechanism, _ c: Call) throws(TemplateError) -> Datum {
        switch f {
        case .includesTemplate: return try include(c)
        case .executesText: return try tpl(c)
        case .requiresValue: return try required(c)
        case .fails: return try fail(c)
        }
    }

    private static func string(_ d: Datum, _ i: Int, _ c: Call) throws(TemplateError) -> String {
        if case .structure(let s) = d.item {
            // A struct or named value (`[]uint8`, `time.Time`) is no string, whatever it serialises to.
            throw c.argumentFailure("wrong type for value; expected string; got \(s.typeName)", index: i)
        }
        if case .string(let s) = d.value { return s }
        let got = d.isValid && d.value != .null ? d.value.goTypeName : "interface {}"
        throw c.argumentFailure("wrong type for value; expected string; got \(got)", index: i)
    }

    /// `include NAME DATA`: the output of template NAME as a string. Nesting of one name is bounded
    /// as in Helm (more than `maxIncludeDepth` open calls is an error).
    private static func include(_ c: Call) throws(TemplateError) -> Datum {
        try include(c, indentedBy: nil, leadingNewline: false)
    }

    /// `include NAME DATA`, or with `spaces` `include NAME DATA | indent SPACES` (`nindent` when
    /// `leadingNewline`) appended to the output directly (the result is then `invalid`).
    @discardableResult
    static func include(_ c: Call, indentedBy spaces: Int?, leadingNewline: Bool) throws(TemplateError) -> Datum {
        try c.expect(2)
        let args = try c.allArguments()
        let name = try string(args[0], 0, c)
        let dot = args[1].unboxed
        c.recycle(args)
        let e = c.executor
        let open = e.openInclude(name)
        if open > e.limits.maxIncludeDepth + 1 {
            e.closeInclude(name)
            throw c.failure("rendering template has a nested reference name: \(name): unable to execute template")
        }
        defer { e.closeInclude(name) }
        c.atCommand()
        try e.enterNesting()
        defer { e.nesting -= 1 }
        let site = e.siteState
        do {
            if let spaces {
                try e.executeTemplate(named: name, dot: dot, indentedBy: spaces, leadingNewline: leadingNewline)
                return .invalid
            }
            let text = try e.executeTemplate(named: name, dot: dot)
            return .plainValue(.string(text))
        } catch {
            e.siteState = site
            var outer = e.fail("error calling \(c.name): ")
            outer.wrapped = error
            return try rethrow(outer)
        }
    }

    private static func rethrow(_ e: TemplateError) throws(TemplateError) -> Datum { throw e }

    /// `tpl TEXT DATA`: TEXT parsed as a template (seeing every defined template) and executed.
    private static func tpl(_ c: Call) throws(TemplateError) -> Datum {
        try c.expect(2)
        let args = try c.allArguments()
        let text = try string(args[0], 0, c)
        let e = c.executor
        c.atCommand()
        let site = e.siteState
        try e.enterNesting()
        defer { e.nesting -= 1 }
        if e.tplDepth >= e.limits.maxTplDepth {
            throw e.wrapFunctionError(c.name, "exceeded maximum tpl nesting (\(e.limits.maxTplDepth)): a tpl text that runs tpl on itself?")
        }
        e.tplDepth += 1
        defer { e.tplDepth -= 1 }
        let savedTrees = e.trees
        defer { e.trees = savedTrees }
        // Go's `Parse` keeps a named template's body when the new one is empty (blank text,
        // comments, only `define`s), yet `tpl` executes the template it just parsed: its own tree.
        let root: Tree?
        do {
            let parsed = try Parser.parse(name: e.rootName, parseName: e.rootName, text: text) { e.library.functions[$0] }
            TemplateSet.add(parsed, to: &e.trees)
            root = parsed.first { $0.name == e.rootName }
        } catch {
            e.siteState = site
            throw e.wrapFunctionError(c.name, "cannot parse template \(GoQuote.quote(text)): \(error)")
        }
        do {
            let out: String
            if let root {
                out = try e.executeTemplate(root, dot: args[1].unboxed)
            } else {
                out = try e.executeTemplate(named: e.rootName, dot: args[1].unboxed)
            }
            return .plainValue(.string(TemplateSet.removingNoValue(out)))
        } catch {
            e.siteState = site
            var wrapped = e.wrapFunctionError(c.name, "error during tpl function execution for \(GoQuote.quote(text)): \(error)")
            wrapped.helmMessage = error.chainHelmMessage
            throw wrapped
        }
    }

    /// `required MESSAGE VALUE`: VALUE, unless it is nil or "" (then an error with MESSAGE).
    private static func required(_ c: Call) throws(TemplateError) -> Datum {
        try c.expect(2)
        let args = try c.allArguments()
        let message = try string(args[0], 0, c)
        switch args[1].value {
        case .null, .string(""):
            var e = c.failure(message)
            e.helmMessage = message
            throw e
        default:
            // Returned through an `interface{}`: a struct comes back as a copy.
            if case .structure = args[1].item { return .boxed(args[1].item) }
            return args[1]
        }
    }

    /// `fail MESSAGE`: always an error with MESSAGE.
    private static func fail(_ c: Call) throws(TemplateError) -> Datum {
        try c.expect(1)
        let message = try string(try c.argument(0), 0, c)
        var e = c.failure(message)
        e.helmMessage = message
        throw e
    }
}
