/// The `--set` family taken out of a long command line before ArgumentParser sees it: the parser
/// removes each parsed argument from an array, so 20,000 `--set` flags cost it minutes; taken out
/// here in one pass, they cost nothing. Only a command line with many of them is changed, so
/// ordinary ones (and their usage errors) go through the parser as they are.
struct RepeatedFlags {
    var set: [String] = []
    var setString: [String] = []
    var setJSON: [String] = []

    /// From how many flags of the family the command line is rewritten.
    static let threshold = 256

    /// `arguments` without the `--set`, `--set-string` and `--set-json` flags (both `--set x` and
    /// `--set=x` forms, before any `--`), and those flags' values; `arguments` as they are when
    /// there are fewer than ``threshold`` or the command is not `render`, `verify` or `matrix`.
    static func extract(_ arguments: [String]) -> (rest: [String], flags: RepeatedFlags) {
        var flags = RepeatedFlags()
        // Only the commands that take them through ArgumentParser (`template` reads its own flags).
        guard let command = arguments.first, ["render", "verify", "matrix"].contains(command) else { return (arguments, flags) }
        let names = ["--set", "--set-string", "--set-json"]
        let count = arguments.prefix { $0 != "--" }.count { argument in names.contains { argument == $0 || argument.hasPrefix($0 + "=") } }
        guard count >= threshold else { return (arguments, flags) }
        var rest: [String] = []
        rest.reserveCapacity(arguments.count - count)
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                rest.append(contentsOf: arguments[i...])
                break
            }
            var value: String?
            var name = argument
            if let eq = argument.firstIndex(of: "="), names.contains(String(argument[..<eq])) {
                name = String(argument[..<eq])
                value = String(argument[argument.index(after: eq)...])
            } else if names.contains(argument), i + 1 < arguments.count {
                value = arguments[i + 1]
                i += 1
            }
            if let value {
                switch name {
                case "--set": flags.set.append(value)
                case "--set-string": flags.setString.append(value)
                default: flags.setJSON.append(value)
                }
            } else {
                rest.append(argument)
            }
            i += 1
        }
        return (rest, flags)
    }

    var isEmpty: Bool { self.set.isEmpty && setString.isEmpty && setJSON.isEmpty }
}

/// A command that takes the `--set` family (``RepeatedFlags`` are appended after parsing).
protocol TakesRepeatedFlags {
    mutating func append(_ flags: RepeatedFlags)
}

extension RenderCommand: TakesRepeatedFlags {
    mutating func append(_ flags: RepeatedFlags) {
        set += flags.set
        setString += flags.setString
        setJSON += flags.setJSON
    }
}

extension ValuesFlags {
    mutating func append(_ flags: RepeatedFlags) {
        set += flags.set
        setString += flags.setString
        setJSON += flags.setJSON
    }
}

extension VerifyCommand: TakesRepeatedFlags {
    mutating func append(_ flags: RepeatedFlags) { values.append(flags) }
}

extension MatrixCommand: TakesRepeatedFlags {
    mutating func append(_ flags: RepeatedFlags) { values.append(flags) }
}
