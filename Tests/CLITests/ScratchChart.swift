import Foundation

/// A chart written into a fresh temporary directory for one test (removed by ``remove()``).
struct ScratchChart {
    let root: URL

    /// A chart named `name` with Chart.yaml `chartYAML` (nil: none) and the given files.
    init(_ name: String = "c", chartYAML: String? = "apiVersion: v2\nname: c\nversion: 0.1.0\n", files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mr-\(UUID().uuidString)").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        if let chartYAML { try write("Chart.yaml", chartYAML) }
        for (path, text) in files { try write(path, text) }
    }

    var path: String { root.path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A symbolic link at `relative` pointing at `destination`.
    func link(_ relative: String, to destination: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
