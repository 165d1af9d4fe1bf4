import YAMLCore

/// Where a chart's files come from: a directory, or the files of a packaged chart. Paths are
/// relative to the chart's top, `/`-separated.
protocol ChartFiles {
    /// The chart's name when Chart.yaml gives none (the directory's name).
    var fallbackName: String { get }
    /// How messages name the file `relative` (its path, or `archive.tgz:relative`).
    func location(_ relative: String) -> String
    func contains(_ relative: String) -> Bool
    func read(_ relative: String) throws(ChartRenderError) -> [UInt8]
    /// The regular files below the directory `relative`, relative to it; hidden entries skipped.
    func files(under relative: String) throws(ChartRenderError) -> [String]
    /// The entries of `charts/` that Helm loads as subcharts, in name order.
    func subchartEntries() throws(ChartRenderError) -> [(name: String, content: SubchartEntry)]
}

/// One entry of a chart's `charts/` directory.
enum SubchartEntry {
    case chart(any ChartFiles)
    case archive([UInt8])
    /// A file that is no packaged chart.
    case notAChart
}

/// Whether Helm passes over an entry of `charts/` (hidden and `_`-prefixed ones).
private func skippedInCharts(_ name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("_") }

/// Whether an entry of `charts/` is a packaged chart.
private func isPackaged(_ name: String) -> Bool { name.hasSuffix(".tgz") }

/// A chart directory on disk.
struct DirectoryFiles: ChartFiles {
    let root: String

    var fallbackName: String { FileSystem.lastComponent(root) }

    func location(_ relative: String) -> String { FileSystem.join(root, relative) }

    func contains(_ relative: String) -> Bool { FileSystem.kind(of: location(relative)) != nil }

    func read(_ relative: String) throws(ChartRenderError) -> [UInt8] { try ChartLoader.read(location(relative)) }

    func files(under relative: String) throws(ChartRenderError) -> [String] { try ChartLoader.files(under: location(relative)) }

    func subchartEntries() throws(ChartRenderError) -> [(name: String, content: SubchartEntry)] {
        let dir = location("charts")
        guard FileSystem.kind(of: dir) == .directory, let names = FileSystem.entries(of: dir) else { return [] }
        var entries: [(name: String, content: SubchartEntry)] = []
        for name in names.sorted() where !skippedInCharts(name) {
            let path = FileSystem.join(dir, name)
            if FileSystem.kind(of: path) == .directory {
                // Helm sees files only: a directory with none below it is no chart at all.
                if try ChartLoader.files(under: path).isEmpty { continue }
                entries.append((name, .chart(DirectoryFiles(root: path))))
            } else if isPackaged(name) {
                entries.append((name, .archive(try ChartLoader.read(path))))
            } else {
                entries.append((name, .notAChart))
            }
        }
        return entries
    }
}

/// The files of a packaged chart, unpacked in memory.
struct ArchiveFiles: ChartFiles {
    /// The archive's file name (messages name files inside it after it).
    let name: String
    let contents: [String: [UInt8]]

    /// Helm's bound on what a packaged chart may unpack to.
    static let sizeLimit = 100 << 20

    /// Unpacks a gzipped tar file whose entries all sit in one top directory (dropped from the
    /// names), refusing paths that leave it, as Helm does.
    init(unpacking bytes: [UInt8], name: String) throws(ChartRenderError) {
        guard let tar = Gzip.decompress(bytes, limit: Self.sizeLimit) else {
            throw ChartRenderError(.load, "\(name): not a gzip-compressed chart archive, or larger than \(Self.sizeLimit >> 20) MiB unpacked")
        }
        let entries: [(name: String, contents: [UInt8])]
        do {
            entries = try TarArchive.files(tar)
        } catch {
            throw ChartRenderError(.load, "\(name): \(error.reason)")
        }
        var contents: [String: [UInt8]] = [:]
        for entry in entries {
            let separator: Character = entry.name.contains("\\") ? "\\" : "/"
            let parts = entry.name.split(separator: separator, omittingEmptySubsequences: false)
            if parts.first == "Chart.yaml" { throw ChartRenderError(.load, "chart yaml not in base directory") }
            let inside = parts.dropFirst().joined(separator: "/")
            if inside.hasPrefix("/") { throw ChartRenderError(.load, "chart illegally contains absolute paths") }
            let cleaned = ArchiveFiles.clean(inside)
            if cleaned == "." || cleaned == ".." || cleaned.hasPrefix("../") {
                throw ChartRenderError(.load, "chart illegally contains content outside the base directory: \"\(entry.name)\"")
            }
            contents[cleaned] = entry.contents
        }
        self.init(name: name, contents: contents)
    }

    init(name: String, contents: [String: [UInt8]]) {
        self.name = name
        self.contents = contents
    }

    var fallbackName: String { name.hasSuffix(".tgz") ? String(name.dropLast(4)) : name }

    func location(_ relative: String) -> String { name + ":" + relative }

    func contains(_ relative: String) -> Bool { contents[relative] != nil }

    func read(_ relative: String) throws(ChartRenderError) -> [UInt8] {
        guard let bytes = contents[relative] else { throw ChartRenderError(.load, "cannot read \(location(relative))") }
        return bytes
    }

    func files(under relative: String) throws(ChartRenderError) -> [String] {
        let prefix = relative + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    func subchartEntries() throws(ChartRenderError) -> [(name: String, content: SubchartEntry)] {
        var groups: [String: [String: [UInt8]]] = [:]
        var packaged: [String: [UInt8]] = [:]
        var loose: Set<String> = []
        for (path, bytes) in contents where path.hasPrefix("charts/") {
            let rest = path.dropFirst("charts/".count)
            let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let entry = String(parts[0])
            if skippedInCharts(entry) { continue }
            if parts.count == 2 {
                groups[entry, default: [:]][String(parts[1])] = bytes
            } else if isPackaged(entry) {
                packaged[entry] = bytes
            } else {
                loose.insert(entry)
            }
        }
        var entries: [(name: String, content: SubchartEntry)] = []
        for entry in Set(groups.keys).union(packaged.keys).union(loose).sorted() {
            if let bytes = packaged[entry] {
                entries.append((entry, .archive(bytes)))
            } else if let files = groups[entry] {
                entries.append((entry, .chart(ArchiveFiles(name: name + ":charts/" + entry, contents: files))))
            } else {
                entries.append((entry, .notAChart))
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
