/// Go's `unicode.IsSpace`: the Latin-1 spaces (`\t`, `\n`, `\v`, `\f`, `\r`, ` `, U+0085, U+00A0)
/// and, above Latin-1, every character with Unicode's White_Space property.
@inlinable
public func isGoSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
    case 0...0xFF: return false
    default: return c.properties.isWhitespace
    }
}
