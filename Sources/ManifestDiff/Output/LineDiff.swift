/// Line-level diff (Myers' O((N+M)·D) algorithm after trimming the common prefix and suffix) and
/// grouping of the edit script into unified hunks.
enum LineDiff {
    enum Op: Equatable {
        case equal(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// The shortest edit script turning `a` into `b`.
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var ops: [Op] = (0..<prefix).map { .equal(old: $0, new: $0) }
        ops += middle(a, b, from: prefix, aEnd: a.count - suffix, bEnd: b.count - suffix)
        for k in 0..<suffix { ops.append(.equal(old: a.count - suffix + k, new: b.count - suffix + k)) }
        return ops
    }

    private static func middle(_ a: [String], _ b: [String], from start: Int, aEnd: Int, bEnd: Int) -> [Op] {
        let n = aEnd - start
        let m = bEnd - start
        if n == 0 { return (0..<m).map { .insert(new: start + $0) } }
        if m == 0 { return (0..<n).map { .delete(old: start + $0) } }
        let maxD = n + m
        let offset = maxD
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maxD {
            // Keep only the diagonals -d...d that step d can read back: O(D²) memory overall.
            trace.append(Array(v[(offset - d)...(offset + d)]))
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[start + x] == b[start + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break
                }
                k += 2
            }
            if found { break }
        }
        // Walk the trace back from (n, m).
        var ops: [Op] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let base = d - offset  // vd[offset + k] is stored at index k + d
            let k = x - y
            let prevK: Int
            if d == 0 {
                while x > 0, y > 0 {
                    ops.append(.equal(old: start + x - 1, new: start + y - 1))
                    x -= 1
                    y -= 1
                }
                break
            }
            if k == -d || (k != d && vd[base + offset + k - 1] < vd[base + offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = vd[base + offset + prevK]
            let prevY = prevX - prevK
            while x > prevX, y > prevY {
                ops.append(.equal(old: start + x - 1, new: start + y - 1))
                x -= 1
                y -= 1
            }
            if x == prevX {
                ops.append(.insert(new: start + y - 1))
            } else {
                ops.append(.delete(old: start + x - 1))
            }
            x = prevX
            y = prevY
        }
        return ops.reversed()
    }

    /// Unified hunks (`@@ -a,b +c,d @@` and the lines) with `context` lines around each change.
    static func hunks(_ a: [String], _ b: [String], context: Int) -> [String] {
        let ops = script(a, b)
        var changeIndices: [Int] = []
        for (i, op) in ops.enumerated() {
            if case .equal = op { continue }
            changeIndices.append(i)
        }
        guard !changeIndices.isEmpty else { return [] }
        // Group changes whose context windows touch.
        var ranges: [(Int, Int)] = []
        var start = max(0, changeIndices[0] - context)
        var end = min(ops.count - 1, changeIndices[0] + context)
        for i in changeIndices.dropFirst() {
            if i - context <= end + 1 {
                end = min(ops.count - 1, i + context)
            } else {
                ranges.append((start, end))
                start = max(0, i - context)
                end = min(ops.count - 1, i + context)
            }
        }
        ranges.append((start, end))

        var lines: [String] = []
        // Old/new lines consumed before the current hunk, advanced hunk by hunk (linear overall).
        var oldBefore = 0, newBefore = 0, consumed = 0
        for (lo, hi) in ranges {
            var oldStart = -1, newStart = -1, oldCount = 0, newCount = 0
            var body: [String] = []
            for op in ops[consumed..<lo] {
                switch op {
                case .equal: oldBefore += 1; newBefore += 1
                case .delete: oldBefore += 1
                case .insert: newBefore += 1
                }
            }
            consumed = lo
            for op in ops[lo...hi] {
                switch op {
                case .equal(let o, let n):
                    if oldStart < 0 { oldStart = o }
                    if newStart < 0 { newStart = n }
                    oldCount += 1; newCount += 1
                    body.append(" " + a[o])
                case .delete(let o):
                    if oldStart < 0 { oldStart = o }
                    oldCount += 1
                    body.append("-" + a[o])
                case .insert(let n):
                    if newStart < 0 { newStart = n }
                    newCount += 1
                    body.append("+" + b[n])
                }
            }
            let oldFirst = oldCount == 0 ? oldBefore : (oldStart < 0 ? oldBefore : oldStart) + 1
            let newFirst = newCount == 0 ? newBefore : (newStart < 0 ? newBefore : newStart) + 1
            lines.append("@@ -\(range(oldFirst, oldCount)) +\(range(newFirst, newCount)) @@")
            lines += body
            oldBefore += oldCount
            newBefore += newCount
            consumed = hi + 1
        }
        return lines
    }

    private static func range(_ first: Int, _ count: Int) -> String {
        count == 1 ? "\(first)" : "\(first),\(count)"
    }
}
