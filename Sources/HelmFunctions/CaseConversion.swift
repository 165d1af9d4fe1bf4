import GoValues
import YAML

/// Sprig's word-case functions (`camelcase`, `snakecase`, `kebabcase`), which Sprig takes from the
/// `xstrings` package: words are split at spaces, `_` and `-`, at punctuation, at an upper-case
/// letter after lower-case ones (`HTTPServer` is `HTTP` + `Server`) and around digits.
enum CaseConversionFunctions {
    static let table: [String: FunctionBody] = [
        "camelcase": { a in try StringFunctions.unary(a, "camelcase", CaseConversion.camelCase) },
        "snakecase": { a in try StringFunctions.unary(a, "snakecase") { CaseConversion.lowerCaseWords($0, connector: "_") } },
        "kebabcase": { a in try StringFunctions.unary(a, "kebabcase") { CaseConversion.lowerCaseWords($0, connector: "-") } },
    ]
}

/// The word splitting and joining behind the case functions, rune by rune as Go reads a string.
/// A U+FFFD in the text, and a byte that is not UTF-8, is Go's `utf8.RuneError`, which the splitter
/// skips over; such a byte is copied as it is in the words written whole, and written as U+FFFD
/// where the text is rewritten rune by rune (`camelcase`, capitals and connectors lowered).
enum CaseConversion {
    static let runeError: Unicode.Scalar = "\u{FFFD}"

    /// Go's `unicode` predicates the splitter uses.
    static func isUpper(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .uppercaseLetter }

    static func isLetter(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isNumber(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isPunct(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// A letter that is not a CJK ideograph (those count as "other" characters).
    static func isAlphabet(_ r: Unicode.Scalar) -> Bool {
        guard isLetter(r) else { return false }
        switch r.value {
        case 0x4E00...0x9FCC, 0x3400...0x4D85, 0x20000...0x2B81D: return false
        default: return true
        }
    }

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || isGoSpace(r) }

    /// `some_words` → `SomeWords`: connectors are dropped and the rune after them upper-cased (runs of
    /// connectors keep all but the last); leading connectors stay. In a word whose first letter was a
    /// capital, the capitals right after it are lowered up to the first rune that is not one
    /// (`HTTPServer` → `Httpserver`, `XMLHttpRequest` → `XmlhttpRequest`); other runes keep their case.
    static func camelCase(_ s: String) -> String {
        let p = Array(ByteString.runes(s).unicodeScalars)
        if p.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var i = 0
        var r0: Unicode.Scalar = runeError
        var lowering = false
        while i < p.count {
            r0 = p[i]
            i += 1
            if !isConnector(r0) {
                lowering = isUpper(r0)
                r0 = GoStrings.simpleUppercase(r0)
                break
            }
            out.append(r0)
        }
        if i == p.count {
            // A text of one rune, or of connectors only: the last rune read is written (again).
            out.append(r0)
            return String(out)
        }
        while i < p.count {
            let r1 = r0
            r0 = p[i]
            i += 1
            if isConnector(r0) && isConnector(r1) {
                out.append(r1)
                continue
            }
            if isConnector(r1) {
                lowering = isUpper(r0)
                r0 = GoStrings.simpleUppercase(r0)
            } else {
                if lowering {
                    if isUpper(r0) { r0 = GoStrings.simpleLowercase(r0) } else { lowering = false }
                }
                out.append(r1)
            }
        }
        out.append(r0)
        return String(out)
    }

    enum WordType { case invalid, number, upperCase, alphabet, connector, punct, other }

    /// A word of the text: its type and where it ends (it starts where the previous one ended).
    struct Word {
        var type: WordType
        var range: Range<Int>
    }

    /// The first rune at or after `at` that is not a rune error and how many runes were read;
    /// `previous` (and everything read) when only rune errors remain.
    static func nextValidRune(_ p: [Unicode.Scalar], _ at: Int, previous: Unicode.Scalar) -> (Unicode.Scalar, Int) {
        var j = at
        while j < p.count {
            if p[j] != runeError && ByteString.byte(p[j]) == nil { return (p[j], j - at + 1) }
            j += 1
        }
        return (previous, j - at)
    }

    /// The word starting at `start`.
    static func nextWord(_ p: [Unicode.Scalar], _ start: Int) -> Word {
        var (r, size) = nextValidRune(p, start, previous: runeError)
        var end = start + size
        if r == runeError { return Word(type: .invalid, range: start..<end) }
        /// Extends the word over the runes that `belongs` accepts.
        func extend(while belongs: (Unicode.Scalar) -> Bool) {
            while end < p.count {
                (r, size) = nextValidRune(p, end, previous: r)
                if !belongs(r) { break }
                end += size
            }
        }
        let type: WordType
        if isConnector(r) {
            type = .connector
            extend(while: isConnector)
        } else if isPunct(r) {
            type = .punct
            extend(while: isPunct)
        } else if isUpper(r) {
            type = .upperCase
            if end < p.count {
                (r, size) = nextValidRune(p, end, previous: r)
                if isUpper(r) {
                    var lastSize = size
                    end += size
                    while end < p.count {
                        (r, size) = nextValidRune(p, end, previous: r)
                        if !isUpper(r) { break }
                        lastSize = size
                        end += size
                    }
                    // `HTTPStatus` is `HTTP` + `Status`: the last capital starts the next word.
                    if end < p.count && isAlphabet(r) { end -= lastSize }
                } else if isAlphabet(r) {
                    end += size
                    extend { isAlphabet($0) && !isUpper($0) }
                }
            }
        } else if isAlphabet(r) {
            type = .alphabet
            extend { isAlphabet($0) && !isUpper($0) }
        } else if isNumber(r) {
            type = .number
            extend(while: isNumber)
        } else {
            type = .other
            while end < p.count {
                (r, size) = nextValidRune(p, end, previous: r)
                if size == 0 || isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r) { break }
                end += size
            }
        }
        return Word(type: type, range: start..<end)
    }

    /// Writes a word lower-cased (upper-case and connector words only; connectors become `connector`).
    static func appendLowered(_ out: inout String.UnicodeScalarView, _ p: [Unicode.Scalar], _ w: Word, _ connector: Unicode.Scalar) {
        guard w.type == .upperCase || w.type == .connector else {
            out.append(contentsOf: p[w.range])
            return
        }
        for r in p[w.range] {
            if isConnector(r) {
                out.append(connector)
            } else if isUpper(r) {
                out.append(GoStrings.simpleLowercase(r))
            } else {
                out.append(ByteString.byte(r) == nil ? r : runeError)
            }
        }
    }

    /// `FirstName` → `first_name` (`connector` `_`) or `first-name` (`-`): words lower-cased and
    /// joined by the connector; digits stay with the word before them unless letters follow
    /// (`Bld4Floor` → `bld4_floor`, `HTTP2xx` → `http_2xx`).
    static func lowerCaseWords(_ s: String, connector: Unicode.Scalar) -> String {
        let p = Array(ByteString.normalized(s).unicodeScalars)
        if p.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var w = nextWord(p, 0)
        func advance() { w = nextWord(p, w.range.upperBound) }
        func remaining() -> Bool { w.range.upperBound < p.count }
        func separates(_ t: WordType) -> Bool { t != .invalid && t != .punct && t != .connector }
        while remaining() {
            if w.type != .connector { appendLowered(&out, p, w, connector) }
            let previous = w
            advance()
            switch previous.type {
            case .number:
                while w.type == .alphabet || w.type == .number {
                    appendLowered(&out, p, w, connector)
                    advance()
                }
                if separates(w.type) { out.append(connector) }
            case .connector:
                appendLowered(&out, p, previous, connector)
            case .punct:
                break
            default:
                if w.type != .number {
                    if w.type != .connector && w.type != .punct { out.append(connector) }
                    break
                }
                if !remaining() { break }
                let digits = w
                advance()
                if w.type != .alphabet {
                    // A number between words belongs to the word before it (`Bld4Floor`).
                    appendLowered(&out, p, Word(type: .number, range: digits.range), connector)
                    if w.type != .connector && w.type != .punct { out.append(connector) }
                    break
                }
                // Lower-case letters after a number: the number starts a word (`HTTP2xx`).
                out.append(connector)
                appendLowered(&out, p, Word(type: .number, range: digits.range), connector)
                while w.type == .alphabet || w.type == .number {
                    appendLowered(&out, p, w, connector)
                    advance()
                }
                if separates(w.type) { out.append(connector) }
            }
        }
        appendLowered(&out, p, w, connector)
        return String(out)
    }
}
