/// Unicode general categories, as range sets, from the generated table `UnicodeCategoryRuns`.
enum GeneralCategories {
    /// The category codes a canonical name stands for: `L` is every `L?`, `Lu` itself (`C`
    /// includes the unassigned `Cn`, as in Go).
    static func codes(forName name: String) -> [String]? {
        let all = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi",
                   "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"]
        if name.unicodeScalars.count == 1 {
            let matching = all.filter { $0.hasPrefix(name) }
            return matching.isEmpty ? nil : matching
        }
        return all.contains(name) ? [name] : nil
    }

    /// The union of the categories `codes`, as a clean range set.
    static func ranges(of codes: [String]) -> [Rune] {
        let wanted = Set(codes)
        let starts = UnicodeCategoryRuns.starts
        var out: [Rune] = []
        for (i, code) in UnicodeCategoryRuns.codes.enumerated() where wanted.contains(code.description) {
            let end = i + 1 < starts.count ? starts[i + 1] - 1 : maxRune
            RuneSet.append(&out, starts[i], end)
        }
        return out
    }

    /// Long category names (canonical form) and the codes they stand for.
    static let longNames: [String: String] = [
        "Other": "C", "Control": "Cc", "Cntrl": "Cc", "Format": "Cf", "Unassigned": "Cn", "Privateuse": "Co",
        "Surrogate": "Cs", "Letter": "L", "Casedletter": "LC", "Lowercaseletter": "Ll", "Modifierletter": "Lm",
        "Otherletter": "Lo", "Titlecaseletter": "Lt", "Uppercaseletter": "Lu", "Mark": "M", "Combiningmark": "M",
        "Spacingmark": "Mc", "Enclosingmark": "Me", "Nonspacingmark": "Mn", "Number": "N", "Decimalnumber": "Nd",
        "Digit": "Nd", "Letternumber": "Nl", "Othernumber": "No", "Punctuation": "P", "Punct": "P",
        "Connectorpunctuation": "Pc", "Dashpunctuation": "Pd", "Closepunctuation": "Pe", "Finalpunctuation": "Pf",
        "Initialpunctuation": "Pi", "Otherpunctuation": "Po", "Openpunctuation": "Ps", "Symbol": "S",
        "Currencysymbol": "Sc", "Modifiersymbol": "Sk", "Mathsymbol": "Sm", "Othersymbol": "So", "Separator": "Z",
        "Lineseparator": "Zl", "Paragraphseparator": "Zp", "Spaceseparator": "Zs",
    ]
}
