/// Where the resources (`$id`) and anchors of a set of schema documents are: found by walking
/// each document through the keywords that hold subschemas in its draft.
struct SchemaIndex {
    /// A schema location: a document and a JSON pointer into it.
    struct Position: Hashable {
        var document: String
        var pointer: String
    }

    /// Resource URI (no fragment) → its root.
    var resources: [String: Position] = [:]
    /// `uri#anchor` → the anchored schema.
    var anchors: [String: Position] = [:]
    /// Resource root → names of the `$dynamicAnchor`s declared in that resource.
    var dynamicAnchors: [Position: [(name: String, position: Position)]] = [:]
    /// Every indexed schema position → its base URI and draft.
    var scopes: [Position: (base: String, draft: Draft, resource: Position)] = [:]

    /// Indexes `document` (whose URI is `url`) with `draft` where it declares no `$schema`.
    mutating func add(document: JSON, url: String, draft: Draft) {
        let root = Position(document: url, pointer: "")
        resources[url] = root
        walk(document, at: root, base: url, draft: draft, resource: root, isRoot: true)
    }

    private mutating func walk(_ node: JSON, at position: Position, base: String, draft: Draft, resource: Position, isRoot: Bool) {
        guard let object = node.object else {
            scopes[position] = (base, draft, resource)
            return
        }
        var draft = draft, base = base, resource = resource
        if let declared = object["$schema"]?.string, let named = Draft(metaSchema: declared) { draft = named }
        let ignoresID = draft < .draft2019 && object["$ref"] != nil
        if !ignoresID, let id = object[draft.idKeyword]?.string {
            let resolved = URIReference.resolve(id, against: base)
            let (uri, fragment) = URIReference.split(resolved)
            if !uri.isEmpty && (uri != base || isRoot) && !(draft < .draft2019 && id.hasPrefix("#")) {
                base = uri
                resource = position
                resources[uri] = position
            }
            if draft < .draft2019, let fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                anchors[base + "#" + fragment] = position
            }
        }
        scopes[position] = (base, draft, resource)
        if draft >= .draft2019, let anchor = object["$anchor"]?.string { anchors[base + "#" + anchor] = position }
        if draft >= .draft2020, let anchor = object["$dynamicAnchor"]?.string {
            anchors[base + "#" + anchor] = position
            dynamicAnchors[resource, default: []].append((anchor, position))
        }
        func child(_ tokens: String...) -> Position {
            Position(document: position.document, pointer: position.pointer + tokens.map { "/" + JSONPointer.escape($0) }.joined())
        }
        for keyword in draft.singleSubschemaKeywords {
            if let sub = object[keyword], sub.array == nil {
                walk(sub, at: child(keyword), base: base, draft: draft, resource: resource, isRoot: false)
            }
        }
        for keyword in draft.arraySubschemaKeywords {
            for (i, sub) in (object[keyword]?.array ?? []).enumerated() {
                walk(sub, at: child(keyword, String(i)), base: base, draft: draft, resource: resource, isRoot: false)
            }
        }
        for keyword in draft.mapSubschemaKeywords {
            for (name, sub) in object[keyword]?.object?.members ?? [] where sub.array == nil {
                walk(sub, at: child(keyword, name), base: base, draft: draft, resource: resource, isRoot: false)
            }
        }
    }

    /// The base URI, draft and resource of `position`: its own when indexed, else its nearest
    /// indexed ancestor's (a `$ref` may point anywhere in a document).
    func scope(of position: Position) -> (base: String, draft: Draft, resource: Position)? {
        var pointer = position.pointer
        while true {
            if let s = scopes[Position(document: position.document, pointer: pointer)] { return s }
            guard let slash = pointer.lastIndex(of: "/") else { return nil }
            pointer = String(pointer[..<slash])
        }
    }
}

/// JSON pointers (RFC 6901).
enum JSONPointer {
    static func escape(_ token: String) -> String {
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// A reference token as written in a pointer, unescaped (`~1` is `/`, `~0` is `~`).
    static func unescape(_ token: Substring) -> String {
        if !token.utf8.contains(UInt8(ascii: "~")) { return String(token) }
        return String(token).replacing("~1", with: "/").replacing("~0", with: "~")
    }

    /// The value at `pointer` in `document`; nil when it names nothing.
    static func lookup(_ pointer: String, in document: JSON) -> JSON? {
        if pointer.isEmpty { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var node = document
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = unescape(raw)
            switch node {
            case .object(let o):
                guard let next = o[token] else { return nil }
                node = next
            case .array(let a):
                guard let i = Int(token), i >= 0, i < a.count, token == String(i) else { return nil }
                node = a[i]
            default: return nil
            }
        }
        return node
    }
}
