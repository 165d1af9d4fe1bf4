/// The text an execution writes: UTF-8 bytes appended in place, which costs a copy of the bytes
/// and nothing else (a `String` append re-checks its storage and flags every time).
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    static func += (buffer: inout OutputBuffer, text: String) {
        buffer.append(text)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` indented as Sprig's `indent` does (`nindent` when `leadingNewline`).
    mutating func appendIndented(_ text: UnsafeBufferPointer<UInt8>, spaces: Int, leadingNewline: Bool) {
        TextIndent.append(text, spaces: spaces, leadingNewline: leadingNewline, into: &bytes)
    }

    /// Appends another buffer's text indented (see ``appendIndented(_:spaces:leadingNewline:)``).
    mutating func appendIndented(_ other: OutputBuffer, spaces: Int, leadingNewline: Bool) {
        other.bytes.withUnsafeBufferPointer { appendIndented($0, spaces: spaces, leadingNewline: leadingNewline) }
    }

    /// Empties the buffer, keeping its storage for reuse.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
