import Glibc
import Platform

/// A time zone as Go's `time.Location` holds it: the offsets in effect over time, read from the
/// system's zoneinfo files (TZif) the way Go's `time.LoadLocation` finds them.
public final class GoZone: @unchecked Sendable {
    /// One local time type: offset, abbreviation, daylight saving.
    public struct Kind {
        /// Seconds east of UTC.
        public let offset: Int
        /// The abbreviation (`CET`, `CEST`).
        public let abbreviation: String
        /// Whether this is daylight saving time.
        public let isDST: Bool
    }

    /// The location's name (`UTC`, `Local`, `Asia/Tokyo`; empty for a fixed zone from a parse).
    public let name: String
    /// The local time types the zone uses.
    public let kinds: [Kind]
    /// Transition instants (Unix seconds, ascending) and the kind in effect from each.
    public let transitions: [Int64]
    /// For each transition, the index into ``kinds`` in effect from it.
    public let transitionKinds: [Int]

    /// A zone of `kinds`, switching at `transitions` to `transitionKinds`.
    public init(name: String, kinds: [Kind], transitions: [Int64] = [], transitionKinds: [Int] = []) {
        self.name = name
        self.kinds = kinds.isEmpty ? [Kind(offset: 0, abbreviation: "UTC", isDST: false)] : kinds
        self.transitions = transitions
        self.transitionKinds = transitionKinds
    }

    /// Go's `time.UTC`.
    public static let utc = GoZone(name: "UTC", kinds: [Kind(offset: 0, abbreviation: "UTC", isDST: false)])

    /// Go's `time.FixedZone(name, offset)`.
    public static func fixed(_ name: String, offset: Int) -> GoZone {
        GoZone(name: name, kinds: [Kind(offset: offset, abbreviation: name, isDST: false)])
    }

    /// The abbreviation and offset (seconds east of UTC) in effect at `unix`. Before the first
    /// transition, the first standard-time kind applies; after the last one, the last kind.
    public func lookup(_ unix: Int64) -> (abbreviation: String, offset: Int) {
        guard let first = transitions.first, unix >= first else {
            let kind = kinds.first { !$0.isDST } ?? kinds[0]
            return (kind.abbreviation, kind.offset)
        }
        var lo = 0, hi = transitions.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if transitions[mid] <= unix { lo = mid } else { hi = mid }
        }
        let kind = kinds[transitionKinds[lo]]
        return (kind.abbreviation, kind.offset)
    }

    /// The offset of the zone abbreviated `abbreviation` around `unix`, if the zone uses it.
    public func offset(ofAbbreviation abbreviation: String, near unix: Int64) -> Int? {
        let current = lookup(unix)
        if current.abbreviation == abbreviation { return current.offset }
        return kinds.first { $0.abbreviation == abbreviation }?.offset
    }

    // MARK: loading

    /// Go's `time.Local`: `$TZ` when set (empty: UTC), else `/etc/localtime`; named `Local`.
    public static let local: GoZone = {
        if let tz = getenv("TZ") {
            var name = String(cString: tz)
            if name.isEmpty { return GoZone(name: "Local", kinds: utc.kinds) }
            if name.hasPrefix(":") { name.removeFirst() }
            if name.hasPrefix("/"), let zone = read(path: name, name: "Local") { return zone }
            if name != "UTC", let zone = find(name, as: "Local") { return zone }
            return GoZone(name: "Local", kinds: utc.kinds)
        }
        return read(path: "/etc/localtime", name: "Local") ?? GoZone(name: "Local", kinds: utc.kinds)
    }()

    private static let cache = ZoneCache()

    /// Go's `time.LoadLocation(name)`; nil where Go fails (sprig then uses UTC).
    public static func load(_ name: String) -> GoZone? {
        if name.isEmpty || name == "UTC" { return utc }
        if name == "Local" { return local }
        if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return nil
        }
        if let cached = cache[name] { return cached }
        let zone = find(name, as: name)
        cache[name] = zone
        return zone
    }

    /// The zoneinfo file `name` in Go's search path (`$ZONEINFO`, then the system directories).
    private static func find(_ name: String, as zoneName: String) -> GoZone? {
        var directories: [String] = []
        if let z = getenv("ZONEINFO") { directories.append(String(cString: z)) }
        directories += ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"]
        for directory in directories where !directory.isEmpty {
            if let zone = read(path: FileSystem.join(directory, name), name: zoneName) { return zone }
        }
        return nil
    }

    private static func read(path: String, name: String) -> GoZone? {
        guard let bytes = FileSystem.read(path) else { return nil }
        return TZif.parse(bytes, name: name)
    }
}

/// Zones loaded by name, shared by all executions.
private final class ZoneCache: @unchecked Sendable {
    private var zones: [String: GoZone?] = [:]
    private let lock = Lock()

    /// The zone loaded for `name` (nil inside: Go failed to load it), or nil when not loaded yet.
    public subscript(name: String) -> GoZone?? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return zones[name]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            if zones.count > 64 { zones.removeAll() }
            zones[name] = newValue ?? nil
        }
    }
}

/// The TZif format (RFC 8536): version 1 data with 32-bit times, then for version 2 and later the
/// same with 64-bit times, which is used when present.
public enum TZif {
    /// A zone read from TZif bytes (versions 1 to 3); nil for malformed data.
    public static func parse(_ b: [UInt8], name: String) -> GoZone? {
        var at = 0
        func header() -> (version: UInt8, counts: [Int])? {
            guard at + 44 <= b.count, b[at] == 0x54, b[at + 1] == 0x5A, b[at + 2] == 0x69, b[at + 3] == 0x66 else { return nil }
            let version = b[at + 4]
            var counts: [Int] = []
            for i in 0..<6 { counts.append(Int(be32(at + 20 + i * 4))) }
            at += 44
            return (version, counts)
        }
        func be32(_ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }
        func be64(_ i: Int) -> UInt64 { UInt64(be32(i)) << 32 | UInt64(be32(i + 4)) }
        guard var (version, counts) = header() else { return nil }
        var timeSize = 4
        if version >= 0x32 {
            // Skip the version 1 block; read the 64-bit one.
            let (isutc, isstd, leap, times, types, chars) = (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
            at += times * 4 + times + types * 6 + chars + leap * 8 + isstd + isutc
            guard let second = header() else { return nil }
            (version, counts) = second
            timeSize = 8
        }
        let (leap, times, types, chars) = (counts[2], counts[3], counts[4], counts[5])
        _ = leap
        let needed = times * timeSize + times + types * 6 + chars
        guard types > 0, at + needed <= b.count else { return nil }
        var transitions: [Int64] = []
        transitions.reserveCapacity(times)
        for i in 0..<times {
            let p = at + i * timeSize
            transitions.append(timeSize == 8 ? Int64(bitPattern: be64(p)) : Int64(Int32(bitPattern: be32(p))))
        }
        at += times * timeSize
        var transitionKinds: [Int] = []
        for i in 0..<times { transitionKinds.append(Int(b[at + i])) }
        at += times
        let charsStart = at + types * 6
        var kinds: [GoZone.Kind] = []
        for i in 0..<types {
            let p = at + i * 6
            let offset = Int(Int32(bitPattern: be32(p)))
            let isDST = b[p + 4] != 0
            let index = Int(b[p + 5])
            var end = charsStart + index
            while end < charsStart + chars && b[end] != 0 { end += 1 }
            let abbreviation = index < chars ? String(decoding: b[(charsStart + index)..<end], as: UTF8.self) : ""
            kinds.append(GoZone.Kind(offset: offset, abbreviation: abbreviation, isDST: isDST))
        }
        guard transitionKinds.allSatisfy({ $0 < kinds.count }) else { return nil }
        return GoZone(name: name, kinds: kinds, transitions: transitions, transitionKinds: transitionKinds)
    }
}
