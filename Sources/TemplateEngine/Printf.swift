import FoundationEssentials
import GoValues

/// Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` over template values: the verbs
/// `%v %s %d %q %x %X %o %O %b %c %U %e %E %f %F %g %G %t %T %%`, flags `+ - # 0 space`, width and
/// precision (also `*`), and Go's error forms (`%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=2)`).
public enum GoPrintf {
    /// `fmt.Sprintf(format, args...)`.
    public static func sprintf(_ format: String, _ args: [Value]) -> String {
        if let plain = plainStringFormat(format, args) { return plain }
        var p = Printer()
        p.doPrintf(Array(format.unicodeScalars), args.map(PrintOperand.value))
        return p.out
    }

    /// `fmt.Sprintf` over operands that may be structs.
    static func sprintf(_ format: String, operands args: [PrintOperand]) -> String {
        var p = Printer()
        p.doPrintf(Array(format.unicodeScalars), args)
        return p.out
    }

    /// The common case written directly: a format whose verbs are all a bare `%s` (or `%%`),
    /// one string argument per `%s`. Nil for anything else (flags, other verbs, other types,
    /// missing or extra arguments), which the full formatter handles.
    static func plainStringFormat(_ format: String, _ args: [Value]) -> String? {
        var out: [UInt8] = []
        var argIndex = 0
        var format = format
        let ok = format.withUTF8 { f -> Bool in
            out.reserveCapacity(f.count + 16 * args.count)
            var i = 0
            var start = 0
            let n = f.count
            while i < n {
                if f[i] != 0x25 {  // %
                    i += 1
                    continue
                }
                if i + 1 >= n { return false }
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<i])) }
                switch f[i + 1] {
                case 0x25:
                    out.append(0x25)
                case 0x73:  // s
                    guard argIndex < args.count, case .string(var text) = args[argIndex] else { return false }
                    text.withUTF8 { out.append(contentsOf: $0) }
                    argIndex += 1
                default:
                    return false
                }
                i += 2
                start = i
            }
            if start < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<n])) }
            return true
        }
        guard ok, argIndex == args.count else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``plainStringFormat(_:_:)`` over any collection of arguments, `string` giving each one's
    /// text when it is a string: the result is measured first and written once, no buffer between.
    static func plainStringFormat<Arguments: Collection>(
        _ format: String, _ args: Arguments, string: (Arguments.Element) -> String?
    ) -> String? {
        var format = format
        return format.withUTF8 { f -> String? in
            // Pass 1: only `%s` and `%%`, one string per `%s`; the length of the result.
            var length = 0
            var argument = args.startIndex
            var i = 0
            let n = f.count
            while i < n {
                guard f[i] == 0x25 else {
                    length += 1
                    i += 1
                    continue
                }
                guard i + 1 < n else { return nil }
                if f[i + 1] == 0x25 {
                    length += 1
                } else if f[i + 1] == 0x73, argument != args.endIndex, let text = string(args[argument]) {
                    length += text.utf8.count
                    argument = args.index(after: argument)
                } else {
                    return nil
                }
                i += 2
            }
            guard argument == args.endIndex else { return nil }
            // Pass 2: the text.
            return String(unsafeUninitializedCapacity: length) { out -> Int in
                guard let o = out.baseAddress else { return 0 }
                var w = 0
                var start = 0
                var argument = args.startIndex
                var i = 0
                func copy(_ from: Int, _ to: Int) {
                    guard to > from, let base = f.baseAddress else { return }
                    (o + w).update(from: base + from, count: to - from)
                    w += to - from
                }
                while i < n {
                    if f[i] != 0x25 {
                        i += 1
                        continue
                    }
                    copy(start, i)
                    if f[i + 1] == 0x25 {
                        o[w] = 0x25
                        w += 1
                    } else if var text = string(args[argument]) {
                        text.withUTF8 { t in
                            if let base = t.baseAddress, t.count > 0 { (o + w).update(from: base, count: t.count) }
                            w += t.count
                        }
                        argument = args.index(after: argument)
                    }
                    i += 2
                    start = i
                }
                copy(start, n)
                return w
            }
        }
    }

    /// `fmt.Sprint(args...)`: spaces between operands when neither side is a string.
    public static func sprint(_ args: [Value]) -> String {
        var p = Printer()
        for (i, a) in args.enumerated() {
            if i > 0, !a.isString, !args[i - 1].isString { p.out += " " }
            p.flags = Flags()
            p.printArg(.value(a), "v")
        }
        return p.out
    }

    /// `fmt.Sprint` over operands that may be structs.
    static func sprint(operands args: [PrintOperand]) -> String {
        var p = Printer()
        for (i, a) in args.enumerated() {
            if i > 0, !a.isString, !args[i - 1].isString { p.out += " " }
            p.flags = Flags()
            p.printArg(a, "v")
        }
        return p.out
    }

    /// `fmt.Sprintln(args...)`: spaces between all operands, newline at the end.
    public static func sprintln(_ args: [Value]) -> String {
        sprintln(operands: args.map(PrintOperand.value))
    }

    /// `fmt.Sprintln` over operands that may be structs.
    static func sprintln(operands args: [PrintOperand]) -> String {
        var p = Printer()
        for (i, a) in args.enumerated() {
            if i > 0 { p.out += " " }
            p.flags = Flags()
            p.printArg(a, "v")
        }
        p.out += "\n"
        return p.out
    }
}

extension Value {
    fileprivate var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

private struct Flags {
    var plus = false, minus = false, sharp = false, space = false, zero = false
    /// `%+v`: struct field names (the `+` then signs no number).
    var plusV = false
    /// `%#v`: Go syntax (quoted strings, typed composite literals).
    var sharpV = false
    var width: Int?
    var precision: Int?
}

private struct Printer {
    var out = ""
    var flags = Flags()

    // MARK: the format loop

    mutating func doPrintf(_ format: [Unicode.Scalar], _ args: [PrintOperand]) {
        var argNum = 0
        var i = 0
        let end = format.count
        // Whether an explicit index (`%[2]d`) was used: then unused arguments are not reported.
        var reordered = false
        /// Go's `argNumber`: an explicit `[n]` at `i` selects argument n-1 (goodArgNum false when
        /// it is out of range or malformed).
        func argNumber(_ argNum: Int, _ i: Int, goodArgNum: inout Bool) -> (Int, Int, Bool) {
            guard i < end, format[i] == "[" else { return (argNum, i, false) }
            reordered = true
            guard end - i >= 3 else {
                goodArgNum = false
                return (argNum, i + 1, false)
            }
            var close = i + 1
            while close < end, format[close] != "]" { close += 1 }
            guard close < end else {
                goodArgNum = false
                return (argNum, i + 1, false)
            }
            let (n, next) = parseNumber(format, i + 1)
            guard let n, next == close else {
                goodArgNum = false
                return (argNum, close + 1, false)
            }
            if n - 1 >= 0, n - 1 < args.count { return (n - 1, close + 1, true) }
            goodArgNum = false
            return (argNum, close + 1, true)
        }
        while i < end {
            let start = i
            while i < end && format[i] != "%" { i += 1 }
            if i > start { out.unicodeScalars.append(contentsOf: format[start..<i]) }
            if i >= end { break }
            i += 1  // skip %
            flags = Flags()
            var goodArgNum = true
            flagLoop: while i < end {
                switch format[i] {
                case "#": flags.sharp = true
                case "0": flags.zero = !flags.minus
                case "+": flags.plus = true
                case "-": flags.minus = true; flags.zero = false
                case " ": flags.space = true
                default: break flagLoop
                }
                i += 1
            }
            var afterIndex: Bool
            (argNum, i, afterIndex) = argNumber(argNum, i, goodArgNum: &goodArgNum)
            // Width.
            if i < end && format[i] == "*" {
                i += 1
                if argNum < args.count, case .value(let v) = args[argNum], let w = v.integer, abs(w) <= 1_000_000 {
                    var width = Int(w)
                    if width < 0 { width = -width; flags.minus = true; flags.zero = false }
                    flags.width = width
                } else {
                    out += "%!(BADWIDTH)"
                }
                if argNum < args.count { argNum += 1 }
                afterIndex = false
            } else {
                let (n, next) = parseNumber(format, i)
                flags.width = n
                i = next
                if afterIndex && n != nil { goodArgNum = false }  // "%[3]2d"
            }
            // Precision.
            if i < end && format[i] == "." {
                i += 1
                if afterIndex { goodArgNum = false }  // "%[3].2d"
                (argNum, i, afterIndex) = argNumber(argNum, i, goodArgNum: &goodArgNum)
                if i < end && format[i] == "*" {
                    i += 1
                    if argNum < args.count, case .value(let v) = args[argNum], let p = v.integer, p >= 0, p <= 1_000_000 {
                        flags.precision = Int(p)
                    } else {
                        out += "%!(BADPREC)"
                    }
                    if argNum < args.count { argNum += 1 }
                    afterIndex = false
                } else {
                    let (n, next) = parseNumber(format, i)
                    flags.precision = n ?? 0
                    i = next
                }
            }
            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, i, goodArgNum: &goodArgNum) }
            if i >= end {
                out += "%!(NOVERB)"
                break
            }
            let verb = format[i]
            i += 1
            if verb == "%" {
                out += "%"
                continue
            }
            if !goodArgNum {
                out += "%!"
                out.unicodeScalars.append(verb)
                out += "(BADINDEX)"
                continue
            }
            if argNum >= args.count {
                out += "%!"
                out.unicodeScalars.append(verb)
                out += "(MISSING)"
                continue
            }
            if verb == "v" {
                (flags.sharpV, flags.sharp) = (flags.sharp, false)
                (flags.plusV, flags.plus) = (flags.plus, false)
            }
            printArg(args[argNum], verb)
            argNum += 1
        }
        if reordered { return }
        if argNum < args.count {
            flags = Flags()
            out += "%!(EXTRA "
            for (k, a) in args[argNum...].enumerated() {
                if k > 0 { out += ", " }
                switch a {
                case .value(.null):
                    out += "<nil>"
                case .value(let v):
                    out += v.goTypeName + "="
                    printArg(a, "v")
                case .structure(let s):
                    out += s.typeName + "="
                    printArg(a, "v")
                }
            }
            out += ")"
        }
    }

    private func parseNumber(_ s: [Unicode.Scalar], _ start: Int) -> (Int?, Int) {
        var i = start
        var n = 0
        while i < s.count, let d = s[i].properties.numericType == .decimal ? Int(String(s[i])) : nil, s[i].isASCII {
            // Go's parsenum: a number already past 1e6 before its next digit ends the whole
            // format (`%!(NOVERB)`), so widths stay below ~1e7.
            if n > 1_000_000 { return (nil, s.count) }
            n = n * 10 + d
            i += 1
        }
        return (i > start ? n : nil, i)
    }

    // MARK: dispatch by type

    /// Prints one top-level argument.
    mutating func printArg(_ operand: PrintOperand, _ verb: Unicode.Scalar) {
        let arg: Value
        switch operand {
        case .value(let v): arg = v
        case .structure(let s):
            if verb == "T" {
                fmtString(s.typeName, "s")
            } else if let text = s.bytesText, "sqxX".unicodeScalars.contains(verb) {
                fmtString(text, verb)
            } else if let underlying = s.underlying {
                printValue(underlying, verb, depth: 0)
            } else if let text = s.valueStringer, "vsqxX".unicodeScalars.contains(verb) {
                // A `String()` method with a value receiver is what `fmt` prints.
                fmtString(text, verb)
            } else {
                if s.isPointer { out += "&" }
                printStruct(s, verb, depth: 0)
            }
            return
        }
        if case .null = arg {
            if verb == "T" || verb == "v" { pad("<nil>") } else { badVerb(arg, verb) }
            return
        }
        if verb == "T" {
            fmtString(arg.goTypeName, "s")
            return
        }
        printValue(arg, verb, depth: 0)
    }

    mutating func printValue(_ v: Value, _ verb: Unicode.Scalar, depth: Int) {
        if flags.sharpV, printGoSyntax(v, depth: depth) { return }
        switch v {
        case .null:
            // A nil element of a list or map prints as <nil> whatever the verb.
            pad("<nil>")
        case .bool(let b):
            if verb == "t" || verb == "v" { pad(b ? "true" : "false") } else { badVerb(v, verb) }
        case .int(let n), .int64(let n):
            fmtInteger(n, verb, original: v)
        case .float(let f):
            fmtFloat(f, verb, original: v)
        case .string(let s):
            switch verb {
            case "v", "s", "x", "X", "q": fmtString(s, verb)
            default: badVerb(v, verb)
            }
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += " " }
                printValue(item, verb, depth: depth + 1)
            }
            out += "]"
        case .nilList:
            out += "[]"
        case .map(let m):
            out += "map["
            for (i, key) in v.sortedKeys.enumerated() {
                if i > 0 { out += " " }
                printValue(.string(key), verb, depth: depth + 1)
                out += ":"
                printValue(m[key] ?? .null, verb, depth: depth + 1)
            }
            out += "]"
        }
    }

    /// `%#v` of the values whose Go syntax differs from `%v`: `"s"`, `[]interface {}{1, "a"}`,
    /// `[]interface {}(nil)`, `map[string]interface {}{"k":1}`, a nil element `interface {}(nil)`.
    /// False for the others (numbers, booleans), which print as for `%v`.
    private mutating func printGoSyntax(_ v: Value, depth: Int) -> Bool {
        switch v {
        case .null:
            out += depth == 0 ? "<nil>" : "interface {}(nil)"
        case .string(let s):
            fmtString(s, "q")
        case .nilList:
            out += "[]interface {}(nil)"
        case .list(let items):
            out += "[]interface {}{"
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                printValue(item, "v", depth: depth + 1)
            }
            out += "}"
        case .map(let m):
            out += "map[string]interface {}{"
            for (i, key) in v.sortedKeys.enumerated() {
                if i > 0 { out += ", " }
                printValue(.string(key), "v", depth: depth + 1)
                out += ":"
                printValue(m[key] ?? .null, "v", depth: depth + 1)
            }
            out += "}"
        case .bool, .int, .int64, .float:
            return false
        }
        return true
    }

    /// Go's `{f1 f2 ...}` (`{Name:f1 ...}` for `%+v`), every field printed with the verb.
    /// `%#v` (Go syntax): `common.KubeVersion{Version:"v1.35.0", ...}`.
    mutating func printStruct(_ s: GoStruct, _ verb: Unicode.Scalar, depth: Int) {
        if let underlying = s.underlying {
            printValue(underlying, verb, depth: depth)
            return
        }
        let goSyntax = flags.sharpV && verb == "v"
        if goSyntax { out += s.isPointer ? String(s.typeName.dropFirst()) : s.typeName }
        out += "{"
        for (i, f) in s.fields.enumerated() {
            if i > 0 { out += goSyntax ? ", " : " " }
            if (flags.plusV || goSyntax) && verb == "v" { out += f.name + ":" }
            switch f.content {
            case .value(let v): printValue(v, verb, depth: depth + 1)
            case .structure(let inner): printStruct(inner, verb, depth: depth + 1)
            }
        }
        out += "}"
    }

    mutating func badVerb(_ v: Value, _ verb: Unicode.Scalar) {
        out += "%!"
        out.unicodeScalars.append(verb)
        out += "("
        if case .null = v {
            out += "<nil>"
        } else {
            out += v.goTypeName + "="
            printValue(v, "v", depth: 0)
        }
        out += ")"
    }

    // MARK: padding

    mutating func pad(_ s: String) {
        guard let width = flags.width, width > 0 else {
            out += s
            return
        }
        let count = s.unicodeScalars.count
        guard count < width else {
            out += s
            return
        }
        let padding = String(repeating: flags.zero ? "0" : " ", count: width - count)
        if flags.minus { out += s + padding } else { out += padding + s }
    }

    mutating func padSpaces(_ s: String) {
        let zero = flags.zero
        flags.zero = false
        pad(s)
        flags.zero = zero
    }

    // MARK: strings

    mutating func fmtString(_ s: String, _ verb: Unicode.Scalar) {
        var text = s
        switch verb {
        case "x", "X":
            // The string's bytes (a stand-in as its byte); a precision counts bytes.
            var bytes = ByteString.bytes(s)
            if let p = flags.precision, p < bytes.count { bytes.removeLast(bytes.count - p) }
            var hex = ""
            for (i, b) in bytes.enumerated() {
                if i > 0 && flags.space { hex += " " }
                if flags.sharp && (i == 0 || flags.space) { hex += verb == "x" ? "0x" : "0X" }
                let digits = verb == "x" ? "0123456789abcdef" : "0123456789ABCDEF"
                let d = Array(digits)
                hex.append(d[Int(b >> 4)])
                hex.append(d[Int(b & 0xF)])
            }
            pad(hex)
        case "q":
            if let p = flags.precision { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            if flags.sharp && !text.contains("`") && text.unicodeScalars.allSatisfy({ $0 == "\t" || GoQuote.isPrint($0) }) {
                pad("`" + text + "`")
            } else {
                pad(GoQuote.quote(text, asciiOnly: flags.plus))
            }
        default:
            if let p = flags.precision { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            pad(text)
        }
    }

    // MARK: integers

    mutating func fmtInteger(_ n: Int64, _ verb: Unicode.Scalar, original: Value) {
        switch verb {
        case "v", "d": integer(n, base: 10, upper: false, verb: verb)
        case "b": integer(n, base: 2, upper: false, verb: verb)
        case "o", "O": integer(n, base: 8, upper: false, verb: verb)
        case "x": integer(n, base: 16, upper: false, verb: verb)
        case "X": integer(n, base: 16, upper: true, verb: verb)
        case "c":
            padSpaces(String(Character(Unicode.Scalar(UInt32(truncatingIfNeeded: n)) ?? "\u{FFFD}")))
        case "q":
            padSpaces(GoQuote.quoteRune(Unicode.Scalar(UInt32(truncatingIfNeeded: n)) ?? "\u{FFFD}"))
        case "U":
            var hex = String(UInt64(bitPattern: n), radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            var s = "U+" + hex
            if flags.sharp, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: n)), GoQuote.isPrint(scalar) {
                s += " '" + String(Character(scalar)) + "'"
            }
            padSpaces(s)
        default:
            badVerb(original, verb)
        }
    }

    private mutating func integer(_ n: Int64, base: Int, upper: Bool, verb: Unicode.Scalar) {
        let negative = n < 0
        var digits = String(n.magnitude, radix: base, uppercase: upper)
        var precision = flags.precision
        if flags.zero, !flags.minus, let width = flags.width, precision == nil {
            precision = width
            if negative || flags.plus || flags.space { precision! -= 1 }
            if flags.sharp || verb == "O" {
                switch base {
                case 16, 2: precision! -= 2
                case 8: precision! -= (verb == "O" ? 2 : 1)
                default: break
                }
            }
        }
        if let p = precision {
            if p == 0 && n == 0 {
                padSpaces("")
                return
            }
            if digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
        }
        var prefix = ""
        if flags.sharp {
            switch base {
            case 2: prefix = "0b"
            case 8: if !digits.hasPrefix("0") { prefix = "0" }
            case 16: prefix = upper ? "0X" : "0x"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }
        var sign = ""
        if negative { sign = "-" } else if flags.plus { sign = "+" } else if flags.space { sign = " " }
        padSpaces(sign + prefix + digits)
    }

    // MARK: floats

    mutating func fmtFloat(_ f: Double, _ verb: Unicode.Scalar, original: Value) {
        var text: String
        switch verb {
        case "v", "g", "G":
            if flags.precision == nil, f == f.rounded(.towardZero), abs(f) < 1e6, !(f == 0 && f.sign == .minus) {
                text = String(Int64(f))  // the shortest form of a small integral float is its integer
            } else {
                text = formatG(f, precision: flags.precision, upper: verb == "G")
            }
        case "e", "E", "f", "F":
            let p = flags.precision ?? 6
            if f.isNaN || f.isInfinite {
                text = f.isNaN ? "NaN" : (f < 0 ? "-Inf" : "+Inf")
            } else {
                let c = verb == "F" ? "f" : String(Character(verb))
                text = CFormat.double(f, precision: p, conversion: Character(c))
            }
        case "x", "X":
            text = hexFloat(f, upper: verb == "X")
        case "b":
            text = binaryFloat(f)
        default:
            badVerb(original, verb)
            return
        }
        if f.isNaN || f.isInfinite {
            // Go never zero-pads infinities and NaN; NaN gets no sign.
            if f.isNaN { text = flags.plus ? "+NaN" : (flags.space ? " NaN" : "NaN") }
            else if f > 0 && !flags.plus { text = flags.space ? " Inf" : "+Inf" }
            padSpaces(text)
            return
        }
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        } else if flags.plus {
            sign = "+"
        } else if flags.space {
            sign = " "
        }
        if flags.sharp && (verb == "v" || verb == "g" || verb == "G") && !body.contains(".") && !body.contains("e") {
            body += "."
        }
        if flags.zero, !flags.minus, let width = flags.width, width > sign.count + body.count {
            out += sign + String(repeating: "0", count: width - sign.count - body.count) + body
            return
        }
        padSpaces(sign + body)
    }

    /// strconv's 'g' format: shortest digits for precision nil, else `precision` significant digits.
    private func formatG(_ f: Double, precision: Int?, upper: Bool) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Inf" : "+Inf" }
        guard let requested = precision else {
            let s = GoFormat.float(f)
            return upper ? s.uppercased() : s
        }
        let p = max(requested, 1)
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        // Correctly rounded significant digits from C's %e.
        let e = CFormat.double(abs(f), precision: p - 1, conversion: "e")
        guard let eIndex = e.firstIndex(of: "e"), let exp10 = Int(e[e.index(after: eIndex)...]) else { return e }
        var digits = e[..<eIndex].filter { $0 != "." }
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let nd = digits.count
        let dp = exp10 + 1
        var eprec = p
        if eprec > nd && nd >= dp { eprec = nd }
        let exp = dp - 1
        var out = f < 0 ? "-" : ""
        if exp < -4 || exp >= eprec {
            out += String(digits.first!)
            if nd > 1 { out += "." + digits.dropFirst() }
            out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+")
            let a = abs(exp)
            out += a < 10 ? "0\(a)" : "\(a)"
            return out
        }
        if dp <= 0 {
            out += "0." + String(repeating: "0", count: -dp) + digits
        } else if dp >= nd {
            out += digits + String(repeating: "0", count: dp - nd)
        } else {
            out += digits.prefix(dp) + "." + digits.dropFirst(dp)
        }
        return out
    }

    /// strconv's 'x' format with shortest mantissa: `0x1.cp+01`.
    private func hexFloat(_ f: Double, upper: Bool) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Inf" : "+Inf" }
        var out = f.sign == .minus ? "-" : ""
        if f == 0 { return out + (upper ? "0X0P+00" : "0x0p+00") }
        var mantissa = f.significandBitPattern
        var exponent = Int(f.exponent)
        if f.isSubnormal {
            // Normalise: shift until the implicit bit would be set.
            let shift = mantissa.leadingZeroBitCount - (64 - 52) + 1
            mantissa = (mantissa << UInt64(shift)) & ((1 << 52) - 1)
            exponent = -1022 - shift
        }
        var hex = String(mantissa, radix: 16, uppercase: upper)
        while hex.count < 13 { hex = "0" + hex }
        while hex.hasSuffix("0") { hex.removeLast() }
        out += upper ? "0X1" : "0x1"
        if !hex.isEmpty { out += "." + hex }
        out += (upper ? "P" : "p") + (exponent < 0 ? "-" : "+")
        let a = abs(exponent)
        out += a < 10 ? "0\(a)" : "\(a)"
        return out
    }

    /// strconv's 'b' format: `4503599627370496p-52`.
    private func binaryFloat(_ f: Double) -> String {
        var mantissa = f.significandBitPattern
        var exponent = Int(f.exponentBitPattern)
        if exponent == 0 { exponent = 1 } else { mantissa |= 1 << 52 }
        exponent -= 1023 + 52
        return (f.sign == .minus ? "-" : "") + "\(mantissa)p" + (exponent >= 0 ? "+" : "") + "\(exponent)"
    }
}
