import GoValues

/// Go's predefined template functions, with Go's argument rules and error texts.
enum Builtin: String, CaseIterable {
    case and, or, not, len, index, slice, eq, ne, lt, le, gt, ge
    case print, printf, println, html, js, urlquery, call
}

enum Builtins {
    static func call(_ b: Builtin, _ c: Call) throws(TemplateError) -> Datum {
        switch b {
        case .and, .or:
            try c.expect(1, variadic: true)
            let stopOn = b == .or
            var v: Datum = .invalid
            for i in 0..<c.args.count {
                v = try c.argument(i)
                if v.truth == stopOn { return v }
            }
            if let final = c.final { v = final }
            return v
        case .not:
            try c.expect(1)
            return .plainValue(.bool(!(try c.argument(0)).truth))
        case .len:
            try c.expect(1)
            return try length(try c.argument(0), c)
        case .index:
            try c.expect(1, variadic: true)
            let all = try c.allArguments()
            return try index(all[0], Array(all.dropFirst()), c)
        case .slice:
            try c.expect(1, variadic: true)
            let all = try c.allArguments()
            return try slice(all[0], Array(all.dropFirst()), c)
        case .eq:
            try c.expect(1, variadic: true)
            let all = try c.allArguments()
            return .plainValue(.bool(try equal(all[0], Array(all.dropFirst()), c)))
        case .ne:
            try c.expect(2)
            let all = try c.allArguments()
            return .plainValue(.bool(!(try equal(all[0], [all[1]], c))))
        case .lt, .le, .gt, .ge:
            try c.expect(2)
            let all = try c.allArguments()
            let a = all[0], z = all[1]
            switch b {
            case .lt: return .plainValue(.bool(try less(a, z, c)))
            case .le: return .plainValue(.bool(try lessOrEqual(a, z, c)))
            case .gt: return .plainValue(.bool(!(try lessOrEqual(a, z, c))))
            default: return .plainValue(.bool(!(try less(a, z, c))))
            }
        case .print:
            let all = try c.allArguments()
            if all.contains(where: { $0.isStructure }) { return .plainValue(.string(GoPrintf.sprint(operands: all.map(PrintOperand.init)))) }
            return .plainValue(.string(GoPrintf.sprint(all.map(\.value))))
        case .println:
            let all = try c.allArguments()
            if all.contains(where: { $0.isStructure }) { return .plainValue(.string(GoPrintf.sprintln(operands: all.map(PrintOperand.init)))) }
            return .plainValue(.string(GoPrintf.sprintln(all.map(\.value))))
        case .printf:
            try c.expect(1, variadic: true)
            let all = try c.allArguments()
            guard case .string(let format) = all[0].value else {
                throw c.argumentFailure("wrong type for value; expected string; got \(all[0].unboxedTypeName)", index: 0)
            }
            if all.contains(where: { $0.isStructure }) {
                return .plainValue(.string(GoPrintf.sprintf(format, operands: all.dropFirst().map(PrintOperand.init))))
            }
            let plain = GoPrintf.plainStringFormat(format, all.dropFirst()) { d -> String? in
                if case .value(.string(let s)) = d.item { return s }
                return nil
            }
            if let plain {
                c.recycle(all)
                return .plainValue(.string(plain))
            }
            return .plainValue(.string(GoPrintf.sprintf(format, all.dropFirst().map(\.value))))
        case .html:
            return .plainValue(.string(Escapers.html(textOfArguments(try c.allArguments()))))
        case .js:
            return .plainValue(.string(Escapers.js(textOfArguments(try c.allArguments()))))
        case .urlquery:
            return .plainValue(.string(Escapers.queryEscape(textOfArguments(try c.allArguments()))))
        case .call:
            try c.expect(1, variadic: true)
            let fn = try c.argument(0).indirect
            if case .invalid = fn { throw c.failure("call of nil") }
            throw c.failure("non-function \(c.args.first?.description ?? "") of type \(fn.unboxedTypeName)")
        }
    }

    /// Go's `evalArgs`: one string as is, else `fmt.Sprint` with nil printed as (the string) `<no value>`.
    private static func textOfArguments(_ args: [Datum]) -> String {
        if args.count == 1, case .string(let s) = args[0].value { return s }
        return GoPrintf.sprint(args.map { d in
            if case .null = d.value { return .string("<no value>") }
            return d.value
        })
    }

    // MARK: len, index, slice

    private static func length(_ item: Datum, _ c: Call) throws(TemplateError) -> Datum {
        switch item.underlyingValue {
        case .invalid:
            throw c.failure("reflect: call of reflect.Value.Type on zero Value")
        case .boxed(let i), .plain(let i):
            switch i {
            case .map(let m): return .plainValue(.int(Int64(m.count)))
            case .list(let l): return .plainValue(.int(Int64(l.count)))
            case .value(.null): throw c.failure("len of nil pointer")
            case .structure(let s): throw c.failure("len of type \(s.typeName)")
            case .value(.string(let s)): return .plainValue(.int(Int64(ByteString.count(s))))
            case .value(.list(let l)): return .plainValue(.int(Int64(l.count)))
            case .value(.nilList): return .plainValue(.int(0))
            case .value(.map(let m)): return .plainValue(.int(Int64(m.count)))
            case .value(let v): throw c.failure("len of type \(v.goTypeName)")
            }
        }
    }

    /// Go's `indexArg`: an integer index within `0...cap`.
    private static func indexArgument(_ index: Datum, cap: Int, _ c: Call) throws(TemplateError) -> Int {
        switch index.indirect {
        case .invalid:
            throw c.failure("cannot index slice/array with nil")
        case .boxed(let i), .plain(let i):
            guard let x = i.integer else {
                throw c.failure("cannot index slice/array with type \(i.goTypeName)")
            }
            if x < 0 || x > Int64(cap) { throw c.failure("index out of range: \(x)") }
            return Int(x)
        }
    }

    private static func index(_ item: Datum, _ indexes: [Datum], _ c: Call) throws(TemplateError) -> Datum {
        let heap = c.executor.heap
        // A map of `[]byte` values (`.Files.Glob ...`) gives byte values, as `range` does.
        var current = item.indirect.byteEntriesMap(in: heap) ?? item.indirect.underlyingValue
        if case .invalid = current { throw c.failure("index of untyped nil") }
        for index in indexes {
            let target: Item
            switch current {
            case .invalid: throw c.failure("index of nil pointer")
            case .boxed(let i), .plain(let i):
                if i.isNull { throw c.failure("index of nil pointer") }
                target = i.object(in: heap)
            }
            switch target {
            case .list(let l):
                let x = try indexArgument(index, cap: l.count, c)
                if x == l.count { throw c.failure("reflect: slice index out of range") }
                current = .boxed(l[x])
            case .value(.nilList):
                _ = try indexArgument(index, cap: 0, c)
                throw c.failure("reflect: slice index out of range")
            case .value(.string(let s)):
                let count = ByteString.count(s)
                let x = try indexArgument(index, cap: count, c)
                if x == count { throw c.failure("reflect: string index out of range") }
                current = .plainValue(.int(Int64(ByteString.byte(at: x, of: s))))
            case .map(let m):
                switch index.indirect {
                case .invalid:
                    throw c.failure("value is nil; should be of type string")
                case .boxed(let k), .plain(let k):
                    guard case .value(.string(let key)) = k else {
                        throw c.failure("value has type \(k.goTypeName); should be string")
                    }
                    current = .boxed(m[key] ?? .null)
                }
            case .value(let v):
                throw c.failure("can't index item of type \(v.goTypeName)")
            case .structure(let s):
                throw c.failure("can't index item of type \(s.typeName)")
            }
        }
        return current
    }

    private static func slice(_ item: Datum, _ indexes: [Datum], _ c: Call) throws(TemplateError) -> Datum {
        let target = item.indirect.underlyingValue
        guard case .plain(let i) = target else { throw c.failure("slice of untyped nil") }
        let value = i.value
        if indexes.count > 3 { throw c.failure("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch value {
        case .string(let s):
            if indexes.count == 3 { throw c.failure("cannot 3-index slice a string") }
            count = ByteString.count(s)
        case .list(let l):
            count = l.count
        case .nilList:
            count = 0
        default:
            throw c.failure("can't slice item of type \(value.goTypeName)")
        }
        var idx = [0, count, count]
        for (k, index) in indexes.enumerated() { idx[k] = try indexArgument(index, cap: count, c) }
        if idx[0] > idx[1] { throw c.failure("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw c.failure("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch value {
        case .string(let s):
            return .plainValue(.string(ByteString.string(ByteString.bytes(s)[idx[0]..<idx[1]])))
        case .list(let l):
            return .plainValue(.list(Array(l[idx[0]..<idx[1]])))
        case .nilList:
            return .plainValue(.nilList)  // a nil slice sliced stays nil
        default:
            return .invalid
        }
    }

    // MARK: comparison

    private enum BasicKind { case bool, int, float, string, invalid }

    private static func basicKind(_ d: Datum) -> BasicKind {
        guard case .value(let v) = d.item else { return .invalid }
        switch v {
        case .bool: return .bool
        case .int, .int64: return .int
        case .float: return .float
        case .string: return .string
        default: return .invalid
        }
    }

    /// Whether `d` is Go's nil `[]interface{}`.
    private static func isNilList(_ d: Datum) -> Bool {
        if case .value(.nilList) = d.item { return true }
        return false
    }

    /// Go's `eq`: arg1 == any of others; basic kinds only, nil equal to nil.
    private static func equal(_ a: Datum, _ others: [Datum], _ c: Call) throws(TemplateError) -> Bool {
        let x = a.indirect
        if others.isEmpty { throw c.failure("missing argument for comparison") }
        let k1 = basicKind(x)
        for other in others {
            let y = other.indirect
            let k2 = basicKind(y)
            var truth = false
            if k1 != k2 {
                if x.isValid && y.isValid {
                    throw c.failure("incompatible types for comparison: \(x.value.goTypeName) and \(y.value.goTypeName)")
                }
            } else {
                switch (x.value, y.value) {
                case (.bool(let p), .bool(let q)): truth = p == q
                case (.int(let p), .int(let q)), (.int64(let p), .int64(let q)),
                    (.int(let p), .int64(let q)), (.int64(let p), .int(let q)):
                    // Go compares integers of any width by value.
                    truth = p == q
                case (.float(let p), .float(let q)): truth = p == q
                case (.string(let p), .string(let q)): truth = ByteString.equal(p, q)
                default:
                    // Lists, maps, nil.
                    if x.isValid && y.isValid {
                        let (xv, yv) = (x.value, y.value)
                        if xv.goTypeName != yv.goTypeName {
                            throw c.failure(
                                "non-comparable types \(GoPrintf.sprintf("%s", [xv])): \(xv.goTypeName), \(yv.goTypeName): \(GoPrintf.sprint([yv]))")
                        }
                        // Go compares a nil slice with a slice of its type: equal when both are nil.
                        guard xv == .nilList || yv == .nilList else {
                            throw c.failure("non-comparable type \(GoPrintf.sprintf("%s", [yv])): \(yv.goTypeName)")
                        }
                        truth = xv == yv
                    } else {
                        // Nothing equals nothing, and a nil slice.
                        truth = (!x.isValid || isNilList(x)) && (!y.isValid || isNilList(y))
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    /// Go's `le`: `lt`, else `eq`.
    private static func lessOrEqual(_ a: Datum, _ b: Datum, _ c: Call) throws(TemplateError) -> Bool {
        if try less(a, b, c) { return true }
        return try equal(a, [b], c)
    }

    /// Go's `lt`: basic kinds only, both of the same kind.
    private static func less(_ a: Datum, _ b: Datum, _ c: Call) throws(TemplateError) -> Bool {
        let x = a.indirect, y = b.indirect
        let k1 = basicKind(x), k2 = basicKind(y)
        if k1 == .invalid || k2 == .invalid { throw c.failure("invalid type for comparison") }
        if k1 != k2 {
            throw c.failure("incompatible types for comparison: \(x.value.goTypeName) and \(y.value.goTypeName)")
        }
        switch (x.value, y.value) {
        case (.int(let p), .int(let q)), (.int64(let p), .int64(let q)),
            (.int(let p), .int64(let q)), (.int64(let p), .int(let q)):
            return p < q
        case (.float(let p), .float(let q)): return p < q
        case (.string(let p), .string(let q)): return Value.goLess(p, q)
        default: throw c.failure("invalid type for comparison")
        }
    }
}

