/// The number of terminal/monospace columns a string occupies: wide characters (emoji such as ✅ and ⛔, East Asian
/// wide forms) count two, combining marks and variation selectors zero.
func displayWidth(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: continue
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            width += 2
        case 0x231A, 0x231B, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648...0x2653, 0x267F,
            0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5,
            0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797,
            0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
            width += 2
        default:
            width += 1
        }
    }
    return width
}

/// `text` padded with spaces to `width` columns: left-aligned, or centred with the odd space on the right.
func padded(_ text: String, to width: Int, centred: Bool) -> String {
    let room = max(0, width - displayWidth(text))
    guard centred else { return text + String(repeating: " ", count: room) }
    let left = room / 2
    return String(repeating: " ", count: left) + text + String(repeating: " ", count: room - left)
}
