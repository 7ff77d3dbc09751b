import StudyCore
import TermGrid

/// The dashboard view's state: the activity, once the run loop has read it, the next-up queue
/// taken when the view opened (or the progress changed), and the cursor over the view's
/// selectable rows (next up, due for revisit, then recently finished).
public struct DashboardPanel: Sendable {
    /// Nil until `Message.activityLoaded` brings it.
    public var activity: ActivityLog?
    /// Walking the whole curriculum for it is the view's costliest step, so it is taken once,
    /// not on every key and frame: the cursor it starts from cannot move while the view is open.
    public var next: [Resource]
    /// The finished topics due for a revisit: taken, like `next`, when the activity that brings
    /// the ladder's history arrives (or the view opens on one already read), not on every frame.
    public var due: [RevisitLadder.Entry]
    public var cursor = 0
    /// The reader the view was opened from: closing the view returns to it.
    public var returnTo: AppState.Reader?

    public init(activity: ActivityLog? = nil, next: [Resource], due: [RevisitLadder.Entry] = [], cursor: Int = 0,
                returnTo: AppState.Reader? = nil) {
        self.activity = activity
        self.next = next
        self.due = due
        self.cursor = cursor
        self.returnTo = returnTo
    }

    /// The next to study from where the browser's cursor is, learning first, as `studydash next`.
    public static func nextUp(_ state: AppState) -> [Resource] {
        NextQueue.resources(in: state.index.items, tree: state.index.tree, progress: state.progress, from: state.place,
                            limit: nextShown)
    }

    /// One selectable row: a resource, with when it was finished (recently finished) or its
    /// status (next up).
    public struct Row: Sendable, Equatable {
        public enum List: Sendable { case nextUp, finished }
        public var list: List
        public var resource: Resource
        public var status: Status
        public var finishedDay: Int?
    }

    public static let nextShown = 5
    public static let finishedShown = 8

    /// The resource rows: the next to study (learning first, as `studydash next` lists them),
    /// then the last finished, newest first. Under the cursor the due rows come between them.
    public func rows(_ state: AppState) -> [Row] {
        let tree = state.index.tree
        let next = self.next.map { Row(list: .nextUp, resource: $0, status: state.status(of: $0), finishedDay: nil) }
        let finished = (activity?.recentlyFinished(limit: Self.finishedShown) { id in
            tree.resources[id].map { state.status(of: $0) == .done } ?? false
        } ?? []).compactMap { event in
            tree.resources[event.itemID].map { Row(list: .finished, resource: $0, status: .done, finishedDay: event.day) }
        }
        return next + finished
    }

    public static let dueShown = 5

    /// The finished topics due for a revisit by `activity`'s ladder history, longest overdue
    /// first (the rows between next up and recently finished); none until the activity is read.
    public static func dueRevisits(_ state: AppState, activity: ActivityLog?) -> [RevisitLadder.Entry] {
        guard let history = activity?.revisits else { return [] }
        return Array(RevisitLadder.due(tree: state.index.tree, rollup: state.rollup, history: history).prefix(dueShown))
    }
}

/// The dashboard view's keys: moving over its rows, `Enter` going to a row's resource (or due
/// topic) in the tree, `v` revisiting a due topic, `u` undoing, and back to the browser.
enum DashboardViewReducer {
    static let keys = KeyTable(title: "Dashboard view (D)", bindings: [
        Binding([.character("j"), .down], .move(1), "select a row: next up, due, recently finished"),
        Binding([.character("k"), .up], .move(-1), "select a row: next up, due, recently finished"),
        Binding([.enter], .open, "go to it in the tree"),
        Binding([.character("v")], .revisit, "mark the selected due topic revisited"),
        Binding([.character("u")], .undo, "undo the last change (a revisit made here too)"),
        Binding([.character("?"), .function(1)], .help, "this help"),
        Binding([.character("q"), .escape, .character("D")], .back, "back (to the reader, if opened from it)"),
    ])

    /// `D` from the browser or a reader (`returnTo`): the view on the activity already read when
    /// nothing has changed since, else on a fresh read.
    static func open(returnTo: AppState.Reader?, state: inout AppState) -> [Effect] {
        if let loaded = state.loadedActivity, loaded.generation == state.progressGeneration {
            state.overlay = .dashboard(DashboardPanel(activity: loaded.log, next: DashboardPanel.nextUp(state),
                                                      due: DashboardPanel.dueRevisits(state, activity: loaded.log),
                                                      returnTo: returnTo))
            // The log is the same, but midnight may have passed since it was read.
            return [.readToday]
        }
        state.overlay = .dashboard(DashboardPanel(next: DashboardPanel.nextUp(state), returnTo: returnTo))
        return [.loadActivity]
    }

    static func handle(_ key: Key, panel: inout DashboardPanel, state: inout AppState) -> [Effect] {
        let rows = panel.rows(state)
        let due = panel.due
        switch state.keymap[.dashboard].action(for: key) {
        case .move(let delta):
            panel.cursor = Reducer.clampAdd(panel.cursor, delta, upper: max(0, rows.count + due.count - 1))
        case .open:
            if let topic = selectedDue(panel, rows: rows, due: due) {
                go(toTopic: topic.topic.id, state: &state)
                return []
            }
            guard let row = selectedRow(panel, rows: rows, due: due) else { return [] }
            go(to: row.resource, state: &state)
            return []
        case .revisit:
            state.overlay = .dashboard(panel)
            guard let entry = selectedDue(panel, rows: rows, due: due) else {
                state.say("select a topic under \"Due for revisit\" to mark it revisited")
                return []
            }
            return [.revisit(topicID: entry.topic.id)]
        case .undo:
            state.overlay = .dashboard(panel)
            return [.undo]
        case .help:
            state.overlay = .help(scroll: 0, under: nil, view: panel)
            return []
        case .back:
            state.overlay = panel.returnTo.map(AppState.Overlay.reader)
            return []
        default:
            break
        }
        state.overlay = .dashboard(panel)
        return []
    }

    /// Reads the activity before `D` asks for it, once a session, at the first idle moment (a
    /// tick: the run loop found no key waiting): reading 100,000 events takes longer than a frame,
    /// and the first open should not. A `D` pressed before reads then, as without it.
    static func readAhead(_ state: inout AppState) -> [Effect] {
        guard state.wantsActivityReadAhead else { return [] }
        state.activityReadAhead = true
        return [.readActivityAhead]
    }

    /// The "due for revisit" row under the cursor, if it is on one (they follow next up).
    static func selectedDue(_ panel: DashboardPanel, rows: [DashboardPanel.Row],
                            due: [RevisitLadder.Entry]) -> RevisitLadder.Entry? {
        let index = panel.cursor - nextUpCount(rows)
        return due.indices.contains(index) ? due[index] : nil
    }

    /// The next up or recently finished row under the cursor, if it is on one: next up before
    /// the due rows, recently finished after them.
    static func selectedRow(_ panel: DashboardPanel, rows: [DashboardPanel.Row],
                            due: [RevisitLadder.Entry]) -> DashboardPanel.Row? {
        let next = nextUpCount(rows)
        if panel.cursor < next { return rows[panel.cursor] }
        let index = panel.cursor - due.count
        return index >= next && rows.indices.contains(index) ? rows[index] : nil
    }

    static func nextUpCount(_ rows: [DashboardPanel.Row]) -> Int { rows.prefix { $0.list == .nextUp }.count }

    /// Closes the view with the topic selected in the tree, revealed.
    static func go(toTopic id: String, state: inout AppState) {
        state.overlay = nil
        guard let node = state.index.index(ofTopic: id) else { return }
        state.reveal(node)
        state.focus = .tree
        Reducer.settleScroll(&state)
    }

    /// Closes the view with the resource selected in the list beside its topic, revealed.
    static func go(to resource: Resource, state: inout AppState) {
        state.overlay = nil
        guard let node = state.index.node(ofResource: resource.id) else { return }
        state.reveal(node)
        state.focus = .detail
        state.detailCursor = state.selectedResources.firstIndex { $0.id == resource.id } ?? 0
        state.detailScroll = 0
        Reducer.settleScroll(&state)
    }
}
