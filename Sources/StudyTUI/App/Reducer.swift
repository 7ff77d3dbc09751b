import StudyCore

/// Key → action → new state and effects. The whole keyboard model of the dashboard lives here and
/// in `Keymap`: what a key means depends only on what is open (editor, help, reader, browser)
/// and which pane has the focus.
public enum Reducer {
    public static func handle(_ key: Key, state: inout AppState) -> [Effect] {
        if case .resize(let width, let height) = key {
            state.width = width
            state.height = height
            settleScroll(&state)
            return []
        }
        if let pending = state.pending {
            state.pending = nil
            return answer(pending, key: key, state: &state)
        }
        if state.overlay == nil || !isEditor(state.overlay) { state.message = nil }
        switch state.overlay {
        case .editor(var draft):
            return editorKey(key, draft: &draft, state: &state)
        case .help(let scroll, let reader):
            return helpKey(key, scroll: scroll, reader: reader, state: &state)
        case .reader(var reader):
            return readerKey(key, reader: &reader, state: &state)
        case nil:
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
        if state.expanded.contains(node) && !state.model.nodes[node].children.isEmpty {
            state.setExpanded(node, false)
        } else if let parent = state.model.nodes[node].parent {
            state.reveal(parent)
            state.detailCursor = 0
        }
    }

    static func expand(_ state: inout AppState) {
        guard state.focus == .tree, let node = state.selectedNode else { return }
        let children = state.model.nodes[node].children
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

    // MARK: Marking

    /// What a mark applies to: resource IDs and the name the message uses.
    struct MarkTargets {
        var ids: [String]
        var label: String
    }

    /// The resources a mark applies to: the selected one in the detail pane, every resource under
    /// the selected topic in the tree (as `studydash mark TOPIC` does).
    static func markTargets(_ state: AppState) -> MarkTargets? {
        switch state.focus {
        case .detail:
            return state.selectedResource.map { MarkTargets(ids: [$0.id], label: $0.title) }
        case .tree:
            return state.selectedNode.flatMap { markTargets(node: $0, state: state) }
        }
    }

    static func markTargets(node: Int, state: AppState) -> MarkTargets? {
        let ids = state.model.tree.resourceIDs(under: state.model.nodes[node].topic)
        return ids.isEmpty ? nil : MarkTargets(ids: ids, label: state.model.nodes[node].topic.title)
    }

    /// What the reader shows: its topic (every resource below it) or its one resource.
    static func markTargets(_ reader: AppState.Reader, state: AppState) -> MarkTargets? {
        switch reader.subject {
        case .topic(let node): markTargets(node: node, state: state)
        case .resource(let id): state.model.tree.resources[id].map { MarkTargets(ids: [id], label: $0.title) }
        }
    }

    static func mark(_ status: Status, targets: MarkTargets?, state: inout AppState) -> [Effect] {
        guard let targets else {
            state.say("nothing to mark here: this topic lists no resources")
            return []
        }
        let effect = Effect.setStatus(status, resourceIDs: targets.ids, label: targets.label)
        // One key on an area would change dozens of resources: ask first.
        if targets.ids.count > state.bulkMarkThreshold {
            state.pending = AppState.Confirmation(
                prompt: "mark \(Plural.count(targets.ids.count, "resource")) \(status.rawValue)? (y/n)",
                action: .perform([effect]))
            return []
        }
        return [effect]
    }

    /// Space: todo → done, or back to todo when every target is done already.
    static func toggleDone(targets: MarkTargets?, state: inout AppState) -> [Effect] {
        guard let targets else { return mark(.done, targets: nil, state: &state) }
        let allDone = targets.ids.allSatisfy { id in
            state.model.tree.resources[id].map { state.status(of: $0) == .done } ?? false
        }
        return mark(allDone ? .todo : .done, targets: targets, state: &state)
    }

    /// The answer to a pending question: `y` goes ahead, any other key cancels and says so.
    static func answer(_ pending: AppState.Confirmation, key: Key, state: inout AppState) -> [Effect] {
        let yes = key == .character("y") || key == .character("Y")
        switch pending.action {
        case .perform(let effects):
            if yes { return effects }
            state.say("cancelled: nothing marked")
        case .discardDraft:
            guard case .editor(let draft) = state.overlay else { return [] }
            if yes {
                state.overlay = draft.returnTo.map(AppState.Overlay.reader)
                state.say("annotation discarded")
            } else {
                state.say("still editing · Ctrl-S saves")
            }
        }
        return []
    }

    // MARK: Annotations

    struct AnnotationTarget {
        var id: String
        var title: String
    }

    static func annotationTarget(_ state: AppState) -> AnnotationTarget? {
        if state.focus == .detail, let resource = state.selectedResource {
            return AnnotationTarget(id: resource.id, title: resource.title)
        }
        guard let node = state.selectedNode else { return nil }
        let topic = state.model.nodes[node].topic
        return AnnotationTarget(id: topic.id, title: topic.title)
    }

    static func annotationTarget(_ reader: AppState.Reader, state: AppState) -> AnnotationTarget? {
        switch reader.subject {
        case .topic(let node):
            let topic = state.model.nodes[node].topic
            return AnnotationTarget(id: topic.id, title: topic.title)
        case .resource(let id):
            return state.model.tree.resources[id].map { AnnotationTarget(id: id, title: $0.title) }
        }
    }

    static func startAnnotation(_ target: AnnotationTarget?, returnTo reader: AppState.Reader? = nil,
                                state: inout AppState) {
        guard let target else { return }
        let text = state.progress.annotation(of: target.id)?.text ?? ""
        state.overlay = .editor(AppState.AnnotationDraft(itemID: target.id, title: target.title,
                                                         editor: TextEditor(text: text), original: text,
                                                         returnTo: reader))
    }

    static func editExternally(_ target: AnnotationTarget?, state: AppState) -> [Effect] {
        guard let target else { return [] }
        let text = state.progress.annotation(of: target.id)?.text ?? ""
        return [.editInEditor(itemID: target.id, title: target.title, text: text)]
    }

    /// True while the editor holds unsaved text and has not yet asked about it: then Ctrl-C
    /// should reach the reducer as `.interrupt` (and ask) instead of quitting at once. A second
    /// Ctrl-C, at the question, quits as usual.
    public static func wantsInterrupt(_ state: AppState) -> Bool {
        guard state.pending == nil, case .editor(let draft) = state.overlay else { return false }
        return draft.isChanged
    }

    static func editorKey(_ key: Key, draft: inout AppState.AnnotationDraft, state: inout AppState) -> [Effect] {
        switch key {
        case .control("s"):
            let text = draft.editor.text
            guard text != draft.original else {
                state.overlay = draft.returnTo.map(AppState.Overlay.reader)
                state.say("annotation unchanged")
                return []
            }
            // Too long to store: keep the editor open on it, so nothing typed is lost.
            if let refusal = AnnotationLimit.refusal(text) {
                state.say(refusal, error: true)
                return []
            }
            state.overlay = draft.returnTo.map(AppState.Overlay.reader)
            let trimmed = text.allSatisfy(\.isWhitespace) ? nil : text
            return [.saveAnnotation(itemID: draft.itemID, text: trimmed)]
        case .escape, .interrupt:
            guard draft.isChanged else {
                state.overlay = draft.returnTo.map(AppState.Overlay.reader)
                state.say("annotation unchanged")
                return []
            }
            state.pending = AppState.Confirmation(prompt: "discard changes? (y/n)", action: .discardDraft)
            return []
        default:
            state.message = nil
            _ = draft.editor.handle(key)
            let size = EditorOverlay.textSize(in: Layout(width: state.width, height: state.height).body)
            draft.editor.scrollToCursor(width: size.width, height: size.height)
            state.overlay = .editor(draft)
            return []
        }
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
            if case .resource(let id) = reader.subject, let resource = state.model.tree.resources[id] {
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
