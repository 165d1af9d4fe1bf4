import Diagnostics
import GoValues
import YAML

/// The values flags of `helm template`, applied in Helm's order: every `-f` file in order,
/// then `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal` (each kind in
/// the order given). Where the flags were interleaved on the command line does not matter.
public struct ValuesOptions: Sendable, Equatable {
    /// `-f`/`--values`: files; `-` (after trimming spaces) reads stdin.
    public var valueFiles: [String]
    /// `--set-json`
    public var jsonValues: [String]
    /// `--set`
    public var setValues: [String]
    /// `--set-string`
    public var stringValues: [String]
    /// `--set-file`
    public var fileValues: [String]
    /// `--set-literal`
    public var literalValues: [String]

    public init(
        valueFiles: [String] = [], jsonValues: [String] = [], setValues: [String] = [],
        stringValues: [String] = [], fileValues: [String] = [], literalValues: [String] = []
    ) {
        self.valueFiles = valueFiles
        self.jsonValues = jsonValues
        self.setValues = setValues
        self.stringValues = stringValues
        self.fileValues = fileValues
        self.literalValues = literalValues
    }

    /// Whether the `-f` path `path` means standard input (`-`, spaces around it ignored).
    public static func readsStandardInput(_ path: String) -> Bool {
        path.trimmingGoSpace() == "-"
    }

    /// The arguments of one flag kind.
    public func arguments(of kind: SetParser.Kind) -> [String] {
        switch kind {
        case .json: return jsonValues
        case .set: return setValues
        case .string: return stringValues
        case .file: return fileValues
        case .literal: return literalValues
        }
    }

    /// The user-supplied values (before chart defaults): a mapping node, empty when no flag is given.
    /// Nodes from files carry `file:line:col`; nodes from the `--set` family
    /// `<flag>:<n>:<col>` for the n-th argument of that flag.
    ///
    /// `readFile` reads a `-f` or `--set-file` path, `readStdin` serves `-`; each `-` calls it
    /// again (like Helm, a second `-` usually gets nothing). Errors thrown by the readers are
    /// passed on when they are `InputError`s, else wrapped with the path. Use
    /// `ValuesOptions.readFileFromDisk` for Helm's own messages. `loaded` holds values files
    /// already read and parsed (``ValuesFile/load(_:file:parser:)``), by path as given: those are
    /// not read again.
    public func merged(
        readFile: (String) throws -> [UInt8] = ValuesOptions.readFileFromDisk,
        readStdin: () throws -> [UInt8] = ValuesOptions.readStandardInput,
        loaded: [String: Node] = [:]
    ) throws(InputError) -> Node {
        var values = Node.emptyMapping(mark: nil)
        for path in valueFiles {
            if let node = loaded[path], !ValuesOptions.readsStandardInput(path) {
                values = ValuesMerge.mergeMaps(values, node)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = ValuesOptions.readsStandardInput(path) ? try readStdin() : try readFile(path)
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError("cannot read values file \(GoQuote.quote(path)): \(error)", at: nil)
            }
            values = ValuesMerge.mergeMaps(values, try ValuesFile.load(bytes, file: path))
        }
        for kind in SetParser.Kind.allCases {
            for (i, argument) in arguments(of: kind).enumerated() {
                // An error ends the merge, so the values need not survive it (see SetParser).
                try SetParser.parse(
                    argument, into: &values, kind: kind, argumentNumber: i + 1, readFile: readFile, readStdin: readStdin,
                    keepsValuesOnError: false)
            }
        }
        return values
    }
}
