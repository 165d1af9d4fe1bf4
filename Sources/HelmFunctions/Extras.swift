import GoValues

/// Further Sprig functions charts use: random values (never reproducible, as in Helm),
/// base32, case swapping, `abbrevboth`, `sha512sum`, Go's `filepath` functions, and
/// `getHostByName`, which Helm answers with `""` while DNS lookups are disabled.
enum ExtraFunctions {
    static let table: [String: FunctionBody] = [
        "randAlphaNum": { a in try random(a, "randAlphaNum", alphabet: letters + digits) },
        "randAlpha": { a in try random(a, "randAlpha", alphabet: letters) },
        "randNumeric": { a in try random(a, "randNumeric", alphabet: digits) },
        "randAscii": { a in try random(a, "randAscii", alphabet: (32...126).map { Character(Unicode.Scalar(UInt8($0))) }) },
        "randBytes": { a in
            let args = Arguments("randBytes", a)
            try args.expect(1)
            var generator = SystemRandomNumberGenerator()
            return .string(Base64.encode((0..<max(0, try args.int(0))).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        },
        "uuidv4": { a in
            try Arguments("uuidv4", a).expect(0)
            var generator = SystemRandomNumberGenerator()
            var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[6] = (bytes[6] & 0x0F) | 0x40
            bytes[8] = (bytes[8] & 0x3F) | 0x80
            let hex = Digests.hex(bytes)
            let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
                String(hex.utf8.dropFirst(r.lowerBound).prefix(r.count).map { Character(Unicode.Scalar($0)) })
            }
            return .string(parts.joined(separator: "-"))
        },
        "randInt": { a in
            let args = Arguments("randInt", a)
            try args.expect(2)
            let low = try args.int(0), high = try args.int(1)
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if overflow || span <= 0 { throw callFailure("invalid argument to Intn") }
            var generator = SystemRandomNumberGenerator()
            return .int(Int64(low &+ Int.random(in: 0..<span, using: &generator)))
        },
        "shuffle": { a in
            try StringFunctions.unary(a, "shuffle") { s in
                var generator = SystemRandomNumberGenerator()
                return String(String.UnicodeScalarView(Array(ByteString.runes(s).unicodeScalars).shuffled(using: &generator)))
            }
        },
        "hello": { a in
            try Arguments("hello", a).expect(0)
            return .string("Hello!")
        },
        "getHostByName": { a in
            let args = Arguments("getHostByName", a)
            try args.expect(1)
            _ = try args.string(0)
            return .string("")
        },
        "sha512sum": { a in try StringFunctions.unary(a, "sha512sum") { Digests.hex(SHA512.hash(ByteString.bytes($0))) } },
        "b32enc": { a in try StringFunctions.unary(a, "b32enc") { Base32.encode(ByteString.bytes($0)) } },
        "b32dec": { a in
            try StringFunctions.unary(a, "b32dec") { s in
                switch Base32.decode(s) {
                case .success(let bytes): return ByteString.string(bytes)
                case .failure(let offset): return "illegal base32 data at input byte \(offset.offset)"
                }
            }
        },
        "swapcase": { a in try StringFunctions.unary(a, "swapcase", swapCase) },
        "abbrevboth": { a in
            let args = Arguments("abbrevboth", a)
            try args.expect(3)
            return .string(abbreviateBoth(try args.string(2), left: try args.int(0), right: try args.int(1)))
        },
        "osBase": { a in try StringFunctions.unary(a, "osBase", GoPath.base) },
        "osDir": { a in try StringFunctions.unary(a, "osDir", GoPath.dir) },
        "osExt": { a in try StringFunctions.unary(a, "osExt", GoPath.ext) },
        "osClean": { a in try StringFunctions.unary(a, "osClean", GoPath.clean) },
        "osIsAbs": { a in
            let args = Arguments("osIsAbs", a)
            try args.expect(1)
            return .bool(try args.string(0).hasPrefix("/"))
        },
    ]

    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let digits = Array("0123456789")

    static func random(_ a: [Value], _ name: String, alphabet: [Character]) throws -> Value {
        let args = Arguments(name, a)
        try args.expect(1)
        let count = try args.int(0)
        if count < 0 { throw callFailure("Requested random string length \(count) is less than 0.") }
        var generator = SystemRandomNumberGenerator()
        return .string(String((0..<count).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    /// goutils' `SwapCase`: capitals and title-case letters lowered, small letters upper-cased (title-cased
    /// at the start of the text or after a space).
    static func swapCase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterSpace = true
        for c in ByteString.runes(s).unicodeScalars {
            switch c.properties.generalCategory {
            case .uppercaseLetter, .titlecaseLetter:
                out.append(GoStrings.simpleLowercase(c))
                afterSpace = false
            case .lowercaseLetter:
                if afterSpace {
                    let title = c.properties.titlecaseMapping.unicodeScalars
                    out.append(title.count == 1 ? title.first! : GoStrings.simpleUppercase(c))
                    afterSpace = false
                } else {
                    out.append(GoStrings.simpleUppercase(c))
                }
            default:
                out.append(c)
                afterSpace = isGoSpace(c)
            }
        }
        return String(out)
    }

    /// goutils' `AbbreviateFull` as sprig calls it (byte offsets).
    static func abbreviateBoth(_ s: String, left: Int, right: Int) -> String {
        if right < 4 || (left > 0 && right < 7) { return s }
        let b = ByteString.bytes(s)
        if b.count <= right { return s }
        var offset = min(max(left, 0), b.count)
        if b.count - offset < right - 3 { offset = b.count - (right - 3) }
        if offset <= 4 { return GoStrings.string(b[0..<(right - 3)]) + "..." }
        if right < 7 { return s }
        if offset + right - 3 < b.count {
            let inner = abbreviateBoth(GoStrings.string(b[offset...]), left: 0, right: right - 3)
            return "..." + inner
        }
        return "..." + GoStrings.string(b[(b.count - (right - 3))...])
    }
}

/// Go's `base32.StdEncoding` (RFC 4648, padded).
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    struct Failure: Error { var offset: Int }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 5, bytes.count)])
            var buffer = [UInt8](repeating: 0, count: 5)
            for (j, b) in chunk.enumerated() { buffer[j] = b }
            let v = buffer.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let symbols = [0, 2, 4, 5, 7, 8][chunk.count]
            for j in 0..<8 {
                out.append(j < symbols ? alphabet[Int((v >> UInt64(35 - j * 5)) & 31)] : UInt8(ascii: "="))
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> Result<[UInt8], Failure> {
        let src = Array(text.utf8).filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard src.count % 8 == 0 else { return .failure(Failure(offset: src.count / 8 * 8)) }
        var out: [UInt8] = []
        var at = 0
        while at < src.count {
            var v: UInt64 = 0
            var symbols = 0
            for j in 0..<8 {
                let c = src[at + j]
                if c == UInt8(ascii: "=") {
                    if j < 2 { return .failure(Failure(offset: at + j)) }
                    for k in j..<8 where src[at + k] != UInt8(ascii: "=") { return .failure(Failure(offset: at + k)) }
                    break
                }
                guard let index = alphabet.firstIndex(of: c) else { return .failure(Failure(offset: at + j)) }
                v |= UInt64(index) << UInt64(35 - j * 5)
                symbols += 1
            }
            let produced = [0, 0, 1, 1, 2, 3, 3, 4, 5][symbols]
            for j in 0..<produced { out.append(UInt8((v >> UInt64(32 - j * 8)) & 0xFF)) }
            if symbols < 8 && at + 8 < src.count { return .failure(Failure(offset: at + 8)) }
            at += 8
        }
        return .success(out)
    }
}
