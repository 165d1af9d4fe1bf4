import Dispatch
import Foundation
import YAMLCore

extension ManifestSource {
    /// Loads both sides of a diff: the same documents as `load(path:namespace:readStdin:)` gives for each.
    ///
    /// The bytes are read first, in order (old, then new; `-` reads standard input once, so at most one side
    /// may be `-`). A document whose text the old side holds byte for byte is not parsed again for the new
    /// side (both sides share its tree, and the diff knows it unchanged without comparing); the rest of the
    /// new side is parsed while the old side is. The first error, in old-then-new order, is thrown.
    public static func loadPair(
        old oldPath: String, new newPath: String, namespace: String = "",
        readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> (old: [Document], new: [Document]) {
        if oldPath == "-" && newPath == "-" {
            throw InputError("only one side can be read from standard input", at: nil, path: "-")
        }
        let oldSources = try readSources(path: oldPath, readStdin: readStdin)
        let newSources = try readSources(path: newPath, readStdin: readStdin)
        let plan = SharingPlan(old: oldSources, new: newSources)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            do {
                if side == 0 {
                    results.setOld(try plan.loadOld(namespace: namespace))
                } else {
                    results.setNew(try plan.loadNewUnshared(namespace: namespace))
                }
            } catch let error as InputError {
                results.fail(side, error)
            } catch {
                results.fail(side, InputError("\(error)", at: nil))
            }
        }
        let (old, parsedTrees) = try results.old()
        let slots = try results.new()
        return (old, try plan.assembleNew(slots, trees: parsedTrees, namespace: namespace))
    }

    /// The files of one side with their bytes, in load order.
    static func readSources(path: String, readStdin: () throws(InputError) -> [UInt8]) throws(InputError)
        -> [(file: String, bytes: [UInt8])]
    {
        if path == "-" { return [("-", try readStdin())] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file or directory", at: nil, path: path)
        }
        if !isDirectory.boolValue { return [(path, try read(file: path))] }
        var sources: [(file: String, bytes: [UInt8])] = []
        for file in try manifestFiles(in: path) { sources.append((file, try read(file: file))) }
        return sources
    }
}

/// Marks the documents both releases hold byte for byte: the diff compares them by this token.
final class SharedText: Sendable {}

/// The old side's tree of a shared text and the line its segment starts at.
struct SharedTree: Sendable {
    var node: Node
    var line: Int
}

/// Which documents of the new side the old side already holds, and how each side is loaded.
struct SharingPlan: Sendable {
    typealias Source = (file: String, bytes: [UInt8])
    /// A document of the new side: parsed, or to be taken from the old side.
    enum Slot: Sendable {
        case parsed(Document)
        case shared(text: SegmentKey, file: String, line: Int)
    }

    let oldSources: [Source]
    let newSources: [Source]
    /// Document texts found on both sides, each with its token.
    let shared: [SegmentKey: SharedText]
    /// Per old file: its documents' segments, or nil when it cannot be cut.
    let oldSegments: [[DocumentSegments.Segment]?]
    /// Per new file: its documents' segments, or nil to parse it whole.
    let newSegments: [[DocumentSegments.Segment]?]

    init(old: [Source], new: [Source]) {
        oldSources = old
        newSources = new
        var oldTexts = Set<SegmentKey>()
        oldSegments = old.map { DocumentSegments($0.bytes)?.documents }
        for segments in oldSegments {
            for segment in segments ?? [] { oldTexts.insert(segment.key) }
        }
        var shared: [SegmentKey: SharedText] = [:]
        var newSegments: [[DocumentSegments.Segment]?] = []
        for source in new {
            guard let segments = DocumentSegments(source.bytes)?.documents else {
                newSegments.append(nil)
                continue
            }
            let common = segments.filter { oldTexts.contains($0.key) }
            // Parse a mostly new file whole: per-document parsing only pays when most of it is shared.
            if common.count * 2 < segments.count {
                newSegments.append(nil)
                continue
            }
            for segment in common where shared[segment.key] == nil { shared[segment.key] = SharedText() }
            newSegments.append(segments)
        }
        self.shared = shared
        self.newSegments = newSegments
    }

    /// The old side's documents, and the trees of its shared texts.
    func loadOld(namespace: String) throws(InputError) -> ([Document], [SegmentKey: SharedTree]) {
        var documents: [Document] = []
        var trees: [SegmentKey: SharedTree] = [:]
        for (source, segments) in zip(oldSources, oldSegments) {
            let nodes = try ManifestSource.parseNodes(bytes: source.bytes, file: source.file)
            let aligned = segments.map { $0.count == nodes.count } ?? false
            for (i, node) in nodes.enumerated() {
                var token: SharedText? = nil
                if aligned, let segments, let t = shared[segments[i].key] {
                    token = t
                    trees[segments[i].key] = SharedTree(node: node, line: segments[i].line)
                }
                guard !node.isNull else { continue }
                var document = try Document(node: node, namespace: namespace)
                document.sharedText = token
                documents.append(document)
            }
        }
        return (documents, trees)
    }

    /// The new side's documents, parsing only what the old side does not hold.
    func loadNewUnshared(namespace: String) throws(InputError) -> [Slot] {
        var slots: [Slot] = []
        for (source, segments) in zip(newSources, newSegments) {
            guard let segments else {
                for node in try ManifestSource.parseNodes(bytes: source.bytes, file: source.file) where !node.isNull {
                    slots.append(.parsed(try Document(node: node, namespace: namespace)))
                }
                continue
            }
            for segment in segments {
                if shared[segment.key] != nil {
                    slots.append(.shared(text: segment.key, file: source.file, line: segment.line))
                    continue
                }
                for node in try Self.parse(segment, file: source.file) where !node.isNull {
                    slots.append(.parsed(try Document(node: node, namespace: namespace)))
                }
            }
        }
        return slots
    }

    /// The new side in order, shared documents taking the old side's trees.
    func assembleNew(_ slots: [Slot], trees: [SegmentKey: SharedTree], namespace: String) throws(InputError) -> [Document] {
        var documents: [Document] = []
        documents.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .parsed(let document):
                documents.append(document)
            case .shared(let text, let file, let line):
                guard let shared = trees[text] else {
                    // The old file could not be aligned with its segments: parse this one after all.
                    let segment = DocumentSegments.Segment(bytes: text.bytes, line: line, isDocument: true)
                    for node in try Self.parse(segment, file: file) where !node.isNull {
                        documents.append(try Document(node: node, namespace: namespace))
                    }
                    continue
                }
                let tree = shared.node
                guard !tree.isNull else { continue }
                var document = try Document(node: tree, namespace: namespace)
                // The tree's marks are the old file's; the document's own position is this file's.
                let mark = tree.mark ?? Mark(file: file, line: shared.line, column: 1)
                document.mark = Mark(file: file, line: line + (mark.line - shared.line), column: mark.column)
                document.sharedText = self.shared[text]
                documents.append(document)
            }
        }
        return documents
    }

    /// One segment's documents, marks moved to where the segment sits in its file.
    static func parse(_ segment: DocumentSegments.Segment, file: String) throws(InputError) -> [Node] {
        try ManifestSource.parseNodes(bytes: Array(segment.bytes), file: file).map { $0.shifted(lines: segment.line - 1) }
    }
}

extension ManifestSource {
    /// Every document of a stream as a tree (empty documents as null nodes).
    static func parseNodes(bytes: [UInt8], file: String) throws(InputError) -> [Node] {
        do {
            return try YAMLParser().parseAll(bytes: bytes, file: file)
        } catch {
            throw error.inputError
        }
    }
}

/// The two sides' results, written from two threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var oldResult: Result<([Document], [SegmentKey: SharedTree]), InputError>?
    private var newResult: Result<[SharingPlan.Slot], InputError>?

    func setOld(_ value: ([Document], [SegmentKey: SharedTree])) { locked { oldResult = .success(value) } }
    func setNew(_ value: [SharingPlan.Slot]) { locked { newResult = .success(value) } }
    func fail(_ side: Int, _ error: InputError) {
        locked { if side == 0 { oldResult = .failure(error) } else { newResult = .failure(error) } }
    }

    func old() throws(InputError) -> ([Document], [SegmentKey: SharedTree]) {
        switch locked({ oldResult }) {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: return ([], [:])
        }
    }

    func new() throws(InputError) -> [SharingPlan.Slot] {
        switch locked({ newResult }) {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: return []
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
