import Dispatch
import Foundation
import YAMLCore

extension ManifestSource {
    /// Loads both sides of a diff, parsing them in parallel (each side as `load(path:namespace:readStdin:)`).
    ///
    /// The bytes are read first, in order (old, then new; `-` reads standard input once, so at most one side
    /// may be `-`), then both sides are parsed concurrently. The first error, in old-then-new order, is thrown.
    public static func loadPair(
        old oldPath: String, new newPath: String, namespace: String = "",
        readStdin: () throws(InputError) -> [UInt8] = standardInput
    ) throws(InputError) -> (old: [Document], new: [Document]) {
        if oldPath == "-" && newPath == "-" {
            throw InputError("only one side can be read from standard input", at: nil, path: "-")
        }
        let sources = [try readSources(path: oldPath, readStdin: readStdin), try readSources(path: newPath, readStdin: readStdin)]
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let outcome: Result<[Document], InputError>
            do {
                var documents: [Document] = []
                for (file, bytes) in sources[side] {
                    documents += try parse(bytes: bytes, file: file, namespace: namespace)
                }
                outcome = .success(documents)
            } catch let error as InputError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(InputError("\(error)", at: nil))
            }
            results.set(side, outcome)
        }
        return (try results.get(0), try results.get(1))
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

/// The two sides' results, written from two threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[Document], InputError>] = [:]

    func set(_ side: Int, _ result: Result<[Document], InputError>) {
        lock.lock()
        defer { lock.unlock() }
        results[side] = result
    }

    func get(_ side: Int) throws(InputError) -> [Document] {
        lock.lock()
        let result = results[side]
        lock.unlock()
        switch result {
        case .success(let documents)?: return documents
        case .failure(let error)?: throw error
        case nil: return []
        }
    }
}
