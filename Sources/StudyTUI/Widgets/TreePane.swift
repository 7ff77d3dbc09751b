import StudyCore

/// The topic tree: one row per visible topic, indented by depth, with ▸/▾ for collapsed and
/// expanded topics and, right-aligned, its progress bar, done/counted and percent.
enum TreePane {
    static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let barWidth = rect.width >= 56 ? 10 : rect.width >= 30 ? 5 : 0
        let scroll = Scroll.keep(cursor: state.treeCursor, scroll: state.treeScroll,
                                 count: state.visible.count, viewport: rect.height)
        for row in 0..<rect.height {
            let index = scroll + row
            guard index < state.visible.count else { break }
            let node = state.visible[index]
            let y = rect.y + row
            let entry = state.model.nodes[node]
            let selected = index == state.treeCursor
            let base: CellStyle = entry.depth <= 1 ? .bold : .plain
            let indent = min(entry.depth * 2, rect.width / 3)
            let marker = entry.children.isEmpty ? "  " : state.expanded.contains(node) ? "▾ " : "▸ "
            let tally = state.tally(of: node)
            let statsWidth = tally.total > 0 ? Drawing.progressWidth(tally, barWidth: barWidth) : 0
            let showStats = statsWidth > 0 && rect.width - indent - 2 - statsWidth >= 8
            let titleRoom = rect.width - indent - 2 - (showStats ? statsWidth + 1 : 0)
            var x = rect.x + indent
            x += grid.put(marker, x: x, y: y, style: .dim, limit: rect.width - indent)
            grid.put(Drawing.clip(entry.topic.title, titleRoom), x: x, y: y,
                     style: tally.total > 0 && tally.remaining == 0 ? CellStyle(base.attributes, role: .done) : base,
                     limit: titleRoom)
            if showStats {
                Drawing.progress(tally, into: &grid, x: rect.x + rect.width - statsWidth, y: y, barWidth: barWidth)
            }
            if selected {
                grid.highlight(x: rect.x, y: y, width: rect.width,
                               adding: state.focus == .tree && state.overlay == nil ? .reverse : .underline)
            }
        }
    }
}
