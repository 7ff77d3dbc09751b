import StudyText

/// The one line of text a hit shows: the line of a field around the match, the obvious Markdown
/// syntax dropped (link targets, `*`, `` ` ``, heading and quote marks; no parser, so an odd
/// construct may keep a stray mark), whitespace collapsed, cut to a few words either side.
enum SearchSnippet {
    /// The longest snippet, in characters.
    static let maximumLength = 80
    /// How much of a long line before the match a snippet keeps, so the match is near the start.
    static let leadLength = 24
    /// How far to look for the ends of the line around a match: a line longer than this is cut.
    private static let lookBehind = 240
    private static let lookAhead = 480

    /// What a hit quotes, kept until its snippet is read.
    enum Quote: Sendable {
        case plain(String)
        /// A whole short text: a title.
        case line(String)
        /// The match at `offset` into the folded `text` (the UTF-8 offset too when `keepsOffsets`).
        /// No fold cache is kept: one more reference per hit costs more, over 100,000 hits, than
        /// refolding a few scalars for the few snippets read.
        case match(text: String, offset: Int, keepsOffsets: Bool, markdown: Bool)
        /// Field `field` of item `item` of a search index's items, the match at `offset` as in
        /// `match` (a title is quoted whole, as `line`). The text is found when the snippet is
        /// read: a hit then holds no reference to its text, only to the items, which every hit
        /// shares; a reference each would touch 100,000 far-apart texts for a one-letter query.
        case indexed(items: [SearchIndex.Item], item: Int, field: SearchField, offset: Int, keepsOffsets: Bool)

        var snippet: String {
            switch self {
            case .plain(let text): return text
            case .line(let text): return SearchSnippet.line(text)
            case .indexed(let items, let item, let field, let offset, let keepsOffsets):
                let text = items[item].text(of: field)
                if field == .title { return SearchSnippet.line(text) }
                return Self.match(text: text, offset: offset, keepsOffsets: keepsOffsets, markdown: field != .url).snippet
            case .match(let text, let offset, let keepsOffsets, let markdown):
                var folds = SearchFolding.Cache()
                let utf8Offset = keepsOffsets ? offset : SearchFolding.originalOffset(ofFolded: offset, in: text, cache: &folds)
                return SearchSnippet.around(utf8Offset: utf8Offset, in: text, markdown: markdown)
            }
        }
    }

    /// A whole short text as one line (a title), cut at the maximum.
    static func line(_ text: String) -> String {
        cut(clean(text, markdown: false), to: maximumLength)
    }

    /// The line of `text` holding the UTF-8 offset, cleaned and cut around it.
    static func around(utf8Offset: Int, in text: String, markdown: Bool) -> String {
        var text = text
        let (before, after) = text.withUTF8 { utf8 -> (String, String) in
            let offset = min(max(0, utf8Offset), utf8.count)
            var start = offset
            while start > 0, offset - start < lookBehind, utf8[start - 1] != 0x0a { start -= 1 }
            while start < offset, utf8[start] & 0xc0 == 0x80 { start += 1 }
            var end = offset
            while end < utf8.count, end - offset < lookAhead, utf8[end] != 0x0a { end += 1 }
            while end > offset, end < utf8.count, utf8[end] & 0xc0 == 0x80 { end -= 1 }
            return (String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<offset]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: utf8[offset..<end]), as: UTF8.self))
        }
        let cleanBefore = clean(before, markdown: markdown)
        let cleanAfter = clean(after, markdown: markdown)
        var lead = cleanBefore
        if cleanBefore.count > leadLength && cleanBefore.count + cleanAfter.count > maximumLength {
            let tail = cleanBefore.suffix(leadLength)
            let fromWord = tail.firstIndex(of: " ").map { tail[tail.index(after: $0)...] } ?? tail
            lead = "…" + fromWord
        }
        return cut((lead + cleanAfter).trimmingWhitespace(), to: maximumLength)
    }

    /// At most `length` characters, the last a `…` when something was cut.
    private static func cut(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    /// One line: every run of whitespace or control characters one space; with `markdown`, link
    /// targets and emphasis, code, heading and quote marks dropped.
    static func clean(_ text: String, markdown: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var atLineStart = true
        var characters = text[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                if out.last != " " && !out.isEmpty { out.append(" ") }
                if character.isNewline { atLineStart = true }
                continue
            }
            if markdown {
                if atLineStart && (character == "#" || character == ">") { continue }
                if character == "*" || character == "`" || character == "[" { continue }
                if character == "]" {
                    // `](target)`: drop the target when it closes on this line.
                    if characters.first == "(", let close = characters.firstIndex(of: ")") {
                        characters = characters[characters.index(after: close)...]
                    }
                    continue
                }
                if character == "!" && characters.first == "[" { continue }
            }
            atLineStart = false
            out.append(character)
        }
        return out
    }
}
