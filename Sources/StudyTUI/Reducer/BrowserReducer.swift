import StudyCore
import TermGrid

/// The browser's keys (the tree and the resource list beside it): its bindings table, and what
/// moving, opening, marking and the links do there. `l` expands in the tree and marks learning in
/// the list, where there is nothing to expand.
enum BrowserReducer {
    static let keys = KeyTable(title: "Browse (tree ▏ resources)", bindings: [
        Binding([.character("j"), .down], .move(1), "move"),
        Binding([.character("k"), .up], .move(-1), "move"),
        Binding([.character("h"), .left], .collapse, "collapse / expand, or go to parent / child"),
        Binding([.character("l"), .right], .expand, "collapse / expand, or go to parent / child", in: .tree),
        Binding([.enter], .open, "read the topic's whole file / the resource's details"),
        Binding([.tab, .backTab], .switchPane, "switch between the tree and the resources"),
        Binding([.character("g"), .home], .first, "first / last"),
        Binding([.character("G"), .end], .last, "first / last"),
        Binding([.pageDown, .character("f"), .control("f")], .page(1), "page down"),
        Binding([.pageUp, .character("b"), .control("b")], .page(-1), "page up"),
        Binding([.control("d")], .halfPage(1), "half page down / up"),
        Binding([.control("u")], .halfPage(-1), "half page down / up"),
        Binding([.character(" ")], .toggleDone, "toggle the selection between todo and done"),
        Binding([.character("d")], .mark(.done), "mark done / learning / skipped / todo"),
        Binding([.character("l")], .mark(.learning), "mark done / learning / skipped / todo", in: .detail),
        Binding([.character("s")], .mark(.skipped), "mark done / learning / skipped / todo"),
        Binding([.character("r")], .mark(.todo), "mark done / learning / skipped / todo",
                notes: ["  (in the tree: every resource below; l expands;", "   over 10 resources asks y/n first)"]),
        Binding([.character("]")], .unfinished(1), "next / previous unfinished resource"),
        Binding([.character("[")], .unfinished(-1), "next / previous unfinished resource"),
        Binding([.character("u")], .undo, "undo the last change"),
        Binding([.character("v")], .revisit, "mark the topic revisited (when due: see D)"),
        Binding([.character("a")], .annotate, "annotate here, in place / in $EDITOR"),
        Binding([.character("e")], .editExternally, "annotate here, in place / in $EDITOR"),
        Binding([.character("o")], .openLink, "open the resource's link / link N of the note"),
    ] + Binding.noteLinks("open the resource's link / link N of the note") + [
        Binding([.character(":")], .typeLinkNumber, "open the resource's link / link N of the note", notes: Binding.linkNumberNotes),
        Binding([.character("y")], .copyLink, "copy the resource's link (OSC 52)"),
        Binding([.character("/")], .search(.open), "search the notes (titles, notes, URLs, annotations)"),
        Binding([.character("n")], .search(.match(1)), "next / previous match of the search"),
        Binding([.character("N")], .search(.match(-1)), "next / previous match of the search"),
        Binding([.character("D")], .dashboard, "the dashboard: progress, activity, next up"),
        Binding([.character("+")], .resizeTree(1), "widen / narrow the tree pane"),
        Binding([.character("-")], .resizeTree(-1), "widen / narrow the tree pane"),
        Binding([.character("?"), .function(1)], .help, "this help"),
        Binding([.character("q")], .quit, "quit"),
    ])

    static func handle(_ key: Key, state: inout AppState) -> [Effect] {
        guard let action = keys.action(for: key, pane: state.focus) else { return [] }
        switch action {
        case .move(let delta): move(by: delta, state: &state)
        case .page(let pages): move(by: pages * pageSize(state), state: &state)
        case .halfPage(let halves): move(by: halves * max(1, pageSize(state) / 2), state: &state)
        case .first: move(by: Int.min / 2, state: &state)
        case .last: move(by: Int.max / 2, state: &state)
        case .collapse: collapse(&state)
        case .expand: expand(&state)
        case .switchPane:
            state.focus = state.focus == .tree ? .detail : .tree
            if state.focus == .detail && state.selectedResources.isEmpty {
                state.say("this topic lists no resources")
            }
        case .open: open(&state)
        case .toggleDone: return Reducer.toggleDone(targets: Reducer.markTargets(state), state: &state)
        case .mark(let status): return Reducer.mark(status, targets: Reducer.markTargets(state), state: &state)
        case .undo: return [.undo]
        case .revisit: return Reducer.revisit(node: state.selectedNode, state: &state)
        case .unfinished(let direction): Reducer.jumpToUnfinished(direction, state: &state)
        case .annotate: Reducer.startAnnotation(Reducer.annotationTarget(state), state: &state)
        case .editExternally: return Reducer.editExternally(Reducer.annotationTarget(state), state: state)
        case .openLink: return Reducer.openSelectedLink(&state)
        case .openNoteLink(let number): return Reducer.openNoteLink(number, state: &state)
        case .copyLink: return Reducer.copySelectedLink(&state)
        case .typeLinkNumber: Reducer.startLinkLine(node: nil, state: &state)
        case .help: state.overlay = .help(scroll: 0, under: nil)
        case .dashboard: return DashboardViewReducer.open(returnTo: nil, state: &state)
        case .resizeTree(let steps):
            // From the standard width, as the share of the screen it takes now.
            let now = state.treeShare ?? .percent(state.layout.tree.width * 100 / max(1, state.width))
            state.treeShare = now.widened(by: steps, width: state.width)
        case .quit: return [.quit]
        case .search(let step): SearchReducer.browse(step, state: &state)
        case .back, .historyBack, .save, .cancel, .edit, .confirm, .section, .contents, .findInDocument, .nextInDocument: break
        }
        Reducer.settleScroll(&state)
        return []
    }

    static func move(by delta: Int, state: inout AppState) {
        switch state.focus {
        case .tree:
            let count = state.visible.count
            guard count > 0 else { return }
            let target = Reducer.clampAdd(state.treeCursor, delta, upper: count - 1)
            if target != state.treeCursor {
                state.treeCursor = target
                state.detailCursor = 0
                state.detailScroll = 0
            }
        case .detail:
            let count = state.selectedResources.count
            guard count > 0 else { return }
            state.detailCursor = Reducer.clampAdd(state.detailCursor, delta, upper: count - 1)
        }
    }

    /// In the tree: close the topic, or go to its parent. In the list: back to the tree.
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

    /// Open the topic, or go to its first child; on a leaf, into its resource list.
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

    static func open(_ state: inout AppState) {
        switch state.focus {
        case .tree:
            guard let node = state.selectedNode else { return }
            state.overlay = .reader(ReaderReducer.reader(at: node, state: state))
        case .detail:
            guard let resource = state.selectedResource else { return }
            state.overlay = .reader(AppState.Reader(subject: .resource(resource.id)))
        }
    }

    static func pageSize(_ state: AppState) -> Int {
        let layout = state.layout
        switch state.focus {
        case .tree: return max(1, layout.tree.height)
        case .detail: return max(1, DetailPane.listViewport(state, rect: layout.detail) / 2)
        }
    }
}
