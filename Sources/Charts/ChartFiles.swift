import GoValues
import Platform

/// A chart's files, read into memory as Helm reads them before it builds the chart: from a
/// directory (every regular file below it that `.helmignore` keeps) or from a packaged chart.
/// Paths are relative to the chart's top, `/`-separated.
struct ChartFiles {
    /// Where the files came from, for messages.
    enum Origin {
        /// A directory, by its absolute path.
        case directory(String)
        /// A packaged chart, by its name (`db-1.0.0.tgz`, or `app.tgz:charts/db` inside one).
        case archive(String)
    }

    let origin: Origin
    let contents: [String: ChartFile]

    /// Helm's bound on what a packaged chart may unpack to: its files' contents, not the tar
    /// headers and padding around them.
    static let sizeLimit = 100 << 20

    /// The bound on the unpacked tar stream itself: the contents plus room for the headers and
    /// padding of many small files (1 KiB each for 200,000 files).
    static let archiveLimit = 3 * sizeLimit

    init(origin: Origin, contents: [String: ChartFile]) {
        self.origin = origin
        self.contents = contents
    }

    init(origin: Origin, bytes: [String: [UInt8]]) {
        self.init(origin: origin, contents: bytes.mapValues(ChartFile.bytes))
    }

    /// Files from this size on are read when first used, unless loading the chart reads them itself
    /// (``isReadByLoading(_:)``).
    static let readOnUseFrom = 64 << 10

    /// Whether loading a chart reads the file `relative` (a path below the top chart): its templates, Chart.yaml,
    /// values, schema, lock and requirements files and packaged subcharts, at any depth of `charts/`.
    static func isReadByLoading(_ relative: String) -> Bool {
        var path = Substring(relative)
        while path.hasPrefix("charts/") {
            let rest = path.dropFirst("charts/".count)
            guard let slash = rest.firstIndex(of: "/") else { return true }  // charts/x.tgz
            path = rest[rest.index(after: slash)...]
        }
        return path.hasPrefix("templates/")
            || ["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json", "requirements.yaml", "requirements.lock"]
                .contains(path)
    }

    /// The files below `root` that its `.helmignore` (and Helm's default rule) keep; directories a
    /// rule ignores are not entered. Symbolic links are followed, as Helm follows them: depth
    /// first in name order, so a link cycle ends at the first directory the system refuses to open
    /// (`open PATH: too many levels of symbolic links`). Devices, pipes and sockets are refused.
    init(directory root: String) throws(ChartRenderError) {
        let ignore = FileSystem.kind(of: FileSystem.join(root, ".helmignore")) != nil
            ? try HelmIgnore(parsing: String(decoding: try ChartLoader.read(FileSystem.join(root, ".helmignore")), as: UTF8.self))
            : HelmIgnore()
        // The walk finds the files (and the first failure of the walk itself); their contents are read after it, on
        // every core. The failure reported is the one Helm's walk meets first: a file that cannot be read before it.
        // Each file, and whether the directory typed it as a regular file (then it needs no check before it is read).
        var found: [(path: String, relative: String, regular: Bool)] = []
        var walkFailure: ChartRenderError?
        // Directories still to list, deepest last: popping gives Go's depth-first walk in name order.
        var pending: [(path: String, relative: String)] = [(root, "")]
        walk: while let (path, relative) = pending.popLast() {
            let entries: [(name: String, type: FileSystem.EntryType)]
            switch FileSystem.typedEntriesOrFail(of: path) {
            case .success(let found): entries = found.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            case .failure(let failure):
                walkFailure = ChartRenderError(.load, "\(failure.operation) \(path): \(failure.reason)")
                break walk
            }
            var directories: [(path: String, relative: String)] = []
            for (name, type) in entries {
                let child = FileSystem.join(path, name), childRelative = relative.isEmpty ? name : relative + "/" + name
                // Links (which Helm follows) and entries the directory does not type are looked up.
                let kind: Result<FileSystem.Kind, FileSystem.Failure>
                switch type {
                case .file: kind = .success(.file)
                case .directory: kind = .success(.directory)
                case .other: kind = FileSystem.kindOrFail(of: child)
                }
                switch kind {
                case .success(.directory):
                    if !ignore.ignores(childRelative, isDirectory: true) { directories.append((child, childRelative)) }
                case .success(.file):
                    if ignore.ignores(childRelative, isDirectory: false) { continue }
                    found.append((child, childRelative, type == .file))
                case .failure(let failure) where failure.isLinkLoop:
                    walkFailure = ChartRenderError(.load, "open \(child): \(failure.reason)")
                    break walk
                case .failure:
                    continue  // a dangling link
                }
            }
            pending.append(contentsOf: directories.reversed())
        }
        let files = found
        // Large files that loading does not read wait, open, until something reads them.
        let read = Parallel.map(files.count) { i -> Result<ChartFile, ChartRenderError> in
            let threshold = Self.isReadByLoading(files[i].relative) ? Int.max : Self.readOnUseFrom
            switch DeferredFile.open(files[i].path, deferringFrom: threshold, refusingIrregular: !files[i].regular) {
            case .success(.bytes(let bytes)): return .success(.bytes(bytes))
            case .success(.deferred(let file)): return .success(.deferred(file))
            case .failure(let failure): return .failure(ChartRenderError(.load, "\(failure)"))
            }
        }
        var contents: [String: ChartFile] = Dictionary(minimumCapacity: files.count)
        for (file, content) in zip(files, read) { contents[file.relative] = try content.get() }
        if let walkFailure { throw walkFailure }
        self.init(origin: .directory(root), contents: contents)
    }

    /// Unpacks a gzipped tar file whose entries all sit in one top directory (dropped from the
    /// names), refusing paths that leave it, as Helm does.
    init(unpacking bytes: [UInt8], name: String) throws(ChartRenderError) {
        let tooLarge = "\(name): not a gzip-compressed chart archive, or larger than \(Self.sizeLimit >> 20) MiB unpacked"
        guard let tar = Gzip.decompress(bytes, limit: Self.archiveLimit) else { throw ChartRenderError(.load, tooLarge) }
        let entries: [(name: String, contents: [UInt8])]
        do {
            entries = try TarArchive.files(tar)
        } catch {
            throw ChartRenderError(.load, "\(name): \(error.reason)")
        }
        if entries.reduce(0, { $0 + $1.contents.count }) > Self.sizeLimit { throw ChartRenderError(.load, tooLarge) }
        var contents: [String: [UInt8]] = [:]
        for entry in entries {
            let separator: Character = entry.name.contains("\\") ? "\\" : "/"
            let parts = entry.name.split(separator: separator, omittingEmptySubsequences: false)
            if parts.first == "Chart.yaml" { throw ChartRenderError(.load, "chart yaml not in base directory") }
            let inside = parts.dropFirst().joined(separator: "/")
            if inside.hasPrefix("/") { throw ChartRenderError(.load, "chart illegally contains absolute paths") }
            let cleaned = ChartFiles.clean(inside)
            if cleaned == "." || cleaned == ".." || cleaned.hasPrefix("../") {
                throw ChartRenderError(.load, "chart illegally contains content outside the base directory: \"\(entry.name)\"")
            }
            contents[cleaned] = entry.contents
        }
        self.init(origin: .archive(name), bytes: contents)
    }

    /// The chart's name when Chart.yaml gives none (the directory's or archive's name).
    var fallbackName: String {
        switch origin {
        case .directory(let root): return FileSystem.lastComponent(root)
        case .archive(let name): return name.hasSuffix(".tgz") ? String(name.dropLast(4)) : name
        }
    }

    /// How messages name the file `relative` (its path, or `archive.tgz:relative`).
    func location(_ relative: String) -> String {
        switch origin {
        case .directory(let root): return FileSystem.join(root, relative)
        case .archive(let name): return name + ":" + relative
        }
    }

    func contains(_ relative: String) -> Bool { contents[relative] != nil }

    /// The file `relative`, read or waiting (see ``ChartFile``).
    func file(_ relative: String) throws(ChartRenderError) -> ChartFile {
        guard let file = contents[relative] else { throw ChartRenderError(.load, "cannot read \(location(relative))") }
        return file
    }

    func read(_ relative: String) throws(ChartRenderError) -> [UInt8] {
        try file(relative).read()
    }

    /// The files below the directory `relative`, relative to it, sorted.
    func files(under relative: String) -> [String] {
        let prefix = relative + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// What Helm offers templates as `.Files`: every file that is not Chart.yaml, values.yaml,
    /// the schema, lock or requirements files (those two stay in a v1 chart), a template or part of
    /// a subchart.
    func otherFiles(isV1: Bool) -> [String: ChartFile] {
        var special: Set<String> = ["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json"]
        if !isV1 { special.formUnion(["requirements.yaml", "requirements.lock"]) }
        return contents.filter { path, _ in
            !special.contains(path) && !path.hasPrefix("templates/") && (!path.hasPrefix("charts/") || path.hasSuffix(".prov"))
        }
    }

    /// The manifests of `crds/` (by extension, any case: `.yaml`, `.yml`, `.json`), in the order Helm
    /// walks the directory: name by name, a directory's files where its name sorts.
    func crdFiles() -> [String] {
        let extensions: Set<String> = ["yaml", "yml", "json"]
        return contents.keys.filter { path in
            guard path.hasPrefix("crds/"), let last = path.split(separator: "/").last,
                  let dot = last.lastIndex(of: ".") else { return false }
            return extensions.contains(last[last.index(after: dot)...].lowercased())
        }.sorted { a, b in
            a.split(separator: "/", omittingEmptySubsequences: false).lexicographicallyPrecedes(
                b.split(separator: "/", omittingEmptySubsequences: false)) { Value.goLess(String($0), String($1)) }
        }
    }

    /// One entry of `charts/`.
    enum SubchartEntry {
        case chart(ChartFiles)
        case archive([UInt8])
        /// A file that is no packaged chart.
        case notAChart
    }

    /// The entries of `charts/` that Helm loads as subcharts, in name order (`.`- and `_`-prefixed
    /// ones are passed over).
    func subchartEntries() -> [(name: String, content: SubchartEntry)] {
        var groups: [String: [String: ChartFile]] = [:]
        var loose: [String: ChartFile] = [:]
        for (path, bytes) in contents where path.hasPrefix("charts/") {
            let parts = path.dropFirst("charts/".count).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let entry = String(parts[0])
            if entry.hasPrefix(".") || entry.hasPrefix("_") || entry.hasSuffix(".prov") { continue }
            if parts.count == 2 { groups[entry, default: [:]][String(parts[1])] = bytes } else { loose[entry] = bytes }
        }
        var entries: [(name: String, content: SubchartEntry)] = []
        for entry in Set(groups.keys).union(loose.keys).sorted() {
            if let file = loose[entry] {
                entries.append((entry, entry.hasSuffix(".tgz") ? .archive(file.bytes) : .notAChart))
            } else if let files = groups[entry] {
                let origin: Origin
                switch self.origin {
                case .directory(let root): origin = .directory(FileSystem.join(root, "charts/" + entry))
                case .archive(let name): origin = .archive(name + ":charts/" + entry)
                }
                entries.append((entry, .chart(ChartFiles(origin: origin, contents: files))))
            }
        }
        return entries
    }

    /// Go's `path.Clean` of a relative path.
    static func clean(_ path: String) -> String {
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = out.last, last != ".." {
                out.removeLast()
            } else {
                out.append(part)
            }
        }
        return out.isEmpty ? "." : out.joined(separator: "/")
    }
}
