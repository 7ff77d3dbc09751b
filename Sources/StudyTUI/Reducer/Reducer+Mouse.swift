import StudyCore
import StudyText
import TermGrid

/// The mouse (config `mouse = true`): a click selects what is drawn under the pointer (a tree
/// row, a resource, a line of the reader), a double click opens it as `Enter` does, a click on
/// a `[N]` link number opens that link as `N` does (the status row shows the URL first), and
/// the wheel scrolls the pane under the pointer. The layout says where each pane is; the
/// hit-testing redoes the arithmetic the widgets draw with. Only the browser and the reader
/// take the mouse; a question, the editor and the other views ignore it.
extension Reducer {
    /// Lines one notch of the wheel scrolls.
    static let wheelLines = 3

    static func handle(mouse event: MouseEvent, state: inout AppState) -> [Effect] {
        guard event.action == .press, event.button == .left || event.isWheel,
              state.pending == nil, state.linkEntry == nil, state.layout.kind != .tooSmall else { return [] }
        if !event.isWheel { state.message = nil }
        switch state.overlay {
        case nil: return browser(event, state: &state)
        case .reader(var reader): return self.reader(event, reader: &reader, state: &state)
        default: return []
        }
    }

    /// The `[N]` link number drawn at `column` of `line`, if one is there.
    static func linkNumber(in line: StyledLine, column: Int) -> Int? {
        var x = 0
        for span in line.spans {
            let width = DisplayWidth.of(span.text)
            if column >= x && column < x + width {
                guard span.style.contains(.link), span.text.hasPrefix("["), span.text.hasSuffix("]") else { return nil }
                return Int(span.text.dropFirst().dropLast())
            }
            x += width
        }
        return nil
    }

    // MARK: - The browser

    private static func browser(_ event: MouseEvent, state: inout AppState) -> [Effect] {
        let layout = state.layout
        let split = layout.kind == .split
        if contains(layout.tree, event), split || state.focus == .tree {
            treeMouse(event, rect: layout.tree, state: &state)
        } else if contains(layout.detail, event), split || state.focus == .detail {
            return detailMouse(event, rect: layout.detail, state: &state)
        }
        return []
    }

    private static func treeMouse(_ event: MouseEvent, rect: Rect, state: inout AppState) {
        let count = state.visible.count
        let top = Scroll.keep(cursor: state.treeCursor, scroll: state.treeScroll, count: count, viewport: rect.height)
        if event.isWheel {
            // The view moves and the cursor only as far as it must to stay in it.
            let scroll = min(max(0, top + wheel(event)), max(0, count - rect.height))
            state.treeScroll = scroll
            let cursor = min(max(state.treeCursor, scroll), scroll + rect.height - 1)
            select(row: cursor, state: &state)
            settleScroll(&state)
            return
        }
        let index = top + event.y - rect.y
        guard index < count else { return }
        state.focus = .tree
        select(row: index, state: &state)
        let node = state.visible[index]
        let entry = state.index.nodes[node]
        let indent = min(entry.depth * 2, rect.width / 3)
        if !entry.children.isEmpty, (indent..<indent + 2).contains(event.x - rect.x) {
            // The ▸ / ▾ marker opens and closes the topic.
            state.setExpanded(node, !state.expanded.contains(node))
        } else if event.clicks == 2 {
            BrowserReducer.open(&state)
        }
        settleScroll(&state)
    }

    private static func select(row: Int, state: inout AppState) {
        guard row != state.treeCursor, state.visible.indices.contains(row) else { return }
        state.treeCursor = row
        state.detailCursor = 0
        state.detailScroll = 0
    }

    private static func detailMouse(_ event: MouseEvent, rect: Rect, state: inout AppState) -> [Effect] {
        let resources = state.selectedResources
        if event.isWheel {
            guard !resources.isEmpty else { return [] }
            state.detailCursor = clampAdd(state.detailCursor, wheel(event), upper: resources.count - 1)
            settleScroll(&state)
            return []
        }
        guard let node = state.selectedNode else { return [] }
        let geometry = DetailPane.geometry(state, rect: rect)
        let row = event.y - rect.y
        let noteRow = row - DetailPane.headerLines(state, node: node)
        if geometry.noteLines.indices.contains(noteRow) {
            guard let number = linkNumber(in: geometry.noteLines[noteRow], column: event.x - rect.x) else { return [] }
            return followNoteLink(number, of: node, state: &state)
        }
        guard row >= geometry.listTop, !resources.isEmpty else { return [] }
        let scroll = Scroll.keep(cursor: state.detailCursor, scroll: state.detailScroll, count: resources.count,
                                 viewport: geometry.listHeight) { DetailPane.rowHeight(resources[$0], state: state) }
        var y = geometry.listTop
        for index in scroll..<resources.count {
            y += DetailPane.rowHeight(resources[index], state: state)
            guard row < y else { continue }
            state.focus = .detail
            state.detailCursor = index
            settleScroll(&state)
            if event.clicks == 2 { BrowserReducer.open(&state) }
            return []
        }
        return []
    }

    // MARK: - The reader

    private static func reader(_ event: MouseEvent, reader: inout AppState.Reader, state: inout AppState) -> [Effect] {
        let body = state.layout.body
        guard contains(body, event) else { return [] }
        let page = ReaderView.page(height: state.height)
        if event.isWheel {
            if reader.hasCursor {
                // As in the tree: the view moves, the cursor line only as far as it must.
                // Laid out as far as the view goes, not to the end of a long file.
                let count = ReaderView.lineCount(reader, state: state,
                                                 reaching: ReaderDocument.reach(max(0, reader.scroll + wheel(event)), plus: page))
                reader.scroll = min(max(0, reader.scroll + wheel(event)), max(0, count - page))
                reader.cursor = min(max(reader.cursor, reader.scroll), reader.scroll + page - 1)
                ReaderReducer.settle(&reader, state: state)
            } else {
                ReaderReducer.move(&reader, by: wheel(event), scrolling: wheel(event), state: state)
            }
            state.overlay = .reader(reader)
            return []
        }
        // The header row (the section's path) is above the lines when the reader has a cursor.
        let top = body.y + (reader.hasCursor ? 1 : 0)
        let document = ReaderView.document(reader, state: state, width: ReaderView.textWidth(body.width))
        let rows = body.y + body.height - top
        // Laid out as far as the screen shows, as the reader draws it.
        let count = document.lineCount(reaching: ReaderDocument.reach(reader.scroll, plus: rows))
        let scroll = min(reader.scroll, max(0, count - rows))
        let line = scroll + event.y - top
        guard event.y >= top, line >= 0, line < count else { return [] }
        if case .topic(let root) = reader.subject,
           let number = linkNumber(in: document.lines[line], column: event.x - body.x - 1) {
            return followNoteLink(number, of: root, state: &state)
        }
        guard reader.hasCursor else { return [] }
        reader.cursor = line
        ReaderReducer.settle(&reader, state: state)
        state.overlay = .reader(reader)
        if event.clicks == 2, case .topic? = document.place(at: line)?.item {
            return ReaderReducer.openListed(reader, state: &state)
        }
        return []
    }

    // MARK: - Arithmetic

    private static func contains(_ rect: Rect, _ event: MouseEvent) -> Bool {
        event.x >= rect.x && event.x < rect.x + rect.width && event.y >= rect.y && event.y < rect.y + rect.height
    }

    private static func wheel(_ event: MouseEvent) -> Int {
        event.button == .wheelDown ? wheelLines : -wheelLines
    }
}
