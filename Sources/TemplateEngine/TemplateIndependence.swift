import GoValues

/// Which templates of a set leave the data other templates see as they found it: each changes only maps it made
/// itself (`set`/`unset` of a variable it declared from `dict`, `fromYaml`, `deepCopy` …, `merge` of one source into
/// such a map; the rules of ``RangeSharing``'s iterations, with all of a template's variables its own), and so does
/// every template it includes. Such a file can run on another core over the data as it was before it, and the files
/// after it see the same data either way. Functions whose result differs from call to call are allowed (each call
/// still happens once); `tpl` is allowed, and the text it runs is held to the same rules then (``admits(_:)``).
public struct TemplateIndependence: Sendable {
    /// The names of the templates that qualify.
    private let independent: Set<String>
    /// Whether every template of the set qualifies (a computed `include` name may reach any).
    private let all: Bool

    /// The templates of `trees` that qualify: each one's own code, then what it includes, until nothing changes.
    init(trees: [String: Tree]) {
        var qualifying: Set<String> = []
        for (name, tree) in trees where TemplateIndependence.ownCodeQualifies(tree) { qualifying.insert(name) }
        var changed = true
        while changed {
            changed = false
            let every = qualifying.count == trees.count
            for name in qualifying {
                let summary = trees[name]!.summary
                if (summary.includesAny && !every) || !summary.includes.allSatisfy({ qualifying.contains($0) || trees[$0] == nil }) {
                    qualifying.remove(name)
                    changed = true
                }
            }
        }
        independent = qualifying
        all = qualifying.count == trees.count
    }

    /// Whether template `name` (and all it includes) leaves the data as it found it.
    public func leavesDataUnchanged(_ name: String) -> Bool {
        independent.contains(name)
    }

    /// Whether the templates of a `tpl` text, just parsed, leave the data as they found it, the templates they
    /// include from the set included (a name the text defines is checked as the text's own).
    func admits(_ parsed: [Tree]) -> Bool {
        let defined = Dictionary(parsed.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for tree in parsed {
            guard TemplateIndependence.ownCodeQualifies(tree), !tree.summary.includesAny || all else { return false }
            for name in tree.summary.includes where defined[name] == nil && !independent.contains(name) { return false }
        }
        return true
    }

    /// Whether a template's own code changes only maps it made (the templates it includes aside): certainly so when
    /// it calls no function that changes a map.
    private static func ownCodeQualifies(_ tree: Tree) -> Bool {
        guard tree.summary.changesMaps else { return true }
        var check = OwnChangesCheck(trees: [:], mode: .template)
        check.ownChanges(in: tree.root, declaring: ["$"], breakEndsShare: false)
        return check.ok
    }
}

extension TemplateSet {
    /// Which of the set's templates leave the data as they found it (see ``TemplateIndependence``).
    public func independence() -> TemplateIndependence {
        TemplateIndependence(trees: trees)
    }
}

extension ExecutionSession {
    /// Executes template `name` as ``execute(name:topLevel:)`` does (or, with `scope`, as
    /// ``execute(name:topLevel:structs:scope:)`` does), a template that `independence` says leaves the data as it
    /// found it; `textsKeptData` is false when a `tpl` text it ran may have changed the data after all.
    public func execute(
        name: String, topLevel: [String: Value], structs: [String: GoStruct] = [:], scope: ExecutionScope?,
        independence: TemplateIndependence
    ) throws(TemplateError) -> (output: String, textsKeptData: Bool) {
        var executor: Executor?
        let configure = { (e: Executor) in
            e.independence = independence
            executor = e
        }
        let output: String
        if let scope {
            output = try execute(name: name, topLevel: topLevel, structs: structs, scope: scope, configure: configure)
        } else {
            output = try execute(name: name, topLevel: topLevel, configure: configure)
        }
        return (output, executor?.textMayChangeData != true)
    }
}
