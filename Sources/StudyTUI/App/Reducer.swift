import StudyCore
import TermGrid

/// Key → action → new state and effects. The whole keyboard model of the dashboard lives here
/// (with Reducer+Marking and Reducer+Annotations) and in `Keymap`: what a key means depends only
/// on what is open (a question, editor, help, reader, browser) and which pane has the focus.
public enum Reducer {
    /// One message in, the new state and what to do next out.
    public static func handle(_ message: Message, state: inout AppState) -> [Effect] {
        switch message {
        case .event(.resize(let width, let height)):
            state.width = width
            state.height = height
            settleScroll(&state)
            return []
        case .event(.tick): return []
        case .event(let input): return handle(input: input, state: &state)
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

    /// A key or Ctrl-C: what it means depends only on what is open (a question, editor, help,
    /// reader, browser) and which pane has the focus. Ctrl-C arrives only when the editor asked
    /// for it (see `wantsInterrupt`).
    static func handle(input: Event, state: inout AppState) -> [Effect] {
        if let pending = state.pending {
            state.pending = nil
            return answer(pending, input: input, state: &state)
        }
        if state.overlay == nil || !isEditor(state.overlay) { state.message = nil }
        if case .editor(var draft) = state.overlay { return editorInput(input, draft: &draft, state: &state) }
        guard case .key(let key) = input else { return [] }
        switch state.overlay {
        case .help(let scroll, let reader):
            return helpKey(key, scroll: scroll, reader: reader, state: &state)
        case .reader(var reader):
            return readerKey(key, reader: &reader, state: &state)
        case .editor, nil:
            return browseKey(key, state: &state)
        }
    }

    // MARK: Browser (tree + detail)

    static func browseKey(_ key: Key, state: inout AppState) -> [Effect] {
        guard let action = Keymap.browse(key, focus: state.focus) else { return [] }
        switch action {
        case .move(let delta): move(by: delta, state: &state)
        case .page(let pages): move(by: pages * pageSize(state), state: &state)
        case .halfPage(let halves): move(by: halves * max(1, pageSize(state) / 2), state: &state)
        case .first: move(by: Int.min / 2, state: &state)
        case .last: move(by: Int.max / 2, state: &state)
        case .collapse: collapse(&state)
        case .expand: expand(&state)
        case .switchPane, .switchPaneBack:
            state.focus = state.focus == .tree ? .detail : .tree
            if state.focus == .detail && state.selectedResources.isEmpty {
                state.say("this topic lists no resources")
            }
        case .open: return open(&state)
        case .toggleDone: return toggleDone(targets: markTargets(state), state: &state)
        case .mark(let status): return mark(status, targets: markTargets(state), state: &state)
        case .undo: return [.undo]
        case .annotate: startAnnotation(annotationTarget(state), state: &state)
        case .editExternally: return editExternally(annotationTarget(state), state: state)
        case .openLink: return openSelectedLink(&state)
        case .openNoteLink(let number): return openNoteLink(number, state: &state)
        case .copyLink: return copySelectedLink(&state)
        case .help: state.overlay = .help(scroll: 0, under: nil)
        case .back: return [.quit]
        case .cancel: break
        }
        settleScroll(&state)
        return []
    }

    static func move(by delta: Int, state: inout AppState) {
        switch state.focus {
        case .tree:
            let count = state.visible.count
            guard count > 0 else { return }
            let target = clampAdd(state.treeCursor, delta, upper: count - 1)
            if target != state.treeCursor {
                state.treeCursor = target
                state.detailCursor = 0
                state.detailScroll = 0
            }
        case .detail:
            let count = state.selectedResources.count
            guard count > 0 else { return }
            state.detailCursor = clampAdd(state.detailCursor, delta, upper: count - 1)
        }
    }

    static func clampAdd(_ value: Int, _ delta: Int, upper: Int) -> Int {
        let (sum, overflow) = value.addingReportingOverflow(delta)
        if overflow { return delta < 0 ? 0 : upper }
        return min(max(0, sum), upper)
    }

    static func collapse(_ state: inout AppState) {
        guard state.focus == .tree else {
            state.focus = .tree
            return
        }
        guard let node = state.selectedNode else { return }
        if state.expanded.contains(node) && !state.index.nodes[node].children.isEmpty {
            state.setExpanded(node, false)
        } else if let parent = state.index.nodes[node].parent {
            state.reveal(parent)
            state.detailCursor = 0
        }
    }

    static func expand(_ state: inout AppState) {
        guard state.focus == .tree, let node = state.selectedNode else { return }
        let children = state.index.nodes[node].children
        if children.isEmpty {
            if !state.selectedResources.isEmpty { state.focus = .detail }
        } else if !state.expanded.contains(node) {
            state.setExpanded(node, true)
        } else {
            state.reveal(children[0])
            state.detailCursor = 0
        }
    }

    static func open(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .tree:
            guard let node = state.selectedNode else { return [] }
            state.overlay = .reader(AppState.Reader(subject: .topic(node)))
        case .detail:
            guard let resource = state.selectedResource else { return [] }
            state.overlay = .reader(AppState.Reader(subject: .resource(resource.id)))
        }
        return []
    }

    // MARK: Links

    static func selectedLink(_ state: inout AppState) -> String? {
        guard state.focus == .detail, let resource = state.selectedResource else {
            state.say("select a resource (Tab) to use its link; 1–9 open the note's links")
            return nil
        }
        guard let url = resource.url else {
            state.say("'\(resource.title)' has no link")
            return nil
        }
        return url
    }

    static func openSelectedLink(_ state: inout AppState) -> [Effect] {
        guard let url = selectedLink(&state) else { return [] }
        return openChecked(url, state: &state)
    }

    static func copySelectedLink(_ state: inout AppState) -> [Effect] {
        guard let url = selectedLink(&state) else { return [] }
        state.say("copied \(url)")
        return [.copy(url)]
    }

    static func openNoteLink(_ number: Int, state: inout AppState, node: Int? = nil) -> [Effect] {
        guard let node = node ?? state.selectedNode else { return [] }
        let links = state.model.noteLinks(of: node)
        guard links.indices.contains(number - 1) else {
            state.say(links.isEmpty ? "this note has no links"
                      : links.count == 1 ? "this note has one link only: 1" : "this note has links 1–\(links.count) only")
            return []
        }
        return openChecked(links[number - 1], state: &state)
    }

    static func openChecked(_ url: String, state: inout AppState) -> [Effect] {
        if let refusal = LinkPolicy.refusal(url) {
            state.say(refusal, error: true)
            return []
        }
        state.say("opening \(url)")
        return [.openLink(url)]
    }

    // MARK: Reader

    static func readerKey(_ key: Key, reader: inout AppState.Reader, state: inout AppState) -> [Effect] {
        guard let action = Keymap.reader(key) else { return [] }
        let page = max(1, Layout(width: state.width, height: state.height).body.height - 1)
        let total = ReaderView.lineCount(reader, state: state)
        let maxScroll = max(0, total - page)
        var effects: [Effect] = []
        switch action {
        case .move(let delta): reader.scroll = clampAdd(reader.scroll, delta, upper: maxScroll)
        case .page(let pages): reader.scroll = clampAdd(reader.scroll, pages * page, upper: maxScroll)
        case .halfPage(let halves): reader.scroll = clampAdd(reader.scroll, halves * max(1, page / 2), upper: maxScroll)
        case .first: reader.scroll = 0
        case .last: reader.scroll = maxScroll
        case .back, .cancel, .collapse:
            state.overlay = nil
            return []
        case .help:
            state.overlay = .help(scroll: 0, under: reader)
            return []
        case .openNoteLink(let number):
            if case .topic(let node) = reader.subject { effects = openNoteLink(number, state: &state, node: node) }
        case .openLink, .copyLink:
            if case .resource(let id) = reader.subject, let resource = state.index.tree.resources[id] {
                if let url = resource.url {
                    if action == .copyLink {
                        state.say("copied \(url)")
                        effects = [.copy(url)]
                    } else {
                        effects = openChecked(url, state: &state)
                    }
                } else {
                    state.say("'\(resource.title)' has no link")
                }
            } else {
                state.say("1–9 open the note's numbered links")
            }
        // Marking from the reader acts on what it shows, never on the browser's cursor.
        case .mark(let status): effects = mark(status, targets: markTargets(reader, state: state), state: &state)
        case .toggleDone: effects = toggleDone(targets: markTargets(reader, state: state), state: &state)
        case .undo: effects = [.undo]
        case .annotate:
            startAnnotation(annotationTarget(reader, state: state), returnTo: reader, state: &state)
            return []
        case .editExternally: effects = editExternally(annotationTarget(reader, state: state), state: state)
        default:
            break
        }
        state.overlay = .reader(reader)
        return effects
    }

    // MARK: Help

    static func helpKey(_ key: Key, scroll: Int, reader: AppState.Reader?, state: inout AppState) -> [Effect] {
        let body = Layout(width: state.width, height: state.height).body
        let total = HelpOverlay.rowCount(in: body)
        let page = max(1, HelpOverlay.box(in: body).height - 2)
        switch key {
        case .down, .character("j"): state.overlay = .help(scroll: min(scroll + 1, max(0, total - page)), under: reader)
        case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1), under: reader)
        case .pageDown, .character(" "):
            state.overlay = .help(scroll: min(scroll + page, max(0, total - page)), under: reader)
        case .pageUp: state.overlay = .help(scroll: max(0, scroll - page), under: reader)
        // Back to where the help was opened: the reader at its scroll, or the browser.
        default: state.overlay = reader.map(AppState.Overlay.reader)
        }
        return []
    }

    // MARK: Helpers

    static func isEditor(_ overlay: AppState.Overlay?) -> Bool {
        if case .editor = overlay { return true }
        return false
    }

    static func pageSize(_ state: AppState) -> Int {
        let layout = Layout(width: state.width, height: state.height)
        switch state.focus {
        case .tree: return max(1, layout.tree.height)
        case .detail: return max(1, DetailPane.listViewport(state, rect: layout.detail) / 2)
        }
    }

    /// Keeps both cursors on screen after a move or a resize.
    public static func settleScroll(_ state: inout AppState) {
        let layout = Layout(width: state.width, height: state.height)
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
}
