/// The matching machine: a Pike VM (a breadth-first simulation of the program's NFA) that runs
/// every thread in lock step over the input, one rune at a time, so its time is linear in the
/// input. Threads are kept in priority order and a match cuts off every thread of lower
/// priority, which gives Go's leftmost-first matches and submatches.
final class PikeVM {
    /// The threads at one input position: a sparse set of visited instructions and the threads
    /// (instructions that consume a rune or match) in priority order, each with its capture slots.
    struct Queue {
        var sparse: [Int32]
        var dense: [Int32] = []
        var threads: [Int32] = []
        var caps: [Int] = []

        init(size: Int) {
            sparse = Array(repeating: 0, count: size)
        }

        @inline(__always)
        func contains(_ pc: Int) -> Bool {
            let j = Int(sparse[pc])
            return j < dense.count && dense[j] == Int32(pc)
        }

        @inline(__always)
        mutating func insert(_ pc: Int) {
            sparse[pc] = Int32(dense.count)
            dense.append(Int32(pc))
        }

        mutating func clear() {
            dense.removeAll(keepingCapacity: true)
            threads.removeAll(keepingCapacity: true)
            caps.removeAll(keepingCapacity: true)
        }
    }

    let prog: Program
    let input: UTF8Input
    /// Capture slots tracked: 0 (only whether it matches), 2 (the match) or all.
    let ncap: Int
    private var runq: Queue
    private var nextq: Queue
    private var matched = false
    private(set) var matchcap: [Int]
    private var work: [Int]
    /// Pending work of `add`: an instruction to follow (slot -1) or a slot value to restore.
    private var stack: [(value: Int, slot: Int)] = []

    init(prog: Program, input: UTF8Input, ncap: Int) {
        self.prog = prog
        self.input = input
        self.ncap = ncap
        runq = Queue(size: prog.insts.count)
        nextq = Queue(size: prog.insts.count)
        matchcap = Array(repeating: -1, count: ncap)
        work = Array(repeating: -1, count: ncap)
    }

    /// Runs a search starting at `pos`; the match's slots are then in `matchcap`.
    func match(from start: Int) -> Bool {
        matched = false
        for i in 0..<ncap { matchcap[i] = -1 }
        runq.clear()
        nextq.clear()
        let startConditions = prog.startConditions
        if prog.start == 0 { return false }
        if startConditions.contains(.beginText) && start != 0 { return false }
        var pos = start
        var (r, width) = input.step(pos)
        var (r1, width1): (Rune, Int) = (-1, 0)
        if r >= 0 { (r1, width1) = input.step(pos + width) }
        var conditions = pos == 0 ? EmptyConditions.between(-1, r) : input.context(pos)
        while true {
            if runq.dense.isEmpty {
                if startConditions.contains(.beginText) && pos != 0 { break }
                if matched { break }
                if let first = prog.firstBytes, r >= 0, !first.contains(input.bytes[pos]) {
                    // No thread is running: skip to the next byte a match can start with.
                    var next = pos + 1
                    let bytes = input.bytes
                    while next < bytes.count && !first.contains(bytes[next]) { next += 1 }
                    pos = next
                    (r, width) = input.step(pos)
                    (r1, width1) = r >= 0 ? input.step(pos + width) : (-1, 0)
                    conditions = input.context(pos)
                }
            }
            if !matched && (pos == 0 || !startConditions.contains(.beginText)) {
                if ncap > 0 {
                    for i in 0..<ncap { work[i] = matchcap[i] }
                    work[0] = pos
                }
                add(&runq, prog.start, pos, conditions)
            }
            conditions = EmptyConditions.between(r, r1)
            step(pos, pos + width, r, conditions)
            if width == 0 { break }
            if ncap == 0 && matched { break }
            pos += width
            (r, width) = (r1, width1)
            if r >= 0 { (r1, width1) = input.step(pos + width) }
            swap(&runq, &nextq)
        }
        return matched
    }

    /// Advances every thread of `runq` over the rune `c` at `pos` into `nextq`.
    private func step(_ pos: Int, _ nextPos: Int, _ c: Rune, _ nextConditions: EmptyConditions) {
        let insts = prog.insts
        var t = 0
        while t < runq.threads.count {
            let pc = Int(runq.threads[t])
            let inst = insts[pc]
            var advance = false
            switch inst.op {
            case .match:
                if ncap > 0 {
                    for i in 0..<ncap { matchcap[i] = runq.caps[t * ncap + i] }
                    matchcap[1] = pos
                }
                matched = true
                // Leftmost-first: every thread after this one has lower priority.
                runq.clear()
                return
            case .rune: advance = c >= 0 && prog.classes[Int(inst.arg)].contains(c)
            case .rune1: advance = c == inst.arg
            case .runeAny: advance = c >= 0
            case .runeAnyNotNL: advance = c >= 0 && c != 0x0A
            default: break
            }
            if advance {
                if ncap > 0 { for i in 0..<ncap { work[i] = runq.caps[t * ncap + i] } }
                add(&nextq, Int(inst.out), nextPos, nextConditions)
            }
            t += 1
        }
        runq.clear()
    }

    /// Follows the empty transitions from `pc0` at `pos`, adding the threads reached to `q` in
    /// priority order; `work` holds the capture slots along the way.
    private func add(_ q: inout Queue, _ pc0: Int, _ pos: Int, _ conditions: EmptyConditions) {
        let insts = prog.insts
        stack.append((pc0, -1))
        while let (value, slot) = stack.popLast() {
            if slot >= 0 {
                work[slot] = value
                continue
            }
            let pc = value
            if q.contains(pc) { continue }
            q.insert(pc)
            let inst = insts[pc]
            switch inst.op {
            case .fail:
                break
            case .alt:
                stack.append((Int(inst.arg), -1))
                stack.append((Int(inst.out), -1))
            case .emptyWidth:
                let required = EmptyConditions(rawValue: UInt8(inst.arg))
                if conditions.isSuperset(of: required) { stack.append((Int(inst.out), -1)) }
            case .nop:
                stack.append((Int(inst.out), -1))
            case .capture:
                let k = Int(inst.arg)
                if k < ncap {
                    stack.append((work[k], k))
                    work[k] = pos
                }
                stack.append((Int(inst.out), -1))
            case .match, .rune, .rune1, .runeAny, .runeAnyNotNL:
                q.threads.append(Int32(pc))
                if ncap > 0 { q.caps.append(contentsOf: work) }
            }
        }
    }
}
