/// The regular files of a tar archive (ustar, with GNU long names and PAX `path` records), as
/// `helm` reads packaged charts.
enum TarArchive {
    struct Failure: Error {
        let reason: String
    }

    /// `(name, contents)` of each regular file, in archive order.
    static func files(_ data: [UInt8]) throws(Failure) -> [(name: String, contents: [UInt8])] {
        var files: [(String, [UInt8])] = []
        var offset = 0
        var longName: String?
        while offset + 512 <= data.count {
            let header = data[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { break }
            guard let size = octal(header, at: 124, length: 12) else { throw Failure(reason: "invalid tar header") }
            let type = header[header.startIndex + 156]
            let bodyStart = offset + 512
            guard bodyStart + size <= data.count else { throw Failure(reason: "unexpected EOF") }
            let body = Array(data[bodyStart..<(bodyStart + size)])
            offset = bodyStart + (size + 511) / 512 * 512
            switch type {
            case UInt8(ascii: "L"):  // GNU long name of the next entry
                longName = text(body[...])
            case UInt8(ascii: "x"):  // PAX records of the next entry
                if let path = paxPath(body) { longName = path }
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                files.append((longName ?? headerName(header), body))
                longName = nil
            default:  // directories, links, global PAX headers: no file
                longName = nil
            }
        }
        return files
    }

    /// `prefix/name` of a ustar header.
    private static func headerName(_ header: ArraySlice<UInt8>) -> String {
        let base = header.startIndex
        let name = text(header[base..<(base + 100)])
        let magic = text(header[(base + 257)..<(base + 263)])
        guard magic.hasPrefix("ustar") else { return name }
        let prefix = text(header[(base + 345)..<(base + 500)])
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// Bytes up to the first NUL, as UTF-8.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// An octal number field (spaces and NULs around it allowed).
    private static func octal(_ header: ArraySlice<UInt8>, at field: Int, length: Int) -> Int? {
        let start = header.startIndex + field
        var value = 0
        var digits = 0
        for byte in header[start..<(start + length)] {
            if byte == 0 || byte == UInt8(ascii: " ") {
                if digits > 0 { break } else { continue }
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { return nil }
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            if value > Int(Int32.max) { return nil }
        }
        return value
    }

    /// The `path` record of a PAX extended header (`<length> path=<value>\n` records).
    private static func paxPath(_ body: [UInt8]) -> String? {
        var i = 0
        while i < body.count {
            guard let space = body[i...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: body[i..<space], as: UTF8.self)), length > 0, i + length <= body.count
            else { return nil }
            let record = body[(space + 1)..<(i + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")),
               String(decoding: record[record.startIndex..<equals], as: UTF8.self) == "path" {
                return String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            i += length
        }
        return nil
    }
}
