/// A schema location: a node in the tree of JSON-pointer tokens under a document's root. Each
/// location is one object, so compiled schemas and scopes hang off it and are found by walking
/// short tokens, never by hashing whole pointers; the pointer text is built only for messages.
final class SchemaPosition {
    /// The document's URI (no fragment).
    let document: String
    /// The token that leads here from `parent` (unescaped); empty at the root.
    let token: String
    /// The enclosing location; nil at a document's root (the root owns the tree).
    unowned(unsafe) let parent: SchemaPosition?
    /// The locations under this one made so far, searched in order while they are few.
    private var children: [SchemaPosition] = []
    /// By token, once there are many children.
    private var childIndex: [String: SchemaPosition]?
    private static let indexedFrom = 8

    /// Base URI, draft and resource root, where the index found a schema here.
    var scope: SchemaIndex.Scope?
    /// The schema compiled here, once it is.
    var schema: Schema?
    /// On resource roots: the `$dynamicAnchor`s declared in the resource.
    var dynamicAnchors: [(name: String, position: SchemaPosition)] = []

    /// A document's root.
    init(document: String) {
        self.document = document
        self.token = ""
        self.parent = nil
    }

    private init(token: String, parent: SchemaPosition) {
        self.document = parent.document
        self.token = token
        self.parent = parent
    }

    /// The location under this one at `token`.
    func child(_ token: String) -> SchemaPosition {
        if let childIndex {
            if let known = childIndex[token] { return known }
        } else if let known = children.first(where: { $0.token == token }) {
            return known
        }
        let made = SchemaPosition(token: token, parent: self)
        children.append(made)
        if childIndex != nil {
            childIndex![token] = made
        } else if children.count >= Self.indexedFrom {
            childIndex = Dictionary(uniqueKeysWithValues: children.map { ($0.token, $0) })
        }
        return made
    }

    /// Makes room for `n` more children (a map or array of `n` subschemas is about to be read), so that the list
    /// and its index by token grow once rather than step by step.
    func reserveChildren(_ n: Int) {
        let expected = children.count + n
        children.reserveCapacity(expected)
        if childIndex == nil, expected >= Self.indexedFrom {
            var index = [String: SchemaPosition](minimumCapacity: expected)
            for child in children { index[child.token] = child }
            childIndex = index
        }
    }

    /// The JSON pointer of this location within its document.
    var pointer: String {
        var tokens: [String] = []
        var p: SchemaPosition? = self
        while let current = p, let up = current.parent {
            tokens.append(current.token)
            p = up
        }
        return tokens.reversed().map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// `document#pointer`.
    var location: String { document + "#" + pointer }

    /// The scope of this location: its own when indexed, else its nearest indexed ancestor's
    /// (a `$ref` may point anywhere in a document).
    var nearestScope: SchemaIndex.Scope? {
        var p: SchemaPosition? = self
        while let current = p {
            if let s = current.scope { return s }
            p = current.parent
        }
        return nil
    }
}

/// Where the resources (`$id`) and anchors of a set of schema documents are: found by walking
/// each document through the keywords that hold subschemas in its draft.
struct SchemaIndex {
    /// The base URI, draft and resource root of an indexed schema.
    struct Scope {
        var base: String
        var draft: Draft
        unowned(unsafe) var resource: SchemaPosition
    }

    /// Resource URI (no fragment) → its root.
    var resources: [String: SchemaPosition] = [:]
    /// `uri#anchor` → the anchored schema.
    var anchors: [String: SchemaPosition] = [:]

    /// Indexes `document` (whose root is `root`, URI `root.document`) with `draft` where it declares no `$schema`.
    mutating func add(document: JSON, root: SchemaPosition, draft: Draft) {
        resources[root.document] = root
        walk(document, at: root, base: root.document, draft: draft, resource: root, isRoot: true)
    }

    private mutating func walk(_ node: JSON, at position: SchemaPosition, base: String, draft: Draft, resource: SchemaPosition, isRoot: Bool) {
        guard case .object(let object) = node else {
            position.scope = Scope(base: base, draft: draft, resource: resource)
            return
        }
        // Nothing in here changes the scope or names a location: every location under here finds the scope
        // it would be given at an ancestor (``SchemaPosition/nearestScope``).
        if !isRoot, !object.mayDeclareScope { return }
        let keywords = KeywordValues(object)
        var draft = draft, base = base, resource = resource
        if let declared = keywords[.schema]?.string, let named = Draft(metaSchema: declared) { draft = named }
        let ignoresID = draft < .draft2019 && keywords[.ref] != nil
        if !ignoresID, let id = keywords[draft.idKeyword]?.string {
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
        position.scope = Scope(base: base, draft: draft, resource: resource)
        if draft >= .draft2019, let anchor = keywords[.anchor]?.string { anchors[base + "#" + anchor] = position }
        if draft >= .draft2020, let anchor = keywords[.dynamicAnchor]?.string {
            anchors[base + "#" + anchor] = position
            resource.dynamicAnchors.append((anchor, position))
        }
        let lists = KeywordLists.of(draft)
        for keyword in lists.single {
            if let sub = keywords[keyword], sub.array == nil {
                walk(sub, at: position.child(keyword.name), base: base, draft: draft, resource: resource, isRoot: false)
            }
        }
        for keyword in lists.array {
            guard case .array(let subs)? = keywords[keyword] else { continue }
            let holder = position.child(keyword.name)
            for (i, sub) in subs.enumerated() {
                walk(sub, at: holder.child(String(i)), base: base, draft: draft, resource: resource, isRoot: false)
            }
        }
        for keyword in lists.map {
            guard case .object(let members)? = keywords[keyword] else { continue }
            let holder = position.child(keyword.name)
            for (name, sub) in members.members where sub.array == nil {
                walk(sub, at: holder.child(name), base: base, draft: draft, resource: resource, isRoot: false)
            }
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

    /// The unescaped reference tokens of `pointer` (which starts with `/`).
    static func tokens(_ pointer: String) -> [String] {
        pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(unescape)
    }

    /// The value at `pointer` in `document`; nil when it names nothing.
    static func lookup(_ pointer: String, in document: JSON) -> JSON? {
        if pointer.isEmpty { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var node = document
        for token in tokens(pointer) {
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
