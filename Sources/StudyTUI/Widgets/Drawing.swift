import StudyCore
import StudyText
import TermGrid

/// Small drawing helpers the widgets share: styled lines from rendered notes, progress bars with
/// their filled part coloured, status marks, boxes.
enum Drawing {
    /// Text from the notes made safe and cut to `width` columns with `…`.
    static func clip(_ text: String, _ width: Int) -> String {
        DisplayWidth.clip(TerminalSafe.escape(text), to: width)
    }

    /// Maps the note renderer's styles to cell styles.
    static func cellStyle(_ style: TextStyle) -> CellStyle {
        var attributes: CellStyle.Attributes = []
        if style.contains(.bold) { attributes.insert(.bold) }
        if style.contains(.italic) { attributes.insert(.italic) }
        // No terminal attribute strikes text through that ncurses can send: struck text is dimmed.
        if style.contains(.dim) || style.contains(.quote) || style.contains(.strike) { attributes.insert(.dim) }
        if style.contains(.link) { attributes.insert(.underline) }
        let role: CellStyle.Role = style.contains(.heading) ? .heading
            : style.contains(.link) ? .link
            : style.contains(.highlight) ? .highlight
            : style.contains(.code) ? .code
            : style.contains(.tag) ? .tag
            : style.contains(.footnote) || style.contains(.callout) ? .accent
            : style.contains(.codeKeyword) ? .codeKeyword
            : style.contains(.codeLiteral) ? .codeLiteral
            : style.contains(.codeComment) ? .codeComment
            : style.contains(.codeBlock) ? .codeBlock : .plain
        return CellStyle(attributes, role: role)
    }

    /// Draws a styled line; returns the columns used.
    @discardableResult
    static func put(_ line: StyledLine, into grid: inout Grid, x: Int, y: Int, width: Int) -> Int {
        var used = 0
        for span in line.spans where used < width {
            used += grid.put(span.text, x: x + used, y: y, style: cellStyle(span.style), limit: width - used)
        }
        return used
    }

    /// `████░░░░  12/40   30%`, the bar's filled part in the bar role (the done colour by default). Returns columns used.
    /// `countWidth` right-aligns `done/counted` in that many columns, so that bars above one
    /// another keep one column whatever their counts' widths (`0/6` beside `0/13`).
    @discardableResult
    static func progress(_ tally: Tally, into grid: inout Grid, x: Int, y: Int, barWidth: Int, countWidth: Int = 0,
                         style: CellStyle = .plain) -> Int {
        let bar = ProgressBar.bar(done: tally.done, of: tally.counted, width: barWidth)
        let filled = bar.prefix { $0 == "█" }
        var used = grid.put(filled, x: x, y: y, style: CellStyle(style.attributes, role: .bar))
        used += grid.put(bar.dropFirst(filled.count), x: x + used, y: y, style: style.adding(.dim))
        let numbers = (barWidth > 0 ? " " : "") + counts(tally, width: countWidth)
        used += grid.put(numbers, x: x + used, y: y, style: style)
        return used
    }

    static func progressWidth(_ tally: Tally, barWidth: Int, countWidth: Int = 0) -> Int {
        barWidth + (barWidth > 0 ? 1 : 0) + counts(tally, width: countWidth).count
    }

    /// `done/counted` padded on the left to `width` columns, then the percent in four.
    static func counts(_ tally: Tally, width: Int) -> String {
        ProgressBar.counts(done: tally.done, of: tally.counted, countWidth: width, gap: " ")
    }

    /// Columns that fit `done/counted` for any tally of at most `total` resources.
    static func countWidth(forTotal total: Int) -> Int { ProgressBar.countWidth([total]) }

    static func markStyle(_ status: Status, base: CellStyle = .plain) -> CellStyle {
        switch status {
        case .todo: base
        case .learning: CellStyle(base.attributes.union(.bold), role: .learning)
        case .done: CellStyle(base.attributes, role: .done)
        case .skipped: CellStyle(base.attributes.union(.dim), role: .skipped)
        }
    }

    /// A bordered box with a title in its top edge; returns the inside.
    static func box(_ rect: Rect, title: String, into grid: inout Grid) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let inner = rect.width - 2
        let bottom = rect.y + rect.height - 1
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: rect.x, y: rect.y, style: .dim)
        grid.put("└" + String(repeating: "─", count: inner) + "┘", x: rect.x, y: bottom, style: .dim)
        for row in (rect.y + 1)..<bottom {
            grid.put("│", x: rect.x, y: row, style: .dim)
            grid.put("│", x: rect.x + rect.width - 1, y: row, style: .dim)
        }
        if inner > 4 { grid.put(" " + title + " ", x: rect.x + 2, y: rect.y, style: .bold, limit: inner - 2) }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: inner, height: rect.height - 2)
    }

    /// A rectangle of at most `width`×`height`, centred in `area`.
    static func centered(in area: Rect, width: Int, height: Int) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}
