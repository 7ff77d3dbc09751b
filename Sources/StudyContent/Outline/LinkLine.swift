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
        /// The link's text names nothing (`here`, `36`) and no words beside it do either.
        var isGeneric: Bool = false
        /// Index of the piece holding the link (to find its line).
        var pieceIndex: Int
        /// The effort estimate written after the link (see `EffortText`).
        var effortMinutes: Int?
    }

    static let maxLabelLength = 120
    static let maxTagLength = 60

    /// A list item's content (all its lines joined): its first link decides. A link inside
    /// running text keeps its text in the description (no hole where it was); a link whose text
    /// names nothing (`source`, `36`) is titled from the item's other words.
    static func item(_ pieces: [InlinePiece]) -> Match? {
        let pieces = repairingSplitLinks(pieces)
        guard let (index, url, text) = firstResourceLink(pieces) else { return nil }
        let (prefix, checkbox) = stripCheckbox(joined(pieces[..<index]))
        let suffix = joined(pieces[(index + 1)...])
        let untitled = isUntitled(text, url: url)
        let generic = !untitled && GenericLinkText.isGeneric(text)
        let others: String
        if generic {
            others = cleanEdges(collapsingSpaces(emptyBracketsRemoved(prefix + " " + suffix)))
        } else {
            // Each side cleaned, then the two joined by a space when both are left: no array.
            let before = cleanEdges(prefix)
            let after = cleanEdges(suffix)
            others = before.isEmpty ? after : after.isEmpty ? before : before + " " + after
        }
        let inRunningText = prefix.contains { $0.isLetter } && !(prefix.last.map { ":-–—|(".contains($0) } ?? true)
        let description: String
        if (inRunningText && !untitled) || generic {
            // The prefix as written (with its spaces), so the link's words sit where they stood;
            // joined only for the items that need it, not for every item.
            description = collapsingSpaces(cleanEdges(stripCheckbox(joined(pieces[...])).0))
        } else {
            description = collapsingSpaces(others)
        }
        let title: String
        if untitled {
            title = URLNormalizer.displayTitle(url)
        } else if generic {
            title = others.isEmpty ? GenericLinkText.placeTitle(url) : GenericLinkText.sentence(others)
        } else {
            title = text
        }
        return Match(url: url, title: title, description: description, checkbox: checkbox, isUntitled: untitled,
                     isGeneric: generic && others.isEmpty, pieceIndex: index, effortMinutes: EffortText.find(in: suffix))
    }

    /// `[name] (https://…)` or `[name]` ⏎ `(https://…)` is no Markdown link, but its author meant
    /// one: the bare URL the autolinker found takes the bracketed name, and the brackets go.
    static func repairingSplitLinks(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var pieces = pieces
        for index in pieces.indices.dropFirst() {
            guard case .link(let url, let text) = pieces[index], text == url, index + 1 < pieces.count,
                  case .text(let after) = pieces[index + 1], after.hasPrefix(")") else { continue }
            // The text before may be several pieces (a line break is one of its own); their
            // positions are kept, since a piece's index says which line it is on.
            var first = index
            while first > 0, case .text = pieces[first - 1] { first -= 1 }
            var head = Substring(joined(pieces[first..<index]))
            guard head.last == "(" else { continue }
            head = head.dropLast()
            while head.last == " " { head = head.dropLast() }
            guard head.last == "]", let open = head.lastIndex(of: "[") else { continue }
            let name = head[head.index(after: open)..<head.index(before: head.endIndex)]
            guard !name.isEmpty, !name.contains("]") else { continue }
            for blank in first..<index { pieces[blank] = .text("") }
            pieces[first] = .text(String(head[..<open]))
            pieces[index] = .link(url: url, text: String(name))
            pieces[index + 1] = .text(String(after.dropFirst()))
        }
        return pieces
    }

    /// One line of a paragraph: a resource only when the link stands on its own.
    static func standalone(_ pieces: [InlinePiece]) -> Match? {
        let pieces = repairingSplitLinks(pieces)
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
        let generic = !untitled && GenericLinkText.isGeneric(text)
        let namingLabel = label.flatMap { $0.isEmpty || GenericLinkText.isGeneric($0) ? nil : $0 }
        let rest = cleanEdges(suffix)
        let title: String
        if !untitled && !generic {
            title = text
        } else if let namingLabel {
            title = namingLabel
        } else if generic, !rest.isEmpty {
            title = GenericLinkText.sentence(rest)
        } else {
            title = untitled ? URLNormalizer.displayTitle(url) : GenericLinkText.placeTitle(url)
        }
        var parts: [String] = []
        if let tag, !tag.isEmpty { parts.append(tag) }
        if !untitled, !generic, let label, !label.isEmpty { parts.append(label) }
        // The words that were the link stay with the resource when they are not its title.
        if generic { parts.append(text.trimmingWhitespace()) }
        if !rest.isEmpty { parts.append(rest) }
        return Match(url: url, title: title, description: collapsingSpaces(parts.joined(separator: " — ")), checkbox: checkbox,
                     isUntitled: untitled && namingLabel == nil, isGeneric: generic && namingLabel == nil && rest.isEmpty,
                     pieceIndex: index, effortMinutes: EffortText.find(in: suffix))
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
        // Every marker opens with `[`, a character of one byte: most text is ruled out by it.
        guard trimmed.utf8.first == UInt8(ascii: "[") else { return (trimmed, nil) }
        for (marker, state) in [("[]", false), ("[ ]", false), ("[x]", true), ("[X]", true)] where trimmed.hasPrefix(marker) {
            return (String(trimmed.dropFirst(marker.count)).trimmingWhitespace(), state)
        }
        return (trimmed, nil)
    }

    static func joined(_ pieces: ArraySlice<InlinePiece>) -> String {
        // Asked for every side of every link, which is most often one piece or none: appended
        // in place, not mapped to an array of strings first.
        guard pieces.count > 1 else { return pieces.first?.text ?? "" }
        var text = ""
        for piece in pieces { text += piece.text }
        return text
    }

    private static func isUntitled(_ text: String, url: String) -> Bool {
        let text = text.trimmingWhitespace()
        return text.isEmpty || text == url || (mayBeDisplayTitle(text, of: url) && text == URLNormalizer.displayTitle(url))
            || "mailto:" + text == url
    }

    /// `displayTitle` drops 0, 5, 7 or 8 bytes of scheme from the front of a URL that opens with
    /// a visible ASCII byte, and slashes from its end; two ASCII strings are equal only byte for
    /// byte, so such a title opens with one of four bytes of the URL. Most links' text names the
    /// page, and this says no without making the title.
    private static func mayBeDisplayTitle(_ text: String, of url: String) -> Bool {
        var text = text
        var url = url
        return text.withUTF8 { text in
            url.withUTF8 { url in
                guard let first = text.first, let head = url.first, head > 32,
                      text.allSatisfy({ $0 < 128 }), url.allSatisfy({ $0 < 128 }) else { return true }
                return head == first || (url.count > 5 && url[5] == first) || (url.count > 7 && url[7] == first)
                    || (url.count > 8 && url[8] == first)
            }
        }
    }

    /// `Title ([source](…))` without its link leaves `()`, which is no part of the title.
    static func emptyBracketsRemoved(_ text: String) -> String {
        var text = text
        for empty in ["( )", "()", "[ ]", "[]"] where text.contains(empty) { text = text.replacingAll(empty, with: "") }
        return text
    }

    /// Runs of spaces (a `<br>` or a line break beside a space) become one.
    static func collapsingSpaces(_ text: String) -> String {
        // Bytes in place, not `contains("  ")` (Foundation's slow string search) nor a walk
        // through the `UTF8View` (ten times slower than the bytes).
        guard ReferenceLinks.contains(text.utf8, 32, 32) else { return text }
        var out = ""
        var previousSpace = false
        for character in text {
            if character == " " && previousSpace { continue }
            previousSpace = character == " "
            out.append(character)
        }
        return out
    }

    private static let edgeCharacters: Set<Character> = ["-", "–", "—", ":", "|", ",", ";", " ", "\t"]

    /// The ASCII bytes among `edgeCharacters`.
    private static func isEdgeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: " "), UInt8(ascii: "\t"): true
        default: false
        }
    }

    /// Trims separators and white space from both ends, and one pair of enclosing parentheses.
    static func cleanEdges(_ text: String) -> String {
        // Moving two indices, not re-slicing per character: a description may be 100 KB of `|`.
        // An ASCII byte beside another ASCII byte is a character of its own (only CR LF pairs,
        // and neither is an edge), so those are read as bytes, not as hashed characters; any
        // other byte is read as the character it begins or ends.
        let utf8 = text.utf8
        var start = text.startIndex
        var end = text.endIndex
        while start < end {
            let byte = utf8[start]
            if byte < 128 {
                guard isEdgeByte(byte) else { break }
                let next = utf8.index(after: start)
                if next == end || utf8[next] < 128 {
                    start = next
                    continue
                }
            }
            guard edgeCharacters.contains(text[start]) else { break }
            start = text.index(after: start)
        }
        while start < end {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            if byte < 128 {
                guard isEdgeByte(byte) else { break }
                if before == start || utf8[utf8.index(before: before)] < 128 {
                    end = before
                    continue
                }
            }
            let previous = text.index(before: end)
            guard edgeCharacters.contains(text[previous]) else { break }
            end = previous
        }
        var result = text[start..<end]
        if result.first == "(", result.last == ")", !result.dropFirst().contains("(") {
            result = result.dropFirst().dropLast()
        }
        // Most descriptions lose nothing: handed back as they are, not copied.
        guard result.startIndex != text.startIndex || result.endIndex != text.endIndex else { return text.trimmingWhitespace() }
        return String(result).trimmingWhitespace()
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
