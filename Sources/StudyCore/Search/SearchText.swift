/// Where a query's words and phrases occur in a piece of text, folded the same way the index
/// folds: what a view highlights in a title or a snippet.
public enum SearchText {
    /// The ranges of every occurrence of each word and phrase, in text order, overlapping ones
    /// merged; empty for a query without words.
    public static func matchRanges(of query: SearchQuery, in text: String) -> [Range<String.Index>] {
        guard !query.foldedTerms.isEmpty, !text.isEmpty else { return [] }
        var cache = SearchFolding.Cache()
        let folded = SearchFolding.mapped(text, cache: &cache)
        let utf8 = Array(text.utf8)
        var spans: [(start: Int, end: Int)] = []
        for term in query.foldedTerms {
            var from = 0
            while let found = SearchIndex.firstOffset(of: term, in: folded.bytes, from: from) {
                let after = found + term.count
                let last = folded.origins[after - 1]
                // Up to the next folded scalar, so marks folded away (`e` + U+0301) stay inside.
                let end = after < folded.origins.count ? max(folded.origins[after], last + scalarLength(utf8[last]))
                    : utf8.count
                spans.append((folded.origins[found], end))
                from = found + 1
            }
        }
        spans.sort { $0.start < $1.start }
        var merged: [(start: Int, end: Int)] = []
        for span in spans {
            if let previous = merged.last, span.start <= previous.end {
                merged[merged.count - 1].end = max(previous.end, span.end)
            } else {
                merged.append(span)
            }
        }
        // Widened to whole characters, walking the text once: a match ending inside one (`👍`
        // of `👍🏽`) covers all of it, so that drawing the match draws the text as it is.
        var ranges: [Range<String.Index>] = []
        var character = text.startIndex
        for span in merged {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: span.start)
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: span.end)
            while character < text.endIndex, text.index(after: character) <= start {
                character = text.index(after: character)
            }
            var upper = character
            while upper < end { upper = text.index(after: upper) }
            if let previous = ranges.last, character <= previous.upperBound {
                ranges[ranges.count - 1] = previous.lowerBound..<max(previous.upperBound, upper)
            } else {
                ranges.append(character..<upper)
            }
        }
        return ranges
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xe0 { return 2 }
        if lead < 0xf0 { return 3 }
        return 4
    }
}
