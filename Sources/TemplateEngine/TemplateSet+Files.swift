import Platform

extension TemplateSet {
    /// Parses `files` as ``parse(name:text:)`` parses each in turn, on every core when there is
    /// enough text: each file is parsed on its own, and their templates are added in the order given,
    /// so a later `{{define}}` replaces an earlier one exactly as when parsed one by one. A failure is
    /// the first failing file's, in that order (later files' results are dropped, as if never parsed).
    public func parse(files: [(name: String, text: String)]) throws(TemplateError) {
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let workers = min(Parallel.cores, files.count, bytes / TemplateSet.bytesPerParseWorker)
        if workers <= 1 {
            for file in files { try parse(name: file.name, text: file.text) }
            return
        }
        // Largest files first, each to the next worker free: the workers finish close together.
        let bySize = files.indices.sorted { files[$0].text.utf8.count > files[$1].text.utf8.count }
        let next = ParseQueue(count: bySize.count)
        let library = self.library, watched = watchedNames
        let parts = LargeStackThread.map(workers, stackSize: stackSize) { _ -> [(Int, Result<[Tree], TemplateError>)] in
            var done: [(Int, Result<[Tree], TemplateError>)] = []
            while let k = next.take() {
                let file = files[bySize[k]]
                do throws(TemplateError) {
                    let trees = try Parser.parse(
                        name: file.name, parseName: file.name, text: file.text, watching: watched) { library.functions[$0] }
                    done.append((bySize[k], .success(trees)))
                } catch {
                    done.append((bySize[k], .failure(error)))
                }
            }
            return done
        }
        var results = [Result<[Tree], TemplateError>?](repeating: nil, count: files.count)
        for part in parts { for (index, result) in part { results[index] = result } }
        for result in results { addParsed(try result!.get()) }
    }

    /// Below this much text per core, parsing on more threads costs more than it saves.
    static let bytesPerParseWorker = 64 << 10
}

/// Hands out the indices `0..<count` once each to the threads that ask.
private final class ParseQueue: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
