import StudyCore
import StudyText

/// Decides whether a line of inline content is a resource, and if so what its title and
/// description are. Two shapes are recognised:
///   - a list item (or table row) whose first link is an http(s)/file link;
///   - a line of a paragraph on which a link stands on its own: alone, after a checkbox
///     (`[x] [Title](url)`), after a short label ending in `:` or a dash
///     (`Semantic Versioning: https://…`), or after a bracketed tag (`[Reference] https://…`).
/// A link inside running text is not a resource.
enum LinkLine {
    struct Match: Equatable {
        var url: String
        var title: String
        var description: String
        var checkbox: Bool?
        /// The link showed its own URL (bare URL, autolink) and no label named it.
        var isUntitled: Bool
        /// Index of the piece holding the link (to find its line).
        var pieceIndex: Int
        /// The effort estimate written after the link (see `EffortText`).
        var effortMinutes: Int?
    }

    static let maxLabelLength = 120
    static let maxTagLength = 60

    /// A list item's content (all its lines joined): its first link decides.
    static func item(_ pieces: [InlinePiece]) -> Match? {
        guard let (index, url, text) = firstResourceLink(pieces) else { return nil }
        let (prefix, checkbox) = stripCheckbox(joined(pieces[..<index]))
        let suffix = joined(pieces[(index + 1)...])
        let untitled = isUntitled(text, url: url)
        let description = [cleanEdges(prefix), cleanEdges(suffix)].filter { !$0.isEmpty }.joined(separator: " ")
        return Match(url: url, title: untitled ? URLNormalizer.displayTitle(url) : text,
                     description: description, checkbox: checkbox, isUntitled: untitled, pieceIndex: index,
                     effortMinutes: EffortText.find(in: suffix))
    }

    /// One line of a paragraph: a resource only when the link stands on its own.
    static func standalone(_ pieces: [InlinePiece]) -> Match? {
        guard let (index, url, text) = firstResourceLink(pieces) else { return nil }
        let (prefix, checkbox) = stripCheckbox(joined(pieces[..<index]).trimmingWhitespace())
        let suffix = joined(pieces[(index + 1)...])
        var label: String?
        var tag: String?
        if prefix.isEmpty {
            // alone on its line
        } else if prefix.count <= maxTagLength, prefix.hasPrefix("["), prefix.hasSuffix("]") {
            tag = String(prefix.dropFirst().dropLast()).trimmingWhitespace()
        } else if prefix.count <= maxLabelLength, let last = prefix.last, ":-–—".contains(last) {
            label = cleanEdges(prefix)
        } else {
            return nil
        }
        let untitled = isUntitled(text, url: url)
        let title: String
        if !untitled {
            title = text
        } else if let label, !label.isEmpty {
            title = label
        } else {
            title = URLNormalizer.displayTitle(url)
        }
        var parts: [String] = []
        if let tag, !tag.isEmpty { parts.append(tag) }
        if !untitled, let label, !label.isEmpty { parts.append(label) }
        let rest = cleanEdges(suffix)
        if !rest.isEmpty { parts.append(rest) }
        return Match(url: url, title: title, description: parts.joined(separator: " — "), checkbox: checkbox,
                     isUntitled: untitled && (label ?? "").isEmpty, pieceIndex: index,
                     effortMinutes: EffortText.find(in: suffix))
    }

    /// The first link among `pieces`, if it is one a resource may have (http, https, file).
    private static func firstResourceLink(_ pieces: [InlinePiece]) -> (index: Int, url: String, text: String)? {
        guard let index = pieces.firstIndex(where: { if case .link = $0 { true } else { false } }),
              case .link(let url, let text) = pieces[index],
              URLNormalizer.isResourceLink(url)
        else { return nil }
        return (index, url, text)
    }

    /// A line that can name the bare link on the next line (`pytorch in 100 seconds` ⏎ URL).
    static func label(_ pieces: [InlinePiece]) -> String? {
        guard !pieces.contains(where: { if case .link = $0 { true } else { false } }) else { return nil }
        let text = cleanEdges(joined(pieces[...]))
        guard !text.isEmpty, text.count <= maxLabelLength else { return nil }
        return text
    }

    /// A task item's text without a link: `[ ] read chapter 3`.
    static func stripCheckbox(_ text: String) -> (String, Bool?) {
        let trimmed = text.trimmingWhitespace()
        for (marker, state) in [("[]", false), ("[ ]", false), ("[x]", true), ("[X]", true)] where trimmed.hasPrefix(marker) {
            return (String(trimmed.dropFirst(marker.count)).trimmingWhitespace(), state)
        }
        return (trimmed, nil)
    }

    static func joined(_ pieces: ArraySlice<InlinePiece>) -> String {
        pieces.map(\.text).joined()
    }

    private static func isUntitled(_ text: String, url: String) -> Bool {
        let text = text.trimmingWhitespace()
        return text.isEmpty || text == url || text == URLNormalizer.displayTitle(url)
            || "mailto:" + text == url
    }

    private static let edgeCharacters: Set<Character> = ["-", "–", "—", ":", "|", ",", ";", " ", "\t"]

    /// Trims separators and white space from both ends, and one pair of enclosing parentheses.
    static func cleanEdges(_ text: String) -> String {
        // Moving two indices, not re-slicing per character: a description may be 100 KB of `|`.
        var start = text.startIndex
        var end = text.endIndex
        while start < end, edgeCharacters.contains(text[start]) { start = text.index(after: start) }
        while start < end {
            let before = text.index(before: end)
            guard edgeCharacters.contains(text[before]) else { break }
            end = before
        }
        var result = text[start..<end]
        if result.hasPrefix("("), result.hasSuffix(")"), !result.dropFirst().contains("(") {
            result = result.dropFirst().dropLast()
        }
        return String(result).trimmingWhitespace()
    }
}
