import Charts
import TemplateEngine
import HelmFunctions
import YAML

/// What `helm template`'s output flags ask for, beyond the render itself.
public struct HelmTemplateOutput: Sendable, Equatable {
    /// `--include-crds`: the charts' `crds/` files first, as they are.
    public var includeCRDs = false
    /// `--skip-tests`: no hook whose `helm.sh/hook` lists `test` (or Helm 2's `test-success`).
    public var skipTests = false
    /// `--no-hooks`: no hooks at all.
    public var noHooks = false
    /// `--show-only`: only the documents of templates matching these patterns.
    public var showOnly: [String] = []
    /// `--release-name`: `--output-dir` writes templates under `<dir>/<release name>/` (CRDs stay in `<dir>`).
    public var releaseNameDirectory = false

    public init() {}
}

extension Rendered {
    /// Exactly what `helm template` prints on stdout with `options`: the CRDs (when included) and the
    /// manifests, trimmed and ended with a newline, then the hooks kept; `--show-only` picks from all of it.
    public func helmTemplateText(_ options: HelmTemplateOutput) throws -> String {
        var text = ""
        try helmTemplateWriter(options)({ text += $0 })
        return text
    }

    /// `helmTemplateText` handed to a sink piece by piece: every error is thrown before this returns,
    /// and a plain render (no CRDs, no hook filtered, no `--show-only`) is never built in memory.
    public func helmTemplateWriter(_ options: HelmTemplateOutput) throws -> ((Substring) -> Void) -> Void {
        if options.showOnly.isEmpty, !options.includeCRDs || crds.isEmpty, try keepsEveryHook(options) {
            let manifests = self.manifests
            return { sink in manifests.writeText(sink) }
        }
        var body = ""
        if options.includeCRDs {
            for crd in crds { body += "---\n# Source: \(crd.source)\n\(crd.text)\n" }
            try ChartFile.checkReads()
        }
        for doc in manifests.documents where !doc.isHook { body += RenderedManifests.block(doc) }
        var text = String(GoText.trimSpace(body[...])) + "\n"
        for doc in try keptHooks(options) { text += RenderedManifests.block(doc) }
        if !options.showOnly.isEmpty { text = try RenderedManifests.showOnly(options.showOnly, in: text) }
        return { [text] sink in sink(text[...]) }
    }

    /// `helm template --output-dir DIR` with `options`: writes the files (atomically) and returns the
    /// `wrote PATH` log Helm prints. CRDs go to `DIR/<source>`, templates to `DIR/<source>` or, with
    /// `--release-name`, `DIR/<release>/<source>`; documents of one source accumulate in one file.
    public func writeHelmTemplate(
        to directory: String, release: String, _ options: HelmTemplateOutput
    ) throws -> String {
        if let pattern = options.showOnly.first {
            // Helm applies --show-only to stdout, which holds nothing once the files are written.
            throw ChartRenderError(.showOnly, "could not find template \(pattern) in chart")
        }
        if options.releaseNameDirectory, !OutputDirectory.isSafe(release) || release.contains("/") {
            throw ChartRenderError(.output, "refusing to write under \"\(release)\": the release name is no directory name")
        }
        var files: [(path: String, contents: String)] = []
        var index: [String: Int] = [:]
        var log = ""
        /// Appends `block` to the file `relative` (below `directory`), logged as `shown`.
        func add(_ relative: String, shown: String, _ block: String) {
            if let at = index[relative] {
                files[at].contents += block
            } else {
                index[relative] = files.count
                files.append((relative, block))
            }
            log += "wrote \(shown)\n"
        }
        if options.includeCRDs {
            for crd in crds {
                add(crd.source, shown: directory + "/" + crd.source, "---\n# Source: \(crd.source)\n\(crd.text)\n")
            }
            try ChartFile.checkReads()
        }
        let prefix = options.releaseNameDirectory ? release + "/" : ""
        let shownDirectory = options.releaseNameDirectory ? GoPath.join(directory, release) : directory
        for doc in manifests.documents.filter({ !$0.isHook }) + (try keptHooks(options)) {
            add(prefix + doc.source, shown: shownDirectory + "/" + doc.source, RenderedManifests.block(doc))
        }
        try OutputDirectory(path: directory).write(files)
        return log + "\n"
    }

    /// The hooks `options` keep, in order.
    func keptHooks(_ options: HelmTemplateOutput) throws -> [RenderedManifest] {
        if options.noHooks { return [] }
        var kept: [RenderedManifest] = []
        for doc in manifests.documents where doc.isHook {
            if options.skipTests, try Self.isTestHook(doc) { continue }
            kept.append(doc)
        }
        return kept
    }

    /// Whether `options` keep every hook (nothing to filter).
    private func keepsEveryHook(_ options: HelmTemplateOutput) throws -> Bool {
        guard options.noHooks || options.skipTests else { return true }
        return try keptHooks(options).count == manifests.documents.count(where: \.isHook)
    }

    /// Whether a hook's `helm.sh/hook` events include `test` (`test-success` is Helm 2's name for it).
    static func isTestHook(_ doc: RenderedManifest) throws -> Bool {
        let head = try ManifestHead.parse(doc.textSlice, source: doc.source)
        let events = (head.annotations["helm.sh/hook"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        return events.contains { event in
            let name = GoText.trimSpace(String(event)).lowercased()
            return name == "test" || name == "test-success"
        }
    }
}

/// Go's `path.Join` and `path.Clean` for the paths Helm prints.
enum GoPath {
    /// `a` and `b` joined by `/`, cleaned; an empty side is left out.
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return clean(b) }
        if b.isEmpty { return clean(a) }
        return clean(a + "/" + b)
    }

    /// The shortest equivalent path: no `.`, no `x/..`, no doubled or trailing `/`.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." {
                    out.removeLast()
                } else if !rooted {
                    out.append(part)
                }
                continue
            }
            out.append(part)
        }
        let body = out.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }
}

extension Pipeline {
    /// `--name-template`: the release name `text` gives when executed as a Go template with no data
    /// (sprig's functions available, e.g. `{{ randAlpha 6 | lower }}`).
    public static func releaseName(nameTemplate text: String) throws -> String {
        let set = TemplateSet()
        do throws(TemplateError) {
            try set.parse(name: "name-template", text: text)
            return try set.execute(name: "name-template", data: .null)
        } catch {
            throw ChartRenderError(.execute, error)
        }
    }
}
