import GoValues

/// Reads a command-line argument one Unicode scalar at a time, as Helm's parser reads runes.
struct RuneScanner {
    /// A run of characters up to a stop character.
    struct Segment {
        /// The characters read, escapes resolved.
        var text: String.UnicodeScalarView
        /// The stop character that ended the run; `nil` at the end of the argument.
        var stop: Unicode.Scalar?
        /// 0-based offset of the run's first character.
        var start: Int

        var string: String { String(text) }
    }

    let runes: [Unicode.Scalar]
    /// 0-based offset of the next character.
    var position = 0

    init(_ text: String) {
        runes = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { position >= runes.count }

    mutating func read() -> Unicode.Scalar? {
        guard position < runes.count else { return nil }
        defer { position += 1 }
        return runes[position]
    }

    /// Steps back over the character just read.
    mutating func unread() { position -= 1 }

    /// Reads up to (and consumes) the first character in `stops`. With `escapes`, a backslash
    /// takes the next character literally; a backslash at the very end ends the run as if
    /// the argument had ended there.
    mutating func until(_ stops: [Unicode.Scalar], escapes: Bool) -> Segment {
        var segment = Segment(text: String.UnicodeScalarView(), stop: nil, start: position)
        while let r = read() {
            if stops.contains(r) {
                segment.stop = r
                return segment
            }
            if escapes, r == "\\" {
                guard let next = read() else { return segment }
                segment.text.append(next)
                continue
            }
            segment.text.append(r)
        }
        return segment
    }

    /// Everything left in the argument.
    mutating func rest() -> Segment {
        let segment = Segment(text: String.UnicodeScalarView(runes[position...]), stop: nil, start: position)
        position = runes.count
        return segment
    }

    /// Helm's `emptyVal`: skips spaces; true when the value is empty (a comma, consumed, or the
    /// end of the argument), false when another character follows (left unread).
    mutating func skipEmptyValue() -> Bool {
        while let r = read() {
            if r == "," { return true }
            if !isGoSpace(r) {
                unread()
                return false
            }
        }
        return true
    }
}
