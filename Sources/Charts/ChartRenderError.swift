import TemplateEngine
import GoValues

/// Why a chart could not be loaded or rendered, worded as Helm words it.
///
/// `description` is the text Helm prints after `Error: `; template errors keep Go's
/// `template: NAME:LINE:COL: ...` form (or Helm's multi-line rewrite of it).
public struct ChartRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The chart directory or one of its files is missing or malformed.
        case load
        /// A values file or `--set` flag is invalid.
        case values
        /// The chart's `kubeVersion` constraint rules out the target Kubernetes version.
        case kubeVersion
        /// A template failed to parse.
        case parse
        /// A template failed while executing (including `fail` and `required`).
        case execute
        /// A rendered document is not valid YAML (`YAML parse error on ...`).
        case manifest
        /// `--show-only` named no template of the chart.
        case showOnly
        /// `--output-dir` could not be written.
        case output
        /// The coalesced values do not satisfy a chart's `values.schema.json` (or a schema is unusable).
        case schema
        /// The release name is not one Helm accepts.
        case releaseName
    }

    public var kind: Kind
    public var message: String
    /// The error on one line, for a terminal: Helm's text when it is one line or a `fail`/`required`
    /// message (`execution error at (…): …`), else Go's `template: NAME:LINE:COL: executing "NAME" at
    /// <NODE>: message` (Helm 4 spreads template errors over several lines); the lines of a message
    /// are joined with spaces; a chain of identical `include` frames (recursion) is shortened.
    public var line: String

    public init(_ kind: Kind, _ message: String, goText: String? = nil) {
        self.kind = kind
        self.message = message
        let helmsOwn = !message.contains("\n") || message.hasPrefix("execution error at (")
        let text = Self.joiningLines(helmsOwn ? message : (goText ?? message))
        self.line = Self.bounded(Self.collapsingRepeatedFrames(Self.collapsingRepeatedFrames(text), of: "tpl"))
    }

    /// The non-blank lines of `text`, without their leading and trailing blanks, joined with one space.
    static func joiningLines(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return text.split(separator: "\n").map { line in
            line.drop(while: blank).reversed().drop(while: blank).reversed()
        }.filter { !$0.isEmpty }.map { String($0) }.joined(separator: " ")
    }

    /// The longest error line printed, in bytes (a chain of different nested calls is cut in the middle).
    public static let maxLineSize = 4096

    /// `text` cut to ``maxLineSize``: its start and end, with how much was left out between them.
    static func bounded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > maxLineSize else { return text }
        let keep = maxLineSize / 2 - 64
        var head = keep, tail = bytes.count - keep
        while head > 0, bytes[head] & 0xC0 == 0x80 { head -= 1 }  // never cut inside a character
        while tail < bytes.count, bytes[tail] & 0xC0 == 0x80 { tail += 1 }
        return String(decoding: bytes[..<head], as: UTF8.self) + " […\(tail - head) bytes of nested calls left out…] "
            + String(decoding: bytes[tail...], as: UTF8.self)
    }

    /// A template error from the engine: Helm's wording, and Go's for the one-line form.
    package init(_ kind: Kind, _ error: TemplateError) {
        self.init(kind, error.helmDescription, goText: error.description)
    }

    public var description: String { message }

    /// `text` with runs of the same `include` (or `function`) frame (`…: error calling include: <frame>: error
    /// calling include: <frame>…`) written once, with how many times it repeats.
    static func collapsingRepeatedFrames(_ text: String, of function: String = "include") -> String {
        let separator = ": error calling \(function): "
        let frames = text.split(separator: separator, omittingEmptySubsequences: false)
        guard frames.count > 2 else { return text }
        var out: [String] = []
        var last: Substring?
        var repeats = 0
        func flush() {
            if repeats > 0 { out[out.count - 1] += " [the same \(function) \(repeats) more time\(repeats == 1 ? "" : "s")]" }
            repeats = 0
        }
        for frame in frames {
            if frame == last {
                repeats += 1
                continue
            }
            flush()
            out.append(String(frame))
            last = frame
        }
        flush()
        return out.joined(separator: separator)
    }

    /// What `helm template` writes to stderr for this error.
    public var helmStderr: String {
        switch kind {
        case .kubeVersion, .parse, .execute, .manifest:
            return "Error: \(message)\n\nUse --debug flag to render out invalid YAML\n"
        case .releaseName:
            // Helm logs the failed check before it reports it.
            let logged = String(message.dropFirst(ReleaseName.checkFailed.count))
            return "level=ERROR msg=\"\(ReleaseName.checkFailed.dropLast(2))\" error=\(GoQuote.quote(logged))\nError: \(message)\n"
        default:
            return "Error: \(message)\n"
        }
    }
}
