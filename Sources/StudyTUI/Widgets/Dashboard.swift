import StudyCore
import StudyText
import TermGrid

/// One drawn dashboard: the cells, and where the terminal's cursor goes. What `TerminalScreen`
/// shows; a name of its own, so "screen" means only the terminal.
public struct Frame: Sendable {
    public var grid: Grid
    /// Where the terminal cursor should show (the annotation editor's caret), or nil to hide it.
    public var cursor: (x: Int, y: Int)?
}

/// Draws the whole state into a frame of the state's size: the composition root of the widgets.
public enum Dashboard {
    public static func render(_ state: AppState) -> Frame {
        var grid = Grid(width: state.width, height: state.height)
        let layout = state.layout
        guard layout.kind != .tooSmall else {
            tooSmall(into: &grid)
            return Frame(grid: grid, cursor: nil)
        }
        Bars.title(state, into: &grid)
        var cursor: (x: Int, y: Int)?
        if case .dashboard(let panel) = state.overlay {
            DashboardView.draw(panel, state: state, into: &grid, rect: layout.body)
        } else if let reader = state.reader {
            cursor = ReaderView.draw(reader, state: state, into: &grid, rect: layout.body)
        } else {
            browser(state, layout: layout, into: &grid)
        }
        switch state.overlay {
        case .help(let scroll, _, let view):
            HelpOverlay.draw(scroll: scroll, openedFrom: state.reader, fromView: view != nil, keymap: state.keymap, into: &grid,
                             area: layout.body)
        case .editor(let draft): cursor = EditorOverlay.draw(draft, into: &grid, area: layout.body)
        case .contents(let panel): ContentsOverlay.draw(panel, state: state, into: &grid, area: layout.body)
        default: break
        }
        if let caret = Bars.status(state, into: &grid) { cursor = caret }
        if case .line(let line)? = state.linkEntry?.form {
            cursor = InputLine.draw(line, into: &grid, x: 0, y: grid.height - 1, width: grid.width, style: .reverse)
        }
        return Frame(grid: grid, cursor: cursor)
    }

    /// Draws off screen what moving the tree's cursor one row up or down would show in the
    /// detail pane and the status row (its breadcrumb), so that their pieces are cached before
    /// the key comes: a topic's first visit renders its note and draws its pane, several times
    /// the work of a frame, and that made the slowest keys. The run loop calls this once a
    /// frame is out; nothing on screen changes.
    public static func prepareNeighbours(of state: AppState) {
        guard state.overlay == nil, state.focus == .tree, state.search == nil else { return }
        let layout = state.layout
        guard layout.kind == .split else { return }
        for delta in [1, -1] {
            var next = state
            BrowserReducer.move(by: delta, state: &next)
            guard next.treeCursor != state.treeCursor, let node = next.selectedNode else { continue }
            // A huge note (megabytes) takes long to render: left for a move onto it to pay, so
            // that a key pressed meanwhile, maybe away from it, does not wait for it. Its size
            // is known without reading a note the parse cache keeps on disk.
            guard state.index.nodes[node].topic.noteText.byteCount <= preparedNoteLimit else { continue }
            DetailPane.prepare(next, size: layout.detail)
            _ = Bars.statusPiece(next, width: next.width)
        }
    }

    /// The longest note (in UTF-8 bytes) rendered ahead of a move; the bundled notes' run to a
    /// few kilobytes.
    static let preparedNoteLimit = 64 * 1024

    static func browser(_ state: AppState, layout: Layout, into grid: inout Grid) {
        switch layout.kind {
        case .split:
            TreePane.draw(state, into: &grid, rect: layout.tree)
            let rule = state.model.caches.rules.piece(layout.body.height, width: 1, height: layout.body.height) { column in
                for row in 0..<layout.body.height { column.put("│", x: 0, y: row, style: .dim) }
            }
            grid.blit(rule, x: layout.tree.width, y: layout.body.y)
            DetailPane.draw(state, into: &grid, rect: layout.detail)
        case .single:
            if state.focus == .tree {
                TreePane.draw(state, into: &grid, rect: layout.tree)
            } else {
                DetailPane.draw(state, into: &grid, rect: layout.detail)
            }
        case .tooSmall:
            break
        }
    }

    /// Below 40×10 nothing useful fits: say so, in as much as fits (down to 1×1).
    static func tooSmall(into grid: inout Grid) {
        let lines = ["Terminal too small", "\(grid.width)×\(grid.height); needs 40×10", "q quits"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + index, limit: grid.width - x)
        }
    }
}
