import GoValues
/// One block of Go's `encoding/pem`: a type (`CERTIFICATE`, `RSA PRIVATE KEY`, ...) and its DER
/// bytes, encoded and decoded as Go's `pem.Encode` and `pem.Decode` do.
struct PEMBlock: Equatable {
    let type: String
    let bytes: [UInt8]

    /// Go's `pem.EncodeToMemory`: the BEGIN line, base64 in lines of 64 characters, the END line,
    /// each ending in a newline.
    var encoded: String {
        let body = Array(Base64.encode(bytes).utf8)
        var out = "-----BEGIN \(type)-----\n"
        var start = 0
        while start < body.count {
            let end = min(start + 64, body.count)
            out += String(decoding: body[start..<end], as: UTF8.self)
            out += "\n"
            start = end
        }
        out += "-----END \(type)-----\n"
        return out
    }

    /// Go's `pem.Decode`: the first well-formed block in `text` (a `-----BEGIN TYPE-----` line at
    /// the start of a line, optional `Key: value` headers, base64, `-----END TYPE-----`), or nil.
    init?(decoding text: String) {
        var rest = Substring(text)
        while let begin = PEMBlock.nextBegin(in: rest) {
            let afterBegin = rest[begin.upperBound...]
            guard let close = afterBegin.firstRange(of: "-----") else { return nil }
            let type = String(afterBegin[..<close.lowerBound])
            var body = afterBegin[close.upperBound...]
            // The BEGIN line must end right after its dashes (spaces and tabs allowed).
            let lineEnd = body.firstIndex(of: "\n") ?? body.endIndex
            guard !type.contains("\n"), body[..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else {
                rest = afterBegin
                continue
            }
            body = body[lineEnd...]
            guard let end = body.firstRange(of: "-----END \(type)-----") else {
                rest = afterBegin
                continue
            }
            let lines = body[..<end.lowerBound].split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            let base64 = lines.filter { !$0.contains(":") }.joined().filter { $0 != " " && $0 != "\t" }
            if case .success(let bytes) = Base64.decode(String(base64)) {
                self.type = type
                self.bytes = bytes
                return
            }
            rest = afterBegin
        }
        return nil
    }

    init(type: String, bytes: [UInt8]) {
        self.type = type
        self.bytes = bytes
    }

    /// The next `-----BEGIN ` at the start of `text` or of one of its lines.
    private static func nextBegin(in text: Substring) -> Range<Substring.Index>? {
        if text.hasPrefix("-----BEGIN ") { return text.startIndex..<text.index(text.startIndex, offsetBy: 11) }
        guard let r = text.firstRange(of: "\n-----BEGIN ") else { return nil }
        return text.index(after: r.lowerBound)..<r.upperBound
    }
}
