import StudyCore
import TermGrid

/// The topic tree: one row per visible topic, indented by depth, with ▸/▾ for collapsed and
/// expanded topics and, right-aligned, its progress bar, done/counted and percent; left of the
/// bar, the time left when its resources carry effort estimates and the row has room.
enum TreePane {
    /// Everything a row's cells depend on (the selection highlight is applied afterwards).
    struct RowKey: Hashable {
        var node: Int
        var width: Int
        var open: Bool
        var tally: Tally
        /// The search whose matches the title highlights ("" for none).
        var search: String
    }

    static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let scroll = Scroll.keep(cursor: state.treeCursor, scroll: state.treeScroll,
                                 count: state.visible.count, viewport: rect.height)
        let search = state.highlighted
        for row in 0..<rect.height {
            let index = scroll + row
            guard index < state.visible.count else { break }
            let node = state.visible[index]
            let y = rect.y + row
            let key = RowKey(node: node, width: rect.width, open: state.expanded.contains(node), tally: state.tally(of: node),
                             search: search?.text ?? "")
            let piece = state.model.caches.treeRows.piece(key, width: rect.width, height: 1) { row in
                drawRow(node, state: state, open: key.open, tally: key.tally, search: search?.query, into: &row,
                        width: rect.width)
            }
            grid.blit(piece, x: rect.x, y: y)
            if index == state.treeCursor {
                grid.highlight(x: rect.x, y: y, width: rect.width,
                               adding: state.focus == .tree && state.overlay == nil ? .reverse : .underline)
            }
        }
    }

    static func drawRow(_ node: Int, state: AppState, open: Bool, tally: Tally, search: SearchQuery? = nil,
                        into grid: inout Grid, width: Int) {
        let entry = state.index.nodes[node]
        let barWidth = width >= 56 ? 10 : width >= 30 ? 5 : 0
        let base: CellStyle = entry.depth <= 1 ? .bold : .plain
        let indent = min(entry.depth * 2, width / 3)
        let marker = entry.children.isEmpty ? "  " : open ? "▾ " : "▸ "
        // One width for every row's counts, from the largest total in the tree: the bars line up.
        let countWidth = Drawing.countWidth(forTotal: state.rollup.overall.total)
        let statsWidth = tally.total > 0 ? Drawing.progressWidth(tally, barWidth: barWidth, countWidth: countWidth) : 0
        let showStats = statsWidth > 0 && width - indent - 2 - statsWidth >= 8
        // Only rows whose resources have estimates give up title room for the figure; the bars
        // stay right-aligned, so they line up either way. A `+` says some carry none.
        let left = showStats && tally.remainingMinutes > 0 ? EffortFormat.marked(tally) : nil
        let leftWidth = left.map { $0.count + 1 } ?? 0
        let showLeft = left != nil && width - indent - 2 - statsWidth - 1 - leftWidth >= 8
        let titleRoom = width - indent - 2 - (showStats ? statsWidth + 1 : 0) - (showLeft ? leftWidth : 0)
        var x = indent
        x += grid.put(marker, x: x, y: 0, style: .dim, limit: width - indent)
        MatchHighlight.put(entry.topic.title, query: search, into: &grid, x: x, y: 0,
                           style: tally.total > 0 && tally.remaining == 0 ? CellStyle(base.attributes, role: .done) : base,
                           limit: titleRoom)
        if showLeft, let left {
            grid.put(left, x: width - statsWidth - leftWidth, y: 0, style: .muted)
        }
        if showStats {
            Drawing.progress(tally, into: &grid, x: width - statsWidth, y: 0, barWidth: barWidth, countWidth: countWidth)
        }
    }
}
