/// The executor's variables, innermost last, in storage the executor owns: reading or writing one
/// touches no array buffer, so a variable read in a loop costs no reference counting beyond its value's.
struct VariableStack {
    private var base: UnsafeMutablePointer<Executor.Variable>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    /// Variable `i` (0 is the outermost), read and written in place.
    subscript(i: Int) -> Executor.Variable {
        unsafeAddress { UnsafePointer(base + i) }
        nonmutating unsafeMutableAddress { base + i }
    }

    /// Where the value of variable `i` is (valid until the stack next changes).
    func valueAddress(_ i: Int) -> UnsafePointer<Datum> {
        (UnsafeRawPointer(base + i) + MemoryLayout<Executor.Variable>.offset(of: \.value).unsafelyUnwrapped)
            .assumingMemoryBound(to: Datum.self)
    }

    mutating func append(_ variable: consuming Executor.Variable) {
        if count == capacity { grow() }
        (base + count).initialize(to: variable)
        count += 1
    }

    mutating func removeLast() {
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// Where the innermost variable `name` at or above `lowest` is.
    @inline(__always) func index(of name: String, from lowest: Int) -> Int? {
        var i = count - 1
        while i >= lowest {
            if Executor.sameName(base[i].name, name) { return i }
            i -= 1
        }
        return nil
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Executor.Variable>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Drops every variable and the storage (the owner's last use).
    mutating func free() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
        capacity = 0
    }
}
