import Charts
import GoValues
import Platform
import TemplateEngine

extension ChartRenderer {
    /// The chart's non-partial templates executed, in order, and (`readsHeads`) the heads of their documents, read
    /// on another core as the files come (the `NOTES.txt` files left out); nil heads when there was no core for it.
    struct ExecutedFiles {
        var files: [(name: String, output: String)] = []
        var heads: [ChartManifestSorter.FileHeads]?
    }

    /// Every non-partial template executed, in order: on two cores when the files allow it (``ParallelFiles``), else
    /// one after another in `session`, each template that can on every core (`renderInWindows`, `rangeSharing`).
    func executeFiles(
        order: [String], byName: [String: ChartTemplate], set: TemplateSet, session: ExecutionSession,
        top: [String: Value], scopes: SubchartScopes?, basePath: String, readsHeads: Bool
    ) throws(ChartRenderError) -> ExecutedFiles {
        let names = order.filter { !byName[$0]!.isPartial }
        let scopeList = scopes?.contexts.map(\.executionScope) ?? []
        // Each chart's top-level object made before any template runs, as Helm makes them.
        session.prepare(scopes: scopeList)
        let file = { (name: String) -> ParallelFiles.File in
            let context = scopes?.contexts[byName[name]!.scope]
            var topLevel = context?.topLevel ?? [:]
            topLevel["Template"] = .map(["Name": .string(name), "BasePath": .string(context?.basePath ?? basePath)])
            return ParallelFiles.File(name: name, topLevel: topLevel, structs: context?.structs ?? [:], scope: context?.executionScope)
        }
        var session = session
        if let parallel = parallelFiles(names, set: set, session: session, top: top, scopeList: scopeList, file: file) {
            let reads = readsHeads ? { (name: String, output: String) -> ChartManifestSorter.FileHeads in
                name.hasSuffix("NOTES.txt") ? nil : ChartManifestSorter.heads(of: (name, output))
            } : nil
            do throws(TemplateError) {
                if let done = try parallel.run(stackSize: ChartRenderer.workerStackSize, reading: reads) {
                    // `parallel`'s files are `names` less those without a template, in the same order.
                    var executed = ExecutedFiles(heads: reads == nil ? nil : [])
                    var next = 0
                    for name in names {
                        var output = "", heads: ChartManifestSorter.FileHeads = nil
                        if set.hasTemplate(name) {
                            (output, heads) = (done[next].output, done[next].heads)
                            next += 1
                        } else if let reads {
                            heads = reads(name, "")
                        }
                        executed.files.append((name, output))
                        if !name.hasSuffix("NOTES.txt") { executed.heads?.append(heads) }
                    }
                    return executed
                }
            } catch {
                throw ChartRenderError(.execute, error)
            }
            // A file taken to leave the data unchanged changed it: the data of the session is not as it was; start
            // again from the chart's.
            session = set.session(data: .map(top))
            session.prepare(scopes: scopeList)
            kept?.keep((set, session))
        }
        // Each file's documents are read for their heads on another core while the next files execute.
        let reader = readsHeads && Parallel.cores > 1 ? ChartManifestSorter.HeadReader() : nil
        defer { reader?.close() }
        var executed = ExecutedFiles()
        for name in names {
            let output = try execute(file(name), set: set, session: session, top: top, scopes: scopes, order: order)
            executed.files.append((name, output))
            if !name.hasSuffix("NOTES.txt") { reader?.add((name, output)) }
        }
        executed.heads = reader?.finish()
        return executed
    }

    /// One file executed in `session`, on every core when it can (`renderInWindows`, `rangeSharing`).
    private func execute(
        _ file: ParallelFiles.File, set: TemplateSet, session: ExecutionSession, top: [String: Value],
        scopes: SubchartScopes?, order: [String]
    ) throws(ChartRenderError) -> String {
        guard set.hasTemplate(file.name) else { return "" }
        let context = file.scope.map { scopes!.contexts[$0.id] }
        if let windowed = try renderInWindows(
            file.name, set: set, data: context?.data ?? top, topLevel: file.topLevel, structs: file.structs, order: order) {
            return windowed
        }
        do {
            if let scope = file.scope {
                return try session.execute(name: file.name, topLevel: file.topLevel, structs: file.structs, scope: scope)
            } else if let sharing = rangeSharing(file.name, set: set, session: session, topLevel: file.topLevel) {
                return try session.execute(name: file.name, topLevel: file.topLevel, sharing: sharing)
            } else {
                return try session.execute(name: file.name, topLevel: file.topLevel)
            }
        } catch {
            throw ChartRenderError(.execute, error)
        }
    }

    /// The files `names` set up to execute on two cores (``ParallelFiles``); nil when they are to run one after
    /// another: one core, fewer than two files with templates, none that leaves the data unchanged, or one that
    /// renders on every core by itself (a range in windows, or a shared range that changes the data around it).
    private func parallelFiles(
        _ names: [String], set: TemplateSet, session: ExecutionSession, top: [String: Value],
        scopeList: [ExecutionScope], file: (String) -> ParallelFiles.File
    ) -> ParallelFiles? {
        let runnable = names.filter { set.hasTemplate($0) }
        guard windowing.cores > 1, windowing.filesOnCores, runnable.count > 1 else { return nil }
        let independence = set.independence()
        guard runnable.contains(where: independence.leavesDataUnchanged) else { return nil }
        for name in runnable {
            if set.rangeSlicing(name) != nil { return nil }
            if scopeList.isEmpty, !independence.leavesDataUnchanged(name), set.sharedRange(name) != nil { return nil }
        }
        let kept = self.kept
        var parallel = ParallelFiles(files: runnable.map(file), independence: independence, set: set, session: session) {
            let helperSet = set.sharingTemplates()
            let helperSession = helperSet.session(data: .map(ChartRenderer.ownValues(top)))
            helperSession.prepare(scopes: scopeList)
            kept?.keep((helperSet, helperSession))
            return (helperSet, helperSession)
        }
        parallel.alternating = windowing.alternatingFiles
        // A file that leaves the data unchanged shares its range out once the other core is through with the files
        // (a chart whose work is one long range, as istio's CRDs, would otherwise leave that core idle).
        parallel.sharing = { file, set, session, otherCoreIsThrough in
            guard file.scope == nil else { return nil }
            return rangeSharing(file.name, set: set, session: session, topLevel: file.topLevel, coreIsFree: otherCoreIsThrough)
        }
        return parallel
    }
}
