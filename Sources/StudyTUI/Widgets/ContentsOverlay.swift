import StudyCore
import StudyText
import TermGrid

/// The table of contents over the reader: a box of the document's headings, indented by level,
/// each with its section's progress (a bar where the box is wide enough, else the counts), the
/// selected one highlighted and kept in view.
enum ContentsOverlay {
    static func box(sections: Int, in area: Rect) -> Rect {
        Drawing.centered(in: area, width: 72, height: sections + 2)
    }

    static func draw(_ panel: ContentsPanel, state: AppState, into grid: inout Grid, area: Rect) {
        // The headings as the plan knows them: the box needs no line of the document laid out.
        let sections = ReaderView.document(panel.under, state: state).headings
        let frame = box(sections: sections.count, in: area)
        let title = frame.width >= 50 ? "Contents · Enter reads from there · q back" : "Contents"
        let inside = Drawing.box(frame, title: title, into: &grid)
        guard inside.height > 0, inside.width > 2 else { return }
        let top = Scroll.keep(cursor: panel.cursor, scroll: max(0, panel.cursor - inside.height / 2),
                              count: sections.count, viewport: inside.height)
        let barWidth = inside.width >= 60 ? 10 : inside.width >= 44 ? 5 : 0
        // The first section is the file, which holds every other: its count is the widest.
        let countWidth = Drawing.countWidth(forTotal: sections.first.map { state.tally(of: $0.node).counted } ?? 0)
        for row in 0..<inside.height where top + row < sections.count {
            let section = sections[top + row]
            let y = inside.y + row
            let tally = state.tally(of: section.node)
            let progressWidth = tally.counted > 0 ? Drawing.progressWidth(tally, barWidth: barWidth, countWidth: countWidth) : 0
            let showsProgress = progressWidth > 0 && inside.width - progressWidth >= 16
            let indent = String(repeating: "  ", count: min(section.level - 1, 8))
            let room = inside.width - 1 - (showsProgress ? progressWidth + 1 : 0)
            grid.put(Drawing.clip(indent + state.index.nodes[section.node].topic.title, room), x: inside.x + 1, y: y,
                     style: section.level == 1 ? .bold : .plain, limit: room)
            if showsProgress {
                Drawing.progress(tally, into: &grid, x: inside.x + inside.width - progressWidth, y: y, barWidth: barWidth,
                                 countWidth: countWidth)
            }
            if top + row == panel.cursor { grid.highlight(x: inside.x, y: y, width: inside.width, adding: .reverse) }
        }
    }
}
