import GoValues

/// Sprig's dictionary functions.
///
/// Go maps are references: `set $d "k" v` changes `$d` itself and returns it. These functions
/// return the changed map; those whose first argument the engine must change in place, so
/// `$_ := set $d ...` behaves as in Helm, are registered as such (``HelmLibrary/roles``).
enum DictFunctions {
    static let table: [String: FunctionBody] = [
        "dict": dict,
        "get": { a in
            let args = Arguments("get", a)
            try args.expect(2)
            return try args.map(0)[try args.string(1)] ?? .string("")
        },
        "set": { a in
            let args = Arguments("set", a)
            try args.expect(3)
            var m = try args.map(0)
            m[try args.string(1)] = a[2]
            return .map(m)
        },
        "unset": { a in
            let args = Arguments("unset", a)
            try args.expect(2)
            var m = try args.map(0)
            m.removeValue(forKey: try args.string(1))
            return .map(m)
        },
        "hasKey": { a in
            let args = Arguments("hasKey", a)
            try args.expect(2)
            return .bool(try args.map(0)[try args.string(1)] != nil)
        },
        "pluck": { a in
            let args = Arguments("pluck", a)
            try args.expect(atLeast: 1)
            let key = try args.string(0)
            var out: [Value] = []
            for i in 1..<max(1, a.count) where i < a.count {
                if let v = try args.map(i)[key] { out.append(v) }
            }
            return .list(out)
        },
        "keys": { a in
            let args = Arguments("keys", a)
            var out: [String] = []
            for i in 0..<a.count { out.append(contentsOf: try args.map(i).keys) }
            // Go's map order is random; sorted output keeps renders reproducible.
            return .list(out.sorted(by: Value.goLess).map(Value.string))
        },
        "values": { a in
            let args = Arguments("values", a)
            try args.expect(1)
            let m = try args.map(0)
            return .list(m.keys.sorted(by: Value.goLess).map { m[$0]! })
        },
        "pick": { a in
            let args = Arguments("pick", a)
            try args.expect(atLeast: 1)
            let m = try args.map(0)
            var out: [String: Value] = [:]
            for k in try args.strings(from: 1) { if let v = m[k] { out[k] = v } }
            return .map(out)
        },
        "omit": { a in
            let args = Arguments("omit", a)
            try args.expect(atLeast: 1)
            var m = try args.map(0)
            for k in try args.strings(from: 1) { m.removeValue(forKey: k) }
            return .map(m)
        },
        "merge": { a in try merge(a, "merge", overwrite: false) },
        "mustMerge": { a in try merge(a, "mustMerge", overwrite: false) },
        "mergeOverwrite": { a in try merge(a, "mergeOverwrite", overwrite: true) },
        "mustMergeOverwrite": { a in try merge(a, "mustMergeOverwrite", overwrite: true) },
        "deepCopy": { a in
            try Arguments("deepCopy", a).expect(1)
            if case .null = a[0] { throw callFailure("reflect: call of reflect.Value.Type on zero Value") }
            return a[0]
        },
        "mustDeepCopy": { a in
            try Arguments("mustDeepCopy", a).expect(1)
            return a[0]
        },
        "dig": dig,
    ]

    /// `dict k1 v1 k2 v2 ...`: keys rendered as strings; a trailing key gets `""`.
    static func dict(_ a: [Value]) throws -> Value {
        var m = [String: Value](minimumCapacity: a.count / 2 + 1)
        var i = 0
        while i < a.count {
            let key = GoTypes.stringValue(a[i])
            m[key] = i + 1 < a.count ? a[i + 1] : .string("")
            i += 2
        }
        return .map(m)
    }

    static func merge(_ a: [Value], _ name: String, overwrite: Bool) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(atLeast: 1)
        var dst = try args.map(0)
        for i in 1..<max(1, a.count) where i < a.count {
            let src = try args.map(i)
            mergeInto(&dst, src, overwrite: overwrite)
        }
        return .map(dst)
    }

    /// mergo's map merge: maps merge recursively; otherwise `src` fills keys `dst` lacks or
    /// holds an empty value for, and with `overwrite` replaces any value (a nil one too).
    static func mergeInto(_ dst: inout [String: Value], _ src: [String: Value], overwrite: Bool) {
        for (key, s) in src {
            let d = dst[key]
            if case .null = s {
                if overwrite { dst[key] = .null }
                continue
            }
            if case .map(let sm) = s, case .map(var dm)? = d {
                mergeInto(&dm, sm, overwrite: overwrite)
                dst[key] = .map(dm)
                continue
            }
            if overwrite || d == nil || GoTypes.isEmpty(d!) {
                dst[key] = s
            }
        }
    }

    /// `dig "a" "b" DEFAULT $map`: walks nested maps; the default when a key is missing.
    static func dig(_ a: [Value]) throws -> Value {
        guard a.count >= 3 else { throw callFailure("dig needs at least three arguments") }
        guard case .map(var current) = a[a.count - 1] else {
            throw callFailure("interface conversion: interface {} is \(GoTypes.conversionName(a[a.count - 1])), not map[string]interface {}")
        }
        let fallback = a[a.count - 2]
        var keys: [String] = []
        for k in a[0..<(a.count - 2)] {
            guard case .string(let s) = k else {
                throw callFailure("interface conversion: interface {} is \(GoTypes.conversionName(k)), not string")
            }
            keys.append(s)
        }
        for (i, k) in keys.enumerated() {
            guard let step = current[k] else { return fallback }
            if i == keys.count - 1 { return step }
            guard case .map(let next) = step else {
                throw callFailure("interface conversion: interface {} is \(GoTypes.conversionName(step)), not map[string]interface {}")
            }
            current = next
        }
        return fallback
    }
}

extension GoTypes {
    /// The dynamic type as Go's failed interface conversion names it (`nil` for nil).
    static func conversionName(_ v: Value) -> String {
        if case .null = v { return "nil" }
        return typeName(v)
    }
}
