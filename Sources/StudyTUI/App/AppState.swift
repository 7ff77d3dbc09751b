import StudyCore

/// Everything the dashboard shows, as one value: what is loaded, the learner's progress, where
/// the cursor is, what is open on top. The reducer changes it; widgets only read it.
public struct AppState: Sendable {
    public enum Pane: Sendable { case tree, detail }

    /// What covers the browser, if anything. Later views join this list.
    public enum Overlay: Sendable {
        case reader(Reader)
        /// `under` is the reader the help was opened from, `view` the dashboard view: closing the
        /// help returns to it.
        case help(scroll: Int, under: Reader?, view: DashboardPanel? = nil)
        case editor(AnnotationDraft)
        /// The dashboard view (`D`): its cursor, and the activity once loaded.
        case dashboard(DashboardPanel)
        /// The reader's table of contents (`t`), over the reader it jumps in.
        case contents(ContentsPanel)
        /// The search line (`/`) in the status row, over the browser it filters.
        case search(SearchLine)
    }

    public struct Reader: Sendable {
        public enum Subject: Sendable, Equatable {
            /// A whole file (or folder's README), from its topic down: the node of that file.
            case topic(Int)
            case resource(String)
        }
        public var subject: Subject
        /// The first document line on screen.
        public var scroll = 0
        /// The whole-file reader's cursor line, which the marking, annotating and link keys act
        /// on (a resource's reader has none: everything in it is the resource).
        public var cursor = 0
        /// A search within the document (`/`), being typed or kept for `n` / `N`.
        public var search: ReaderSearch?
        /// The readers a followed link left, latest last (each with its scroll): `Backspace`
        /// goes back through them. Entries keep no history of their own.
        public var history: [Reader] = []
        public init(subject: Subject) { self.subject = subject }

        var hasCursor: Bool {
            if case .topic = subject { return true }
            return false
        }
    }

    public struct AnnotationDraft: Sendable {
        public var itemID: String
        public var title: String
        public var editor: TextEditor
        public var original: String
        /// The reader the editor was opened from: closing the editor returns to it.
        public var returnTo: Reader?

        public init(itemID: String, title: String, editor: TextEditor, original: String, returnTo: Reader? = nil) {
            self.itemID = itemID
            self.title = title
            self.editor = editor
            self.original = original
            self.returnTo = returnTo
        }

        public var isChanged: Bool { editor.text != original }
    }

    /// A question in the status row that the next key answers: `y` does it, any other key
    /// cancels. Asked before a key would change many resources at once or throw away typing.
    public struct Confirmation: Sendable {
        public enum Action: Sendable {
            case perform([Effect])
            case discardDraft
        }
        public var prompt: String
        public var action: Action
    }

    /// A line in the status bar: what the last key or change did, or why it could not.
    public struct Notice: Sendable, Hashable {
        public var text: String
        public var isError: Bool
    }

    public let model: DashboardModel
    public private(set) var progress: LearnerProgress
    public private(set) var rollup: ProgressRollup
    /// Names this `progress` among every progress any state over `model` has held (see
    /// `DashboardCaches.nextGeneration`): pieces drawn from it are cached under this number.
    public private(set) var progressGeneration: Int
    public var width: Int
    public var height: Int
    public var focus: Pane = .tree
    /// The open topics, a bit per node: a search's key opens thousands of them, and each row
    /// drawn asks whether its node is open.
    public private(set) var expanded = NodeSet(capacity: 0)
    /// The tree's rows: node indices in depth-first order, skipping collapsed subtrees.
    public private(set) var visible: [Int] = []
    public var treeCursor = 0
    public var treeScroll = 0
    public var detailCursor = 0
    public var detailScroll = 0
    public var overlay: Overlay?
    public var message: Notice?
    public var pending: Confirmation?
    /// A link number being typed in the status row (`1` `2` … or `:12`), until `Enter`.
    public var linkEntry: LinkNumberEntry?
    /// The activity the dashboard view last read, and the `progressGeneration` it was read at:
    /// reopening `D` with no change since shows it without reading the store again.
    public var loadedActivity: (log: ActivityLog, generation: Int)?
    /// The activity was asked for ahead of `D`, at an idle moment (once a session, see
    /// `DashboardViewReducer.readAhead`).
    public var activityReadAhead = false
    /// The run loop has an idle moment's work waiting: it looks for a key without waiting, and
    /// on none (a tick) the reducer asks for that work.
    public var wantsIdleWork: Bool { wantsActivityReadAhead || ReaderView.hasIdleWork(self) }
    /// The activity is still to read ahead of `D`.
    var wantsActivityReadAhead: Bool { !activityReadAhead && loadedActivity == nil }
    /// A mark that one key would apply to more resources than this asks first.
    public var bulkMarkThreshold = 10
    /// The tree pane's width (config `tree_width`, `+` / `-`); nil: the standard width.
    public var treeShare: Layout.TreeShare?
    /// The search being typed or kept (`/`, then `Enter`): what it matched and where to go back.
    public var search: Search?
    /// The queries searched this session, oldest first (`↑`/`↓` in the search line); kept in
    /// memory only, as a search is cheap to type again and a query may be private.
    public var searchHistory: [String] = []
    /// The keys in effect: the views' tables with the config's `[keys]` applied.
    public var keymap = KeyMap.defaults
    /// The nodes a search leaves in the tree (its matches and their ancestors); nil: all of them.
    public private(set) var treeFilter: NodeSet?

    public init(model: DashboardModel, progress: LearnerProgress, width: Int, height: Int) {
        self.model = model
        self.progress = progress
        rollup = ProgressRollup(index: model.index.items, progress: progress)
        progressGeneration = model.caches.nextGeneration()
        self.width = width
        self.height = height
        // Open on the curriculum's areas: each root expanded, the first area selected.
        expanded = NodeSet(model.index.roots)
        rebuildVisible()
        // The first area with something to study, past notes about the notes (a README's
        // sections such as "Writing your own notes").
        let areas = visible.dropFirst()
        treeCursor = areas.first { rollup.tally(ofTopic: $0).total != 0 }
            .flatMap { visible.firstIndex(of: $0) } ?? (visible.count > 1 ? 1 : 0)
    }

    // MARK: Derived

    public var index: TopicIndex { model.index }

    public var selectedNode: Int? { visible.indices.contains(treeCursor) ? visible[treeCursor] : nil }

    public var selectedResources: ResourceList { selectedNode.map(model.resources(of:)) ?? ResourceList() }

    public var selectedResource: Resource? {
        let resources = selectedResources
        return resources.indices.contains(detailCursor) ? resources[detailCursor] : nil
    }

    /// The reader on screen: open itself, or beneath the help or the editor opened from it.
    public var reader: Reader? {
        switch overlay {
        case .reader(let reader): reader
        case .help(_, let under, _): under
        case .editor(let draft): draft.returnTo
        case .contents(let panel): panel.under
        case .dashboard, .search, nil: nil
        }
    }

    public func status(of resource: Resource) -> Status { progress.status(of: resource) }

    /// The annotation being typed, when it holds text not yet saved: what must be kept if the
    /// dashboard is ended from outside.
    public var unsavedAnnotation: (itemID: String, text: String)? {
        guard case .editor(let draft) = overlay, draft.isChanged else { return nil }
        return (draft.itemID, draft.editor.text)
    }

    public func tally(of node: Int) -> Tally { rollup.tally(ofTopic: node) }

    // MARK: Changes

    public mutating func setExpanded(_ node: Int, _ open: Bool) {
        let selected = selectedNode
        if open { expanded.insert(node) } else { expanded.remove(node) }
        // A search's match whose sub-topics did not match would open onto nothing (`▾` and no
        // row under it): opened, it shows them all.
        let children = index.nodes[node].children
        if open, let filter = treeFilter, !children.contains(where: filter.contains) {
            for child in children { treeFilter?.insert(child) }
        }
        rebuildVisible()
        if let selected, let row = visible.firstIndex(of: selected) { treeCursor = row }
    }

    /// Opens exactly these nodes (a place taken back); the cursor is placed after by `reveal`.
    public mutating func replaceExpanded(_ nodes: NodeSet) {
        expanded = nodes
        rebuildVisible()
        treeCursor = min(treeCursor, max(0, visible.count - 1))
    }

    /// Shows only `nodes` in the tree (nil: every node) with exactly `open` expanded, keeping
    /// the cursor on its topic when that is still shown: a search's matches and their ancestors.
    ///
    /// `rows`: the rows this makes, when the caller knows them (a search: its shown nodes in
    /// tree order), so that a key typed in the search line does not walk the whole tree again.
    public mutating func filterTree(_ nodes: NodeSet?, expanded open: NodeSet, rows: [Int]? = nil) {
        let selected = selectedNode
        treeFilter = nodes
        expanded = open
        if let rows { visible = rows } else { rebuildVisible() }
        if let selected, let row = visible.firstIndex(of: selected) { treeCursor = row }
        treeCursor = min(treeCursor, max(0, visible.count - 1))
    }

    /// Shows `node` in the tree (expanding its ancestors) and moves the cursor to it. In a tree
    /// a search filters, a node it left out (`]` going past the matches) is shown as well.
    public mutating func reveal(_ node: Int) {
        var changed = treeFilter?.insert(node) ?? false
        var ancestor = index.parent(of: node)
        while let current = ancestor {
            changed = expanded.insert(current) || changed
            changed = (treeFilter?.insert(current) ?? false) || changed
            ancestor = index.parent(of: current)
        }
        // Rows already showing it (a search's first match, just filtered to) need no new walk
        // of the tree: each key of the search line would pay for it twice.
        if changed { rebuildVisible() }
        if let row = visible.firstIndex(of: node) { treeCursor = row }
    }

    /// Takes fresh values for some items from the store (after a write) and recomputes the bars.
    public mutating func update(_ fresh: LearnerProgress, for ids: some Sequence<String>) {
        for id in ids {
            progress.statuses[id] = fresh.statuses[id]
            progress.annotations[id] = fresh.annotations[id]
        }
        rollup = ProgressRollup(index: index.items, progress: progress)
        progressGeneration = model.caches.nextGeneration()
        rematchSearch()
    }

    /// Takes the whole progress afresh (another process wrote to the store).
    public mutating func replace(_ fresh: LearnerProgress) {
        progress = fresh
        rollup = ProgressRollup(index: index.items, progress: progress)
        progressGeneration = model.caches.nextGeneration()
        rematchSearch()
    }

    public mutating func say(_ text: String, error: Bool = false) { message = Notice(text: text, isError: error) }

    private mutating func rebuildVisible() {
        var rows: [Int] = []
        let filter = treeFilter
        func visit(_ node: Int) {
            if let filter, !filter.contains(node) { return }
            rows.append(node)
            guard expanded.contains(node) else { return }
            for child in index.nodes[node].children { visit(child) }
        }
        for root in index.roots { visit(root) }
        visible = rows
    }
}
