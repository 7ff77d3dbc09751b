import StudyText

/// Obsidian's inline forms in a run of a note's text: `==highlighted==` words and `#tags`. A tag
/// is `#` after white space (or at the start) and a word of letters, digits, `_`, `-` and `/`
/// that is not all digits (`#1` is an issue number, `C#` and `page#part` are no tags; a `#` at
/// a line's start followed by a space is a heading, which cmark has taken already).
enum ObsidianInline {
    /// `text` as spans in `style`, terminal-safe, highlights and tags styled. Inside a link
    /// (its text is often a URL) tags are left alone.
    static func decorate(_ text: String, _ style: TextStyle, inLink: Bool) -> [StyledSpan] {
        // Most text has neither: one look at its bytes (`String.contains` of a string is Foundation's, and slow).
        let mayHighlight = ReferenceLinks.contains(text.utf8, UInt8(ascii: "="), UInt8(ascii: "="))
        guard mayHighlight || (!inLink && text.utf8.contains(UInt8(ascii: "#"))) else {
            return [StyledSpan(TerminalSafe.escape(text), style)]
        }
        var spans: [StyledSpan] = []
        for (piece, highlighted) in highlights(text) {
            let pieceStyle = highlighted ? style.union(.highlight) : style
            spans += inLink ? [StyledSpan(TerminalSafe.escape(String(piece)), pieceStyle)] : tags(piece, pieceStyle)
        }
        return spans
    }

    /// `text` cut at each pair of `==`: the opening one before a non-space, the closing one after one.
    static func highlights(_ text: String) -> [(Substring, Bool)] {
        var pieces: [(Substring, Bool)] = []
        var plainStart = text.startIndex
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstRange(of: "==") {
            searchFrom = open.upperBound
            // `a == b`, `===`: no opener.
            guard open.upperBound < text.endIndex, !text[open.upperBound].isWhitespace, text[open.upperBound] != "=" else {
                continue
            }
            // The first `==` after a non-space closes it; with none left, no later opener can close.
            guard let close = text[text.index(after: open.upperBound)...].firstRange(of: "==") else { break }
            guard !text[text.index(before: close.lowerBound)].isWhitespace else {
                searchFrom = close.lowerBound
                continue
            }
            if open.lowerBound > plainStart { pieces.append((text[plainStart..<open.lowerBound], false)) }
            pieces.append((text[open.upperBound..<close.lowerBound], true))
            plainStart = close.upperBound
            searchFrom = close.upperBound
        }
        if plainStart < text.endIndex { pieces.append((text[plainStart...], false)) }
        return pieces
    }

    private static func tags(_ text: Substring, _ style: TextStyle) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        var plainStart = text.startIndex
        var index = text.startIndex
        while let hash = text[index...].firstIndex(of: "#") {
            let wordStart = text.index(after: hash)
            let wordEnd = text[wordStart...].firstIndex { !isTagCharacter($0) } ?? text.endIndex
            let word = text[wordStart..<wordEnd]
            let startsWord = hash == text.startIndex || text[text.index(before: hash)].isWhitespace
            if startsWord, !word.isEmpty, !word.allSatisfy(\.isNumber) {
                if plainStart < hash { spans.append(StyledSpan(TerminalSafe.escape(String(text[plainStart..<hash])), style)) }
                spans.append(StyledSpan(TerminalSafe.escape(String(text[hash..<wordEnd])), style.union(.tag)))
                plainStart = wordEnd
            }
            index = wordEnd > wordStart ? wordEnd : wordStart
            if index >= text.endIndex { break }
        }
        if plainStart < text.endIndex { spans.append(StyledSpan(TerminalSafe.escape(String(text[plainStart...])), style)) }
        return spans
    }

    private static func isTagCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "/"
    }
}
