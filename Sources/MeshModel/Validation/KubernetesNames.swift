/// Kubernetes naming rules (apimachinery's validation), each returning `nil` when valid or the reason otherwise.
public enum KubernetesNames {
    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        isLowerAlnum(c) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    /// DNS-1123 label: at most 63 characters, lowercase alphanumerics and '-', alphanumeric at both ends
    /// (namespaces, component names).
    public static func dns1123LabelProblem(_ s: String) -> String? {
        if s.utf8.withContiguousStorageIfAvailable({ isDNS1123Label($0) }) == true { return nil }
        let b = Array(s.utf8)
        if b.isEmpty { return "must not be empty" }
        if b.count > 63 { return "must be at most 63 characters (has \(b.count))" }
        guard b.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }),
              let first = b.first, let last = b.last, isLowerAlnum(first), isLowerAlnum(last)
        else {
            return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit"
        }
        return nil
    }

    /// DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels (resource names, label key prefixes).
    public static func dns1123SubdomainProblem(_ s: String) -> String? {
        if s.utf8.withContiguousStorageIfAvailable({ isDNS1123Subdomain($0) }) == true { return nil }
        let b = Array(s.utf8)
        if b.isEmpty { return "must not be empty" }
        if b.count > 253 { return "must be at most 253 characters (has \(b.count))" }
        let allowed = b.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let partsOK = parts.allSatisfy { p in
            guard let f = p.first, let l = p.last else { return false }
            return isLowerAlnum(f) && isLowerAlnum(l)
        }
        if !allowed || !partsOK {
            return "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each part starting and ending with a letter or digit"
        }
        return nil
    }

    /// The name part of a qualified name or a non-empty label value: at most 63 characters of
    /// `[A-Za-z0-9._-]`, alphanumeric at both ends.
    private static func qualifiedNamePartProblem(_ b: ArraySlice<UInt8>, what: String) -> String? {
        if b.isEmpty { return "\(what) must not be empty" }
        if b.count > 63 { return "\(what) must be at most 63 characters (has \(b.count))" }
        let allowed = b.allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
        guard allowed, let f = b.first, let l = b.last, isAlnum(f), isAlnum(l) else {
            return "\(what) must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"
        }
        return nil
    }

    /// A label key: an optional DNS-1123 subdomain prefix and '/', then a name (see `qualifiedNamePartProblem`).
    public static func labelKeyProblem(_ key: String) -> String? {
        if key.utf8.withContiguousStorageIfAvailable({ isLabelKey($0) }) == true { return nil }
        let b = Array(key.utf8)
        let slashes = b.indices.filter { b[$0] == UInt8(ascii: "/") }
        if slashes.count > 1 { return "invalid label key \"\(key)\": at most one '/' is allowed" }
        if let slash = slashes.first {
            let prefix = String(decoding: b[..<slash], as: UTF8.self)
            if let p = dns1123SubdomainProblem(prefix) { return "invalid label key \"\(key)\": prefix \(p)" }
            if let p = qualifiedNamePartProblem(b[(slash + 1)...], what: "name") {
                return "invalid label key \"\(key)\": \(p)"
            }
            return nil
        }
        if let p = qualifiedNamePartProblem(b[...], what: "name") { return "invalid label key \"\(key)\": \(p)" }
        return nil
    }

    /// A label value: empty, or at most 63 characters of `[A-Za-z0-9._-]`, alphanumeric at both ends.
    public static func labelValueProblem(_ value: String) -> String? {
        if value.utf8.withContiguousStorageIfAvailable({ $0.isEmpty || isQualifiedNamePart($0) }) == true { return nil }
        let b = Array(value.utf8)
        if b.isEmpty { return nil }
        if let p = qualifiedNamePartProblem(b[...], what: "value") { return "invalid label value \"\(value)\": \(p)" }
        return nil
    }

    /// An IANA service name as a port name: 1-15 characters of lowercase letters, digits and '-', at least one
    /// letter, no '-' at either end and no "--".
    public static func portNameProblem(_ name: String) -> String? {
        let b = Array(name.utf8)
        let what = "invalid port name \"\(name)\""
        if b.isEmpty { return "\(what): must not be empty" }
        if b.count > 15 { return "\(what): must be at most 15 characters" }
        if !b.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }) {
            return "\(what): must contain only lowercase letters, digits and '-'"
        }
        if !b.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
            return "\(what): must contain at least one letter"
        }
        if b.first == UInt8(ascii: "-") || b.last == UInt8(ascii: "-") { return "\(what): must not begin or end with '-'" }
        if name.contains("--") { return "\(what): must not contain \"--\"" }
        return nil
    }

    // MARK: the valid case, checked in place (the checks above then only run to explain a problem)

    private static func isDNS1123Label(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last, b.count <= 63, isLowerAlnum(first), isLowerAlnum(last) else {
            return false
        }
        return b.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Lowercase alphanumerics, '-' and '.', every dot-separated part starting and ending with an alphanumeric.
    private static func isDNS1123Subdomain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b.count <= 253 else { return false }
        var previous = UInt8(ascii: ".")
        for c in b {
            if c == UInt8(ascii: ".") {
                if !isLowerAlnum(previous) { return false }
            } else if c == UInt8(ascii: "-") {
                if previous == UInt8(ascii: ".") { return false }
            } else if !isLowerAlnum(c) {
                return false
            }
            previous = c
        }
        return isLowerAlnum(previous)
    }

    private static func isQualifiedNamePart(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last, b.count <= 63, isAlnum(first), isAlnum(last) else { return false }
        return b.allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isLabelKey(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let slash = b.firstIndex(of: UInt8(ascii: "/")) else { return isQualifiedNamePart(b) }
        let name = UnsafeBufferPointer(rebasing: b[(slash + 1)...])
        return !name.contains(UInt8(ascii: "/")) && isQualifiedNamePart(name)
            && isDNS1123Subdomain(UnsafeBufferPointer(rebasing: b[..<slash]))
    }
}
