/// A compiled pattern: a list of instructions for the matching machine, as in Go's
/// `regexp/syntax.Prog`. Instruction 0 always fails.
final class Program: Sendable {
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

    init(insts: [Inst], classes: [RuneClass], start: Int, slotCount: Int) {
        self.insts = insts
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
