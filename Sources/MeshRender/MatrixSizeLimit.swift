import MeshAnalysis
import YAMLCore

/// The bound on `matrix`: every view holds one cell per pair of components, so 10,000 components
/// would make 100 million cells (gigabytes) before a byte is written. Past the bound the command
/// stops with one line; `verify` and `explain` answer for meshes of any size.
public enum MatrixSizeLimit {
    /// The most components a matrix is written for: default 2,000 (4 million cells) for the text
    /// formats (table, markdown, csv, json), a quarter of it for the pictures (svg, mermaid, dot:
    /// an svg of 2,000 components is ~450 MB). `--max-matrix-components` sets it.
    nonisolated(unsafe) public static var maxComponents = defaultMaxComponents

    public static let defaultMaxComponents = 2_000

    /// The bound for `format`.
    static func bound(for format: MatrixFormat) -> Int {
        switch format {
        case .svg, .mermaid, .dot: return max(maxComponents / 4, 1)
        case .table, .markdown, .csv, .json: return maxComponents
        }
    }

    /// Refuses an inventory with more components than the bound of `format`.
    static func check(_ inventory: Inventory, _ format: MatrixFormat) throws(InputError) {
        let maxComponents = bound(for: format)
        var components = 0
        for endpoint in inventory.endpoints {
            if case .component = endpoint.role { components += 1 }
        }
        guard components > maxComponents else { return }
        throw InputError(
            "matrix: \(components) components make \(components * components) cells, more than a \(format.rawValue) matrix of "
                + "\(maxComponents) components (--max-matrix-components N raises the bound; verify and explain answer for any size)",
            at: nil)
    }
}
