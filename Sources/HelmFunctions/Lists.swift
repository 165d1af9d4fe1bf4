import TemplateEngine
import GoValues

/// Sprig's list functions. Lists are copied, never shared: `append` returns a new list.
enum ListFunctions {
    static let table: [String: FunctionBody] = [
        "list": { a in .list(a) },
        "tuple": { a in .list(a) },
        "append": { a in try push(a, "append") },
        "push": { a in try push(a, "push") },
        "mustAppend": { a in try push(a, "mustAppend") },
        "mustPush": { a in try push(a, "mustPush") },
        "prepend": { a in try prepend(a, "prepend") },
        "mustPrepend": { a in try prepend(a, "mustPrepend") },
        "first": { a in try element(a, "first", verb: "first") { $0.first } },
        "mustFirst": { a in try element(a, "mustFirst", verb: "first") { $0.first } },
        "last": { a in try element(a, "last", verb: "last") { $0.last } },
        "mustLast": { a in try element(a, "mustLast", verb: "last") { $0.last } },
        "rest": { a in try sublist(a, "rest", verb: "rest") { Array($0.dropFirst()) } },
        "mustRest": { a in try sublist(a, "mustRest", verb: "rest") { Array($0.dropFirst()) } },
        "initial": { a in try sublist(a, "initial", verb: "initial") { Array($0.dropLast()) } },
        "mustInitial": { a in try sublist(a, "mustInitial", verb: "initial") { Array($0.dropLast()) } },
        "reverse": { a in try transform(a, "reverse", verb: "Cannot find reverse on type") { $0.reversed() } },
        "mustReverse": { a in try transform(a, "mustReverse", verb: "Cannot find reverse on type") { $0.reversed() } },
        "compact": { a in try transform(a, "compact", verb: "Cannot compact on type") { $0.filter { !GoTypes.isEmpty($0) } } },
        "mustCompact": { a in try transform(a, "mustCompact", verb: "Cannot compact on type") { $0.filter { !GoTypes.isEmpty($0) } } },
        "uniq": { a in try transform(a, "uniq", verb: "Cannot find uniq on type", unique) },
        "mustUniq": { a in try transform(a, "mustUniq", verb: "Cannot find uniq on type", unique) },
        "without": { a in try without(a, "without") },
        "mustWithout": { a in try without(a, "mustWithout") },
        "has": { a in try has(a, "has") },
        "mustHas": { a in try has(a, "mustHas") },
        "concat": concat,
        "sortAlpha": sortAlpha,
        "until": until,
        "untilStep": untilStep,
        "seq": seq,
        "chunk": { a in try chunk(a, "chunk") },
        "mustChunk": { a in try chunk(a, "mustChunk") },
        "slice": { a in try slice(a, "slice") },
        "mustSlice": { a in try slice(a, "mustSlice") },
    ]

    /// The items of a list argument; other kinds fail with sprig's `Cannot ... on type KIND`.
    static func items(_ v: Value, _ message: (String) -> String) throws -> [Value] {
        if let l = v.listElements { return l }
        throw GoTypes.listKindError(v, message)
    }

    static func push(_ a: [Value], _ name: String) throws -> Value {
        try Arguments(name, a).expect(2)
        var l = try items(a[0]) { "Cannot push on type \($0)" }
        l.append(a[1])
        return .list(l)
    }

    static func prepend(_ a: [Value], _ name: String) throws -> Value {
        try Arguments(name, a).expect(2)
        var l = try items(a[0]) { "Cannot prepend on type \($0)" }
        l.insert(a[1], at: 0)
        return .list(l)
    }

    static func element(_ a: [Value], _ name: String, verb: String, _ pick: ([Value]) -> Value?) throws -> Value {
        try Arguments(name, a).expect(1)
        let l = try items(a[0]) { "Cannot find \(verb) on type \($0)" }
        return pick(l) ?? .null
    }

    /// `rest`/`initial` (of an empty list: Go's nil slice).
    static func sublist(_ a: [Value], _ name: String, verb: String, _ f: ([Value]) -> [Value]) throws -> Value {
        try Arguments(name, a).expect(1)
        let l = try items(a[0]) { "Cannot find \(verb) on type \($0)" }
        return l.isEmpty ? .nilList : .list(f(l))
    }

    static func transform(_ a: [Value], _ name: String, verb: String, _ f: ([Value]) -> [Value]) throws -> Value {
        try Arguments(name, a).expect(1)
        return .list(f(try items(a[0]) { "\(verb) \($0)" }))
    }

    /// First occurrences only, compared as Go's `reflect.DeepEqual` does.
    static func unique(_ l: [Value]) -> [Value] {
        var out: [Value] = []
        for v in l where !out.contains(v) { out.append(v) }
        return out
    }

    static func without(_ a: [Value], _ name: String) throws -> Value {
        try Arguments(name, a).expect(atLeast: 1)
        let l = try items(a[0]) { "Cannot find without on type \($0)" }
        let omit = a.dropFirst()
        return .list(l.filter { !omit.contains($0) })
    }

    static func has(_ a: [Value], _ name: String) throws -> Value {
        try Arguments(name, a).expect(2)
        if case .null = a[1] { return .bool(false) }
        switch a[1] {
        case .list(let l): return .bool(l.containsDeepEqual(a[0]))
        case .nilList: return .bool(false)
        default: throw GoTypes.listKindError(a[1]) { "Cannot find has on type \($0)" }
        }
    }

    /// Sprig's `concat`: the elements of every list, in order (none at all: Go's nil slice).
    static func concat(_ a: [Value]) throws -> Value {
        var out: [Value] = []
        for v in a {
            guard let l = v.listElements else {
                if case .null = v { throw callFailure("runtime error: invalid memory address or nil pointer dereference") }
                throw callFailure("Cannot concat type \(GoTypes.kindName(v)) as list")
            }
            out.append(contentsOf: l)
        }
        return out.isEmpty ? .nilList : .list(out)
    }

    static func sortAlpha(_ a: [Value]) throws -> Value {
        try Arguments("sortAlpha", a).expect(1)
        guard a[0].listElements != nil else { return .list([.string(GoTypes.stringValue(a[0]))]) }
        return .list(GoTypes.stringSlice(a[0]).sorted(by: Value.goLess).map(Value.string))
    }

    static func until(_ a: [Value]) throws -> Value {
        let args = Arguments("until", a)
        try args.expect(1)
        let n = try args.int(0)
        return .list(try steps(0, n, n < 0 ? -1 : 1))
    }

    static func untilStep(_ a: [Value]) throws -> Value {
        let args = Arguments("untilStep", a)
        try args.expect(3)
        return .list(try steps(try args.int(0), try args.int(1), try args.int(2)))
    }

    /// Sprig's `untilStep`: counts from start towards stop (exclusive); a step pointing away gives
    /// nothing. A list past ``BuildLimits/maxValueSize`` is refused before it is built.
    static func steps(_ start: Int, _ stop: Int, _ step: Int) throws(FunctionError) -> [Value] {
        var out: [Value] = []
        if step != 0, (stop < start) == (step < 0), stop != start {
            let span = stop.subtractingReportingOverflow(start)
            let count = span.overflow ? UInt.max : (span.partialValue.magnitude - 1) / step.magnitude + 1
            try BuildLimits.checkList(count: Int(clamping: count))
        }
        if stop < start {
            guard step < 0 else { return out }
            var i = start
            while i > stop {
                out.append(.int(Int64(i)))
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
            return out
        }
        guard step > 0 else { return out }
        var i = start
        while i < stop {
            out.append(.int(Int64(i)))
            let (next, overflow) = i.addingReportingOverflow(step)
            if overflow { break }
            i = next
        }
        return out
    }

    /// Sprig's `seq`: like the Unix command, inclusive, numbers joined by spaces.
    static func seq(_ a: [Value]) throws -> Value {
        let args = Arguments("seq", a)
        var p: [Int] = []
        for i in 0..<a.count { p.append(try args.int(i)) }
        var list: [Value]
        switch p.count {
        case 1:
            let inc = p[0] < 1 ? -1 : 1
            list = try steps(1, p[0] + inc, inc)
        case 2:
            let inc = p[1] < p[0] ? -1 : 1
            list = try steps(p[0], p[1] + inc, inc)
        case 3:
            var inc = 1
            if p[2] < p[0] {
                inc = -1
                if p[1] > 0 { return .string("") }
            }
            list = try steps(p[0], p[2] + inc, p[1])
        default:
            return .string("")
        }
        return .string(list.map { GoFormat.value($0) }.joined(separator: " "))
    }

    static func chunk(_ a: [Value], _ name: String) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(2)
        let size = try args.int(0)
        let l = try items(a[1]) { "Cannot chunk type \($0)" }
        guard size > 0 else { throw callFailure("runtime error: integer divide by zero") }
        var out: [Value] = []
        var i = 0
        while i < l.count {
            out.append(.list(Array(l[i..<min(i + size, l.count)])))
            i += size
        }
        return .list(out)
    }

    /// Sprig's `slice list [start [end]]` (Go's builtin `slice` is replaced by this one in Helm).
    static func slice(_ a: [Value], _ name: String) throws -> Value {
        try Arguments(name, a).expect(atLeast: 1)
        let l = try items(a[0]) { "list should be type of slice or array but \($0)" }
        if l.isEmpty { return .null }
        let start = a.count > 1 ? Int(truncatingIfNeeded: NumberConversions.castInt64(a[1])) : 0
        let end = a.count > 2 ? Int(truncatingIfNeeded: NumberConversions.castInt64(a[2])) : l.count
        guard start >= 0, start <= end, end <= l.count else {
            throw callFailure("reflect: slice index out of range")
        }
        return .list(Array(l[start..<end]))
    }
}
