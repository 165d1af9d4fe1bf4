import FoundationEssentials
import Platform

/// A position in a source file: 1-based line and column.
///
/// Every parsed node carries one, so a mark is kept small and free to copy: the file name is
/// interned once per process (`FileNames`) and the mark holds its number; line and column are
/// 32-bit (inputs are far smaller than 2 GiB lines; larger values are clamped).
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    /// The interned file name's number (see `FileNames`).
    package let fileNumber: UInt32
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The file name as the user gave it (`values/vald.yaml`, `-` for stdin, `--set` for overrides).
    public var file: String {
        get { FileNames.shared.name(fileNumber) }
        set { self = Mark(fileNumber: FileNames.shared.number(newValue), line: line, column: column) }
    }

    /// 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(fileNumber: FileNames.shared.number(file), line: line, column: column)
    }

    /// No position: what a node built in code stores (no file gets this number).
    package static let absent = Mark(fileNumber: .max, line: 0, column: 0)

    package var isAbsent: Bool { fileNumber == .max }

    /// A mark in an already interned file (the parsers intern their file once).
    package init(fileNumber: UInt32, line: Int, column: Int) {
        self.fileNumber = fileNumber
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// `file:line:column`, the prefix of every error message; standard input reads `<stdin>`.
    public var description: String {
        let name = file
        return "\(name == "-" ? "<stdin>" : name):\(line):\(column)"
    }
}

/// The file names marks refer to, each stored once for the life of the process (a program reads a
/// handful of files; a name is never removed, so a number stays valid).
package final class FileNames: @unchecked Sendable {
    package static let shared = FileNames()

    private let lock = Lock()
    private var names: [String] = []
    private var numbers: [String: UInt32] = [:]

    /// The number of `name`, interning it on first use.
    package func number(_ name: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[name] { return known }
        let number = UInt32(names.count)
        names.append(name)
        numbers[name] = number
        return number
    }

    package func name(_ number: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(number) < names.count ? names[Int(number)] : ""
    }
}
