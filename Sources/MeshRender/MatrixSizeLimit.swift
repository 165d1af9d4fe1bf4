import MeshAnalysis
import Diagnostics

/// The bound on the `matrix` views drawn whole: a table, markdown or picture holds one cell per pair
/// of components (and lays them all out) before a byte is written, so 10,000 components would make
/// 100 million cells. Past the bound the command stops with one line. csv and json have no bound:
/// they are written a row at a time, in memory linear in the components and flows.
public enum MatrixSizeLimit {
    /// The most components a table or markdown matrix is drawn for: default 2,000 (4 million cells),
    /// a quarter of it for the pictures (svg, mermaid, dot: an svg of 2,000 components is ~450 MB).
    /// `--max-matrix-components` sets it.
    nonisolated(unsafe) public static var maxComponents = defaultMaxComponents

    public static let defaultMaxComponents = 2_000

    /// The bound for `format`; nil for the formats written a row at a time.
    static func bound(for format: MatrixFormat) -> Int? {
        switch format {
        case .svg, .mermaid, .dot: return max(maxComponents / 4, 1)
        case .table, .markdown: return maxComponents
        case .csv, .json: return nil
        }
    }

    /// Refuses an inventory with more components than the bound of `format`.
    static func check(_ inventory: Inventory, _ format: MatrixFormat) throws(InputError) {
        guard let maxComponents = bound(for: format) else { return }
        var components = 0
        for endpoint in inventory.endpoints {
            if case .component = endpoint.role { components += 1 }
        }
        guard components > maxComponents else { return }
        throw InputError(
            "matrix: \(components) components make \(components * components) cells, more than a \(format.rawValue) matrix of "
                + "\(maxComponents) components (--max-matrix-components N raises the bound; csv and json stream any size)",
            at: nil)
    }
}
