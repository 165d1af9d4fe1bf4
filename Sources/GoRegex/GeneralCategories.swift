/// Unicode general categories from the standard library's character properties, as range sets.
enum GeneralCategories {
    /// Every two-letter category code of a code point, computed once: runs of equal category.
    private static let runs: [(start: Rune, code: String)] = {
        var out: [(Rune, String)] = []
        var v: Rune = 0
        while v <= maxRune {
            let code: String
            if v >= 0xD800 && v <= 0xDFFF {
                code = "Cs"
            } else {
                code = twoLetter(Unicode.Scalar(UInt32(v))!.properties.generalCategory)
            }
            if out.last?.1 != code { out.append((v, code)) }
            v += 1
        }
        return out
    }()

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
        var out: [Rune] = []
        for (i, run) in runs.enumerated() where wanted.contains(run.code) {
            let end = i + 1 < runs.count ? runs[i + 1].start - 1 : maxRune
            RuneSet.append(&out, run.start, end)
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

    private static func twoLetter(_ c: Unicode.GeneralCategory) -> String {
        switch c {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }
}
