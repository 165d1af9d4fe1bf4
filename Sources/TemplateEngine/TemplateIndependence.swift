import GoValues

/// What lets a chart's files run on several cores with the result of one core running them in order.
///
/// A template **leaves the data unchanged** when it changes only maps it made itself (`set`/`unset` of a variable it
/// declared from `dict`, `fromYaml`, `deepCopy` …, `merge` into such a map: the rules of ``RangeSharing``'s
/// iterations, with all of a template's variables its own), and so does every template it includes. Such a file can
/// run on any core over the data as it was before it: the files after it see the same data either way. Functions
/// whose result differs from call to call are allowed (each call still happens once), and so is `tpl`.
///
/// This is what the templates' code shows; a file's run is watched too (``ExecutionSession``'s watched `execute`):
/// a change to a map made before the file started (by a `tpl` text, or by a `merge` of several sources that share a
/// key holding maps, which Go merges into the first source's map in place) is seen there.
public struct TemplateIndependence: Sendable {
    /// The names of the templates that qualify, and whether all do (a computed `include` name may reach any).
    private let names: Set<String>

    /// The templates of `trees` whose own code qualifies and all of whose includes do: the failures spread to the
    /// templates that include them until nothing changes.
    init(trees: [String: Tree]) {
        var names: Set<String> = []
        for (name, tree) in trees where tree.summary.changesOnlyOwnMaps { names.insert(name) }
        var changed = true
        while changed {
            changed = false
            let every = names.count == trees.count
            for name in names {
                let summary = trees[name]!.summary
                if (summary.includesAny && !every) || !summary.includes.allSatisfy({ names.contains($0) || trees[$0] == nil }) {
                    names.remove(name)
                    changed = true
                }
            }
        }
        self.names = names
    }

    /// Whether template `name` (and all it includes) leaves the data as it found it.
    public func leavesDataUnchanged(_ name: String) -> Bool {
        names.contains(name)
    }
}

extension TemplateSet {
    /// Which of the set's templates leave the data as they found it (see ``TemplateIndependence``).
    public func independence() -> TemplateIndependence {
        TemplateIndependence(trees: trees)
    }
}

extension ExecutionSession {
    /// What a watched execution did besides its output.
    public struct Watched: Sendable {
        /// Whether it changed a map made before it started (every map notes when it was made; a map made from
        /// another's storage is as old as that one).
        public var changedEarlierData: Bool
        /// Whether it called a function whose result differs from call to call (`randAlpha`, `now` …), itself or in
        /// a `tpl` text or an included template.
        public var calledVaryingFunction: Bool
    }

    /// Executes template `name` as ``execute(name:topLevel:)`` does (or, with `scope`, as
    /// ``execute(name:topLevel:structs:scope:)`` does), watching what it does to the data and what it calls.
    public func executeWatched(
        name: String, topLevel: [String: Value], structs: [String: GoStruct] = [:], scope: ExecutionScope?,
        sharing: RangeSharing? = nil
    ) throws(TemplateError) -> (output: String, watched: Watched) {
        var executor: Executor?
        let heap = self.heap
        // After the top-level keys are set: from here, a change to an older map is the template's.
        let configure = { (e: Executor) in
            heap.epoch &+= 1
            heap.changedEarlierMap = false
            e.rangeSharing = sharing
            executor = e
        }
        let output: String
        if let scope {
            output = try execute(name: name, topLevel: topLevel, structs: structs, scope: scope, configure: configure)
        } else {
            output = try execute(name: name, topLevel: topLevel, configure: configure)
        }
        return (output, Watched(changedEarlierData: heap.changedEarlierMap, calledVaryingFunction: executor?.calledVaryingFunction ?? false))
    }
}
