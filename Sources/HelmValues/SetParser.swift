import Diagnostics
import GoValues
import YAML

/// Helm's parser for `--set`-style arguments (`pkg/strvals`).
///
/// Syntax: `name=value` pairs separated by commas; `a.b=v` nests maps, `a[2]=v` sets a list
/// element (indices 0…65536, gaps filled with null), `a={x,y}` is a list, `\` takes the next
/// character literally. `--set` types `true`/`false`/`null` (any case) and integers without
/// leading zeros that fit in 64 bits; everything else is a string.
public enum SetParser {
    /// The flag an argument came from. `allCases` is Helm's order of application.
    public enum Kind: Sendable, CaseIterable {
        /// `--set-json`: values are JSON (`a={"x":1}`), or the whole argument is a JSON object.
        case json
        /// `--set`: typed values.
        case set
        /// `--set-string`: every value a string.
        case string
        /// `--set-file`: every value is the content of the file it names (`-` is stdin).
        case file
        /// `--set-literal`: one `name=value`, the value taken verbatim to the end of the argument.
        case literal

        /// The command-line flag, used as the file name of marks and errors.
        public var flag: String {
            switch self {
            case .json: return "--set-json"
            case .set: return "--set"
            case .string: return "--set-string"
            case .file: return "--set-file"
            case .literal: return "--set-literal"
            }
        }
    }

    /// Largest list index accepted (Helm's `MaxIndex`).
    public static let maxIndex = 65536
    /// Most `.`-separated name levels accepted (Helm's `MaxNestedNameLevel`).
    public static let maxNestedNameLevel = 30

    /// Applies one argument to `values` (a mapping node; null counts as an empty map), as Helm
    /// applies it to the values merged so far: the keys it names are replaced, maps along a
    /// path are kept and extended.
    ///
    /// Marks of the nodes it writes, and of its errors, read `<flag>:<argumentNumber>:<column>`:
    /// the "line" says which argument of that flag it is (1-based), the column is the character
    /// in the argument. Errors carry Helm's message text; on error `values` is left unchanged
    /// (unless `keepsValuesOnError` is false: then it is changed in place, in linear time).
    /// `readFile`/`readStdin` serve `.file` only.
    public static func parse(
        _ argument: String, into values: inout Node, kind: Kind = .set, argumentNumber: Int = 1,
        readFile: (String) throws -> [UInt8] = { path in throw InputError("no file reader for \(path)", at: nil) },
        readStdin: () throws -> [UInt8] = { [] }, keepsValuesOnError: Bool = true
    ) throws(InputError) {
        var data: Mapping
        switch values.kind {
        case .mapping(let m): data = m
        default: data = Mapping()
        }
        // Unless the caller needs `values` unchanged on an error, `values` lets go of the mapping,
        // so that `data` is its only holder and changes in place (a copy per flag would make a long
        // list of flags quadratic); on an error `values` then holds what was changed so far.
        let mark = values.mark
        if !keepsValuesOnError {
            values = Node(.null, mark: mark)
        }
        defer { if !keepsValuesOnError, case .null = values.kind { values = Node(.mapping(data), mark: mark) } }
        if kind == .json, let objectStart = jsonObjectStart(argument) {
            let object = try parseJSONObject(argument, from: objectStart, line: argumentNumber)
            values = ValuesMerge.mergeMaps(Node(.mapping(data), mark: mark), object)
            return
        }
        let outcome: Result<Void, StrvalsParser.Failure> = withoutActuallyEscaping(readFile) { readFile in
            withoutActuallyEscaping(readStdin) { readStdin in
                var parser = StrvalsParser(argument, kind: kind, line: argumentNumber) { path throws(InputError) in
                    do {
                        if path.trimmingGoSpace() == "-" { return try readStdin() }
                        return try readFile(path)
                    } catch let error as InputError {
                        throw error
                    } catch {
                        throw InputError("\(error)", at: nil)
                    }
                }
                return Result { () throws(StrvalsParser.Failure) in try parser.parse(into: &data) }
            }
        }
        if case .failure(let error) = outcome {
            throw InputError(error.message, at: Mark(file: kind.flag, line: argumentNumber, column: error.offset + 1))
        }
        values = Node(.mapping(data), mark: mark)
    }

    /// Parses a whole argument into a fresh mapping (Helm's `strvals.Parse` and friends).
    public static func parse(
        _ argument: String, kind: Kind = .set,
        readFile: (String) throws -> [UInt8] = { path in throw InputError("no file reader for \(path)", at: nil) },
        readStdin: () throws -> [UInt8] = { [] }
    ) throws(InputError) -> Node {
        var values = Node.emptyMapping(mark: Mark(file: kind.flag, line: 1, column: 1))
        try parse(argument, into: &values, kind: kind, readFile: readFile, readStdin: readStdin)
        return values
    }

    /// Where the JSON object starts when a `--set-json` argument is one (after Go's TrimSpace).
    private static func jsonObjectStart(_ argument: String) -> Int? {
        var offset = 0
        for r in argument.unicodeScalars {
            if r == "{" { return offset }
            if !isGoSpace(r) { return nil }
            offset += 1
        }
        return nil
    }

    /// The whole-object form of `--set-json` (`{"a":{"b":1}}`), trailing spaces trimmed as Helm does.
    private static func parseJSONObject(_ argument: String, from start: Int, line: Int) throws(InputError) -> Node {
        var runes = Array(argument.unicodeScalars)
        while let last = runes.last, isGoSpace(last) { runes.removeLast() }
        var reader = JSONValueReader(runes, from: start, file: Kind.json.flag, line: line)
        do {
            return try reader.readDocument()
        } catch {
            throw InputError(
                "invalid JSON object: \(error.message)",
                at: Mark(file: Kind.json.flag, line: line, column: error.offset + 1))
        }
    }
}

extension String {
    /// Go's `strings.TrimSpace`.
    func trimmingGoSpace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, isGoSpace(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, isGoSpace(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
