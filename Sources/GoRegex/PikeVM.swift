/// The matching machine: a Pike VM (a breadth-first simulation of the program's NFA) that runs
/// every thread in lock step over the input, one rune at a time, so its time is linear in the
/// input. Threads are kept in priority order and a match cuts off every thread of lower
/// priority, which gives Go's leftmost-first matches and submatches.
final class PikeVM {
    let prog: Program
    let input: UTF8Input
    /// Capture slots tracked: 0 (only whether it matches), 2 (the match) or all.
    let ncap: Int
    private var runq: ThreadQueue
    private var nextq: ThreadQueue
    private var matched = false
    /// The slots of the match found by `match(from:)`.
    let matchcap: UnsafeMutablePointer<Int>
    /// The slots along the path `add` is following.
    private let work: UnsafeMutablePointer<Int>
    /// Pending work of `add`: an instruction to follow (slot -1) or a slot value to restore.
    private let stackValues: UnsafeMutablePointer<Int>
    private let stackSlots: UnsafeMutablePointer<Int>

    init(prog: Program, input: UTF8Input, ncap: Int) {
        self.prog = prog
        self.input = input
        self.ncap = ncap
        let size = prog.insts.count
        runq = ThreadQueue(size: size, ncap: ncap)
        nextq = ThreadQueue(size: size, ncap: ncap)
        matchcap = .allocate(capacity: max(1, ncap))
        matchcap.initialize(repeating: -1, count: max(1, ncap))
        work = .allocate(capacity: max(1, ncap))
        work.initialize(repeating: -1, count: max(1, ncap))
        // Every instruction pushes at most two entries per visit and is visited once per `add`.
        stackValues = .allocate(capacity: 3 * size + 2)
        stackSlots = .allocate(capacity: 3 * size + 2)
    }

    deinit {
        matchcap.deallocate()
        work.deallocate()
        stackValues.deallocate()
        stackSlots.deallocate()
    }

    /// The slots of the last match, as an array.
    var slots: [Int] { Array(UnsafeBufferPointer(start: matchcap, count: ncap)) }

    /// Runs a search starting at `pos`; the match's slots are then in `matchcap`.
    func match(from start: Int) -> Bool {
        matched = false
        for i in 0..<ncap { matchcap[i] = -1 }
        runq.clear()
        nextq.clear()
        let startConditions = prog.startConditions
        if prog.start == 0 { return false }
        if startConditions.contains(.beginText) && start != 0 { return false }
        let anchored = startConditions.contains(.beginText)
        let bytes = input.bytes
        var pos = start
        var (r, width) = input.step(pos)
        var (r1, width1): (Rune, Int) = (-1, 0)
        if r >= 0 { (r1, width1) = input.step(pos + width) }
        var conditions = pos == 0 ? EmptyConditions.between(-1, r) : input.context(pos)
        while true {
            if runq.denseCount == 0 {
                if anchored && pos != 0 { break }
                if matched { break }
                if let first = prog.firstBytes, r >= 0, !first.contains(bytes[pos]) {
                    // No thread is running: skip to the next byte a match can start with.
                    var next = pos + 1
                    while next < bytes.count && !first.contains(bytes[next]) { next += 1 }
                    pos = next
                    (r, width) = input.step(pos)
                    (r1, width1) = r >= 0 ? input.step(pos + width) : (-1, 0)
                    conditions = input.context(pos)
                }
            }
            if !matched && (pos == 0 || !anchored) {
                if ncap > 0 {
                    for i in 0..<ncap { work[i] = matchcap[i] }
                    work[0] = pos
                }
                add(runq, prog.start, pos, conditions)
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
        let code = prog.code
        let q = runq, next = nextq
        let ncap = self.ncap
        var t = 0
        while t < q.threadCount {
            let pc = Int(q.threads[t])
            let inst = code[pc]
            var advance = false
            switch inst.op {
            case .match:
                if ncap > 0 {
                    let caps = q.caps + t * ncap
                    for i in 0..<ncap { matchcap[i] = caps[i] }
                    matchcap[1] = pos
                }
                matched = true
                // Leftmost-first: every thread after this one has lower priority.
                q.clear()
                return
            case .rune: advance = c >= 0 && prog.classContains(Int(inst.arg), c)
            case .rune1: advance = c == inst.arg
            case .runeAny: advance = c >= 0
            case .runeAnyNotNL: advance = c >= 0 && c != 0x0A
            default: break
            }
            if advance {
                if ncap > 0 {
                    let caps = q.caps + t * ncap
                    for i in 0..<ncap { work[i] = caps[i] }
                }
                add(next, Int(inst.out), nextPos, nextConditions)
            }
            t += 1
        }
        q.clear()
    }

    /// Follows the empty transitions from `pc0` at `pos`, adding the threads reached to `q` in
    /// priority order; `work` holds the capture slots along the way.
    private func add(_ q: ThreadQueue, _ pc0: Int, _ pos: Int, _ conditions: EmptyConditions) {
        let code = prog.code
        let ncap = self.ncap
        let values = stackValues, slots = stackSlots
        var top = 0
        values[0] = pc0
        slots[0] = -1
        top = 1
        while top > 0 {
            top -= 1
            let value = values[top], slot = slots[top]
            if slot >= 0 {
                work[slot] = value
                continue
            }
            let pc = value
            if q.contains(pc) { continue }
            q.insert(pc)
            let inst = code[pc]
            switch inst.op {
            case .fail:
                break
            case .alt:
                values[top] = Int(inst.arg)
                slots[top] = -1
                values[top + 1] = Int(inst.out)
                slots[top + 1] = -1
                top += 2
            case .emptyWidth:
                if conditions.isSuperset(of: EmptyConditions(rawValue: UInt8(inst.arg))) {
                    values[top] = Int(inst.out)
                    slots[top] = -1
                    top += 1
                }
            case .nop:
                values[top] = Int(inst.out)
                slots[top] = -1
                top += 1
            case .capture:
                let k = Int(inst.arg)
                if k < ncap {
                    values[top] = work[k]
                    slots[top] = k
                    top += 1
                    work[k] = pos
                }
                values[top] = Int(inst.out)
                slots[top] = -1
                top += 1
            case .match, .rune, .rune1, .runeAny, .runeAnyNotNL:
                let t = q.threadCount
                q.threads[t] = Int32(pc)
                if ncap > 0 {
                    let caps = q.caps + t * ncap
                    for i in 0..<ncap { caps[i] = work[i] }
                }
                q.threadCount = t + 1
            }
        }
    }
}
