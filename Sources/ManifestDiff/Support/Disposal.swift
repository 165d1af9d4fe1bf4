import Dispatch

/// Frees large structures on a background thread, so the caller goes on at once.
///
/// A diff's releases are tens of megabytes of small objects: freeing them takes a noticeable share of a
/// `meshrender diff` run. A caller done with them hands them over, e.g.
/// `Disposal.inBackground((consume old, consume new))`.
public enum Disposal {
    /// Releases `value` on a background thread. Only the references handed over are released there: the
    /// objects are freed there when no other reference is left (pass them with `consume`).
    public static func inBackground<T: Sendable>(_ value: consuming T) {
        let owned = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(owned) {} }
    }

    /// Holds large values that many small ones refer to (the trees of a release's documents, the values of a
    /// report) and, when the last holder goes away, frees them on a background thread: the thread that drops
    /// the documents only counts references down.
    final class Retainer: Sendable {
        private let contents: any Sendable

        init(_ contents: any Sendable) {
            self.contents = contents
        }

        deinit {
            Disposal.inBackground(contents)
        }
    }
}
