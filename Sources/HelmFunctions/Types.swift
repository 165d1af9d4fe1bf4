import GoValues
import YAML

/// Sprig's defaults, flow helpers and reflection functions.
enum TypeFunctions {
    static let table: [String: FunctionBody] = [
        "default": { a in
            try Arguments("default", a).expect(atLeast: 1)
            if a.count < 2 || GoTypes.isEmpty(a[1]) { return a[0] }
            return a[1]
        },
        "empty": { a in
            try Arguments("empty", a).expect(1)
            return .bool(GoTypes.isEmpty(a[0]))
        },
        "coalesce": { a in a.first { !GoTypes.isEmpty($0) } ?? .null },
        "all": { a in .bool(a.allSatisfy { !GoTypes.isEmpty($0) }) },
        "any": { a in .bool(a.contains { !GoTypes.isEmpty($0) }) },
        "ternary": { a in
            let args = Arguments("ternary", a)
            try args.expect(3)
            return try args.bool(2) ? a[0] : a[1]
        },
        "typeOf": { a in
            try Arguments("typeOf", a).expect(1)
            return .string(GoTypes.typeName(a[0]))
        },
        "typeIs": { a in
            let args = Arguments("typeIs", a)
            try args.expect(2)
            return .bool(try args.string(0) == GoTypes.typeName(a[1]))
        },
        "typeIsLike": { a in
            let args = Arguments("typeIsLike", a)
            try args.expect(2)
            let target = try args.string(0)
            let t = GoTypes.typeName(a[1])
            return .bool(target == t || "*" + target == t)
        },
        "kindOf": { a in
            try Arguments("kindOf", a).expect(1)
            return .string(GoTypes.kindName(a[0]))
        },
        "kindIs": { a in
            let args = Arguments("kindIs", a)
            try args.expect(2)
            return .bool(try args.string(0) == GoTypes.kindName(a[1]))
        },
        "deepEqual": { a in
            try Arguments("deepEqual", a).expect(2)
            return .bool(a[0] == a[1])
        },
    ]
}
