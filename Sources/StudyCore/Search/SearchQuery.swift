/// What a learner typed into a search, read once: the words and "exact phrases" that must all
/// occur, and the filters that narrow by status, annotation or field. Reading never fails; a
/// filter the reader does not know leaves a `problem` to show, and such a query finds nothing.
///
/// Syntax: words and `"exact phrases"` (all must match, in any order), `is:todo|learning|done|skipped`
/// (resources with that status; several `is:` mean any of them), `has:annotation` (items the
/// learner annotated) and `in:title` (match titles only). Filter names are case-insensitive; a
/// word with another `name:` prefix (a URL, `k8s:pods`) is an ordinary word.
public struct SearchQuery: Sendable, Equatable {
    /// The words and phrases as typed, in order (for highlighting and messages).
    public private(set) var terms: [String]
    /// The statuses `is:` asked for; empty when no `is:` was given.
    public private(set) var statuses: Set<Status>
    public private(set) var requiresAnnotation: Bool
    public private(set) var titlesOnly: Bool
    public private(set) var problem: String?

    /// The terms folded the way the index folds text: what is actually looked for.
    var foldedTerms: [[UInt8]]

    /// More terms than one bit each in a 64-bit mask: nobody types that many, and the scan
    /// stays one word per item.
    static let maximumTerms = 64

    public init(_ text: String) {
        terms = []
        statuses = []
        requiresAnnotation = false
        titlesOnly = false
        problem = nil
        foldedTerms = []
        for token in Self.tokens(of: text) { read(token) }
        if terms.count > Self.maximumTerms {
            note("a search takes at most \(Self.maximumTerms) words")
        }
    }

    /// True when the query asks for nothing: no word, no phrase, no `is:` or `has:` filter.
    public var isEmpty: Bool { terms.isEmpty && statuses.isEmpty && !requiresAnnotation }

    /// True when every item this query matches is matched by `earlier` too: the same filters,
    /// and each of the earlier words and phrases inside one of this query's (a word typed on, a
    /// word added). Both must be free of problems, and the earlier one must ask for something
    /// (an empty query finds nothing, so its hits say nothing of what a longer one finds).
    public func narrows(_ earlier: SearchQuery) -> Bool {
        guard problem == nil, earlier.problem == nil, !earlier.isEmpty, statuses == earlier.statuses,
              requiresAnnotation == earlier.requiresAnnotation, titlesOnly == earlier.titlesOnly else { return false }
        return earlier.foldedTerms.allSatisfy { old in foldedTerms.contains { Self.contains($0, old) } }
    }

    private static func contains(_ term: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= term.count else { return false }
        if part.isEmpty { return true }
        for start in 0...(term.count - part.count) where term[start..<start + part.count].elementsEqual(part) { return true }
        return false
    }

    private struct Token {
        var text: String
        var quoted: Bool
    }

    /// Splits at whitespace outside quotes; a quote left open runs to the end of the text.
    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inQuotes = false
        func flush(quoted: Bool) {
            if !current.isEmpty || quoted { tokens.append(Token(text: current, quoted: quoted)) }
            current = ""
        }
        for character in text {
            if character == "\"" {
                if inQuotes { flush(quoted: true) } else { flush(quoted: false) }
                inQuotes.toggle()
            } else if !inQuotes && character.isWhitespace {
                flush(quoted: false)
            } else {
                current.append(character)
            }
        }
        if inQuotes { flush(quoted: true) } else { flush(quoted: false) }
        return tokens.filter { !$0.text.allSatisfy(\.isWhitespace) }
    }

    private mutating func read(_ token: Token) {
        if !token.quoted, let colon = token.text.firstIndex(of: ":") {
            let name = token.text[..<colon].lowercased()
            let value = token.text[token.text.index(after: colon)...].lowercased()
            switch name {
            case "is":
                if let status = Status(rawValue: value) { statuses.insert(status) } else {
                    note("is: takes todo, learning, done or skipped")
                }
                return
            case "has":
                if value == "annotation" { requiresAnnotation = true } else { note("has: takes annotation") }
                return
            case "in":
                if value == "title" { titlesOnly = true } else { note("in: takes title") }
                return
            default:
                break
            }
        }
        let folded = SearchFolding.fold(token.text)
        guard !folded.isEmpty else { return }
        terms.append(token.text)
        foldedTerms.append(folded)
    }

    /// Keeps the first problem: one line to act on, not a list.
    private mutating func note(_ message: String) {
        if problem == nil { problem = message }
    }
}
