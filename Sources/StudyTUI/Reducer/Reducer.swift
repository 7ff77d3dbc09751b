import StudyCore
import TermGrid

/// The router: a message in, the new state and the effects to perform out. What a key means
/// depends only on what is open, and each view's keys are its own file (its bindings table and
/// what its actions do): a question (`QuestionReducer`), the editor, the help, the reader, the
/// search line and a kept search's filter, the browser. A new view is one file, its case in
/// `AppState.Overlay`, one line in `handle(input:)`, one in `KeyTable.all` and, for `?` to list
/// it, one in `HelpOverlay.tables`.
public enum Reducer {
    /// One message in, the new state and what to do next out.
    public static func handle(_ message: Message, state: inout AppState) -> [Effect] {
        switch message {
        case .event(.resize(let width, let height)):
            // The reader is laid out again for a new width: keep its cursor on the same thing.
            let anchor = state.reader.flatMap { ReaderReducer.anchor($0, state: state) }
            state.width = width
            state.height = height
            settleScroll(&state)
            settleReader(&state, keeping: anchor)
            return []
        case .event(.tick):
            ReaderReducer.idle(&state)
            return DashboardViewReducer.readAhead(&state)
        case .event(let input): return handle(input: input, state: &state)
        case .notesChanged, .notesReloaded: return notes(message, state: &state)
        default:
            let effects = outcome(message, state: &state)
            // What a change did can alter a row's height (a new annotation): settle again.
            settleScroll(&state)
            return effects
        }
    }

    /// A key, for tests and callers that have one.
    public static func handle(_ key: Key, state: inout AppState) -> [Effect] {
        handle(.key(key), state: &state)
    }

    /// A key or Ctrl-C, to the view that is open. Ctrl-C arrives only when the editor asked for
    /// it (see `wantsInterrupt`).
    static func handle(input: Event, state: inout AppState) -> [Effect] {
        // Neither is a key: neither answers a question nor reaches a binding.
        if case .mouse(let event) = input { return handle(mouse: event, state: &state) }
        if case .paste(let text) = input { return handle(paste: text, state: &state) }
        if let pending = state.pending {
            state.pending = nil
            return QuestionReducer.answer(pending, input: input, state: &state)
        }
        if case .editor(var draft) = state.overlay { return EditorReducer.handle(input, draft: &draft, state: &state) }
        // Any key but the editor's clears the last message: it said what the key before did.
        state.message = nil
        guard case .key(let key) = input else { return [] }
        if let entry = state.linkEntry { return handleLinkEntry(key, entry: entry, state: &state) }
        switch state.overlay {
        case .help(let scroll, let reader, let view):
            return HelpReducer.handle(key, scroll: scroll, under: reader, view: view, state: &state)
        case .reader(var reader): return ReaderReducer.handle(key, reader: &reader, state: &state)
        case .dashboard(var panel): return DashboardViewReducer.handle(key, panel: &panel, state: &state)
        case .contents(var panel): return ContentsReducer.handle(key, panel: &panel, state: &state)
        case .search(var line): return SearchReducer.handle(key, line: &line, state: &state)
        case nil where state.search != nil && state.keymap[.filter].action(for: key) != nil:
            return SearchReducer.handleFiltered(key, state: &state)
        case .editor, nil: return BrowserReducer.handle(key, state: &state)
        }
    }

    /// True while the editor holds unsaved text and has not yet asked about it: then Ctrl-C
    /// should reach the reducer as `.interrupt` (and ask) instead of quitting at once. A second
    /// Ctrl-C, at the question, quits as usual.
    public static func wantsInterrupt(_ state: AppState) -> Bool {
        guard state.pending == nil, case .editor(let draft) = state.overlay else { return false }
        return draft.isChanged
    }

    /// Keeps both cursors on screen after a move or a resize.
    public static func settleScroll(_ state: inout AppState) {
        let layout = state.layout
        state.treeCursor = min(state.treeCursor, max(0, state.visible.count - 1))
        state.treeScroll = Scroll.keep(cursor: state.treeCursor, scroll: state.treeScroll,
                                       count: state.visible.count, viewport: layout.tree.height)
        let resources = state.selectedResources
        state.detailCursor = min(state.detailCursor, max(0, resources.count - 1))
        state.detailScroll = Scroll.keep(cursor: state.detailCursor, scroll: state.detailScroll, count: resources.count,
                                         viewport: DetailPane.listViewport(state, rect: layout.detail)) {
            DetailPane.rowHeight(resources[$0], state: state)
        }
    }

    /// Keeps the open reader's cursor line in its document, laid out again for a new width, on
    /// what it was on before.
    static func settleReader(_ state: inout AppState, keeping anchor: ReaderReducer.LineAnchor?) {
        switch state.overlay {
        case .reader(var reader):
            ReaderReducer.restore(anchor, in: &reader, state: state)
            state.overlay = .reader(reader)
        case .contents(var panel):
            ReaderReducer.restore(anchor, in: &panel.under, state: state)
            state.overlay = .contents(panel)
        default:
            break
        }
    }

    /// `value + delta` kept within `0...upper`, even for a delta of `Int.min / 2` (jump to the top).
    static func clampAdd(_ value: Int, _ delta: Int, upper: Int) -> Int {
        let (sum, overflow) = value.addingReportingOverflow(delta)
        if overflow { return delta < 0 ? 0 : upper }
        return min(max(0, sum), upper)
    }
}
