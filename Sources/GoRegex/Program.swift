/// A compiled pattern: a list of instructions for the matching machine, as in Go's
/// `regexp/syntax.Prog`. Instruction 0 always fails. The machine reads the instructions and classes
/// from flat buffers the program owns (no reference counting in its inner loop).
final class Program: @unchecked Sendable {
    /// What an instruction does.
    enum Op: UInt8, Sendable {
        /// Dead end.
        case fail
        /// The whole pattern matched.
        case match
        /// Try `out`, then `arg`.
        case alt
        /// Record the position in capture slot `arg`, go on to `out`.
        case capture
        /// Go on to `out` when the conditions `arg` hold here.
        case emptyWidth
        /// Go on to `out`.
        case nop
        /// Consume one rune of class `arg`.
        case rune
        /// Consume the one rune `arg`.
        case rune1
        /// Consume any rune.
        case runeAny
        /// Consume any rune but `\n`.
        case runeAnyNotNL
    }

    /// One instruction.
    struct Inst: Sendable {
        var op: Op
        var out: Int32 = 0
        var arg: Int32 = 0
    }

    let insts: [Inst]
    /// The rune classes of `.rune` instructions, by their `arg`.
    let classes: [RuneClass]
    let start: Int
    /// Capture slots: two per group, group 0 included.
    let slotCount: Int
    /// Empty-width conditions every match must satisfy at its start (`.beginText` for `^…`).
    let startConditions: EmptyConditions
    /// The bytes a match can start with, when that is worth knowing.
    let firstBytes: FirstBytes?

    /// The instructions, as a buffer.
    let code: UnsafeMutablePointer<Inst>
    /// The classes without their range arrays: where their ranges are in `rangeBuffer`.
    let classInfo: UnsafeMutablePointer<ClassInfo>
    let rangeBuffer: UnsafeMutablePointer<Rune>

    /// A rune class as the machine reads it.
    struct ClassInfo {
        let offset: Int
        let count: Int
        let asciiLow: UInt64
        let asciiHigh: UInt64
    }

    init(insts: [Inst], classes: [RuneClass], start: Int, slotCount: Int) {
        self.insts = insts
        code = .allocate(capacity: max(1, insts.count))
        code.initialize(from: insts, count: insts.count)
        classInfo = .allocate(capacity: max(1, classes.count))
        let total = classes.reduce(0) { $0 + $1.ranges.count }
        rangeBuffer = .allocate(capacity: max(1, total))
        var offset = 0
        for (k, c) in classes.enumerated() {
            (rangeBuffer + offset).initialize(from: c.ranges, count: c.ranges.count)
            (classInfo + k).initialize(to: ClassInfo(offset: offset, count: c.ranges.count, asciiLow: c.asciiLow, asciiHigh: c.asciiHigh))
            offset += c.ranges.count
        }
        self.classes = classes
        self.start = start
        self.slotCount = slotCount
        var conditions: EmptyConditions = []
        var pc = start
        loop: while true {
            let inst = insts[pc]
            switch inst.op {
            case .emptyWidth: conditions.formUnion(EmptyConditions(rawValue: UInt8(inst.arg)))
            case .capture, .nop: break
            default: break loop
            }
            pc = Int(inst.out)
        }
        startConditions = conditions
        firstBytes = FirstBytes.of(insts, classes: classes, start: start)
    }

    deinit {
        code.deallocate()
        classInfo.deallocate()
        rangeBuffer.deallocate()
    }

    /// Whether class `k` contains `r` (which is not -1).
    @inline(__always)
    func classContains(_ k: Int, _ r: Rune) -> Bool {
        let info = classInfo[k]
        if r < 64 { return info.asciiLow & (1 << UInt64(r)) != 0 }
        if r < 128 { return info.asciiHigh & (1 << UInt64(r - 64)) != 0 }
        return RuneSet.contains(rangeBuffer + info.offset, pairs: info.count / 2, r)
    }
}

/// A set of runes an instruction consumes, with a bitmap for ASCII.
struct RuneClass: Sendable {
    /// Sorted, merged `lo, hi` pairs.
    let ranges: [Rune]
    let asciiLow: UInt64
    let asciiHigh: UInt64

    init(_ ranges: [Rune]) {
        self.ranges = ranges
        var low: UInt64 = 0, high: UInt64 = 0
        for c in 0..<128 where RuneSet.contains(ranges, Rune(c)) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        asciiLow = low
        asciiHigh = high
    }

    @inline(__always)
    func contains(_ r: Rune) -> Bool {
        if r < 64 { return r >= 0 && asciiLow & (1 << UInt64(r)) != 0 }
        if r < 128 { return asciiHigh & (1 << UInt64(r - 64)) != 0 }
        return RuneSet.contains(ranges, r)
    }
}
