import CZlib

/// gzip decompression over zlib, for packaged charts.
enum Gzip {
    /// The decompressed bytes of `data` (gzip or zlib framing); nil when the data is not valid
    /// compressed data or would decompress to more than `limit` bytes.
    static func decompress(_ data: [UInt8], limit: Int) -> [UInt8]? {
        var stream = z_stream()
        // 15 window bits, +32: detect gzip or zlib headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return data.withUnsafeBufferPointer { source -> [UInt8]? in
            // zlib only reads its input; its header declares the pointer mutable.
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[..<produced])
                if out.count > limit { return nil }
                switch status {
                case Z_STREAM_END: return out
                case Z_OK: if produced == 0 && stream.avail_in == 0 { return nil }
                case Z_BUF_ERROR: if stream.avail_in == 0 { return nil }
                default: return nil
                }
            }
        }
    }
}
