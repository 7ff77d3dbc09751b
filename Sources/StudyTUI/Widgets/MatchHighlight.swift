import StudyCore
import StudyText
import TermGrid

/// Text drawn with what a search matched in it standing out (the `match` role over the text's
/// own attributes). Where the text matches is the core's answer (`SearchText.matchRanges`), so
/// the highlight and the filter cannot disagree.
enum MatchHighlight {
    /// The style of matched text drawn in `style`.
    static func style(over style: CellStyle) -> CellStyle {
        // Muted text's dim is its role's; a match in it stays dim, as before muted was a role.
        CellStyle(style.role == .muted ? style.attributes.union(.dim) : style.attributes, role: .match)
    }

    /// Draws `text` clipped to `limit` columns, the parts `query` matches in the match style.
    /// Returns the columns used.
    @discardableResult
    static func put(_ text: String, query: SearchQuery?, into grid: inout Grid, x: Int, y: Int, style: CellStyle,
                    limit: Int) -> Int {
        let clipped = Drawing.clip(text, limit)
        let used = grid.put(clipped, x: x, y: y, style: style, limit: limit)
        guard let query, !query.isEmpty, used > 0 else { return used }
        // A clipped text ends in `…`, which is not the text's own and is never highlighted.
        let end = x + (DisplayWidth.of(TerminalSafe.escape(text)) > limit ? used - 1 : used)
        for range in SearchText.matchRanges(of: query, in: text) {
            let start = x + DisplayWidth.of(TerminalSafe.escape(String(text[..<range.lowerBound])))
            guard start < end else { break }
            grid.put(String(text[range]), x: start, y: y, style: Self.style(over: style), limit: end - start)
        }
        return used
    }
}
