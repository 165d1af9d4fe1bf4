/// A path into a resource: map keys and list indices, printed as `spec.ingress[0].from[2].podSelector`.
///
/// Keys that would be ambiguous in dotted form (they contain `.`, `[`, `]` or are empty) print quoted in
/// brackets: `metadata.labels["app.kubernetes.io/name"]`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses the printed form (`spec.ingress[0]`, `metadata.labels["helm.sh/chart"]`); `nil` when malformed.
    public init?(parsing text: String) {
        var components: [Component] = []
        var chars = Substring(text)
        var expectKey = true
        while let c = chars.first {
            if c == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    chars = chars.dropFirst()
                    var key = ""
                    while let k = chars.first, k != "\"" {
                        if k == "\\" { chars = chars.dropFirst() }
                        guard let k2 = chars.first else { return nil }
                        key.append(k2)
                        chars = chars.dropFirst()
                    }
                    guard chars.hasPrefix("\"]") else { return nil }
                    chars = chars.dropFirst(2)
                    components.append(.key(key))
                } else {
                    guard let close = chars.firstIndex(of: "]"), let i = Int(chars[..<close]) else { return nil }
                    components.append(.index(i))
                    chars = chars[chars.index(after: close)...]
                }
                expectKey = false
            } else if c == "." {
                guard !expectKey else { return nil }
                chars = chars.dropFirst()
                expectKey = true
            } else {
                let end = chars.firstIndex(where: { $0 == "." || $0 == "[" }) ?? chars.endIndex
                components.append(.key(String(chars[..<end])))
                chars = chars[end...]
                expectKey = false
            }
        }
        if expectKey && !components.isEmpty { return nil }
        self.components = components
    }

    public var isEmpty: Bool { components.isEmpty }

    /// The path of the containing map or list.
    public var parent: FieldPath { FieldPath(Array(components.dropLast())) }

    public func appending(_ component: Component) -> FieldPath { FieldPath(components + [component]) }

    /// True when `self` equals `prefix` or lies below it.
    public func hasPrefix(_ prefix: FieldPath) -> Bool {
        components.count >= prefix.components.count && Array(components.prefix(prefix.components.count)) == prefix.components
    }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let k):
                if Self.needsQuoting(k) {
                    out += "[\""
                    for ch in k {
                        if ch == "\"" || ch == "\\" { out.append("\\") }
                        out.append(ch)
                    }
                    out += "\"]"
                } else {
                    if !out.isEmpty { out += "." }
                    out += k
                }
            }
        }
        return out
    }

    static func needsQuoting(_ key: String) -> Bool {
        key.isEmpty || key.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
    }
}
