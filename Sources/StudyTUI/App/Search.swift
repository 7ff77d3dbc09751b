import StudyCore
import StudyText

/// A search of the notes as the dashboard holds it (`/`): the query typed, the matches in
/// curriculum order and the tree nodes they show at, the match `n`/`N` is on, and where the
/// browser was before the search began, so that `Esc` can go back there. The matching itself is
/// the core's (`SearchIndex`); this only places its hits in the tree.
extension AppState {
    public struct Search: Sendable {
        /// The query as typed.
        public let text: String
        /// Every match, in curriculum order (each `SearchHit` made when read).
        public let hits: SearchHits
        /// The tree node each hit is shown at (a resource's: the topic that first lists it),
        /// never decreasing, as the hits come in curriculum order.
        let nodes: [Int]
        /// The match the cursor was last taken to.
        public var current: Int?
        /// Where the browser was before the search began.
        let before: BrowserPlace

        public let query: SearchQuery
        /// Why the query cannot be matched (an unclosed quote, an unknown filter), shown as an
        /// error instead of filtering.
        public var problem: String? { query.problem }
        /// True when the query can be matched and is not empty: then the tree shows its matches.
        public var isFiltering: Bool { problem == nil && !query.isEmpty }
        /// The `AppState.progressGeneration` matched against: a later query may narrow these
        /// hits only while the progress (statuses, annotations) is the same.
        let generation: Int

        /// The hit of the topic or resource `id` shown at `node`, when the search matched it:
        /// found among that node's hits, as a table of every hit would cost each key more than
        /// the few rows on screen that ask.
        public func hit(of id: String, at node: Int) -> SearchHit? {
            var low = 0, high = nodes.count
            while low < high {
                let middle = (low + high) / 2
                if nodes[middle] < node { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < nodes.count && nodes[index] == node {
                if hits.id(at: index) == id { return hits[index] }
                index += 1
            }
            return nil
        }

        /// `12 matches`, `no matches`, the query's problem, or, for one asking for nothing
        /// (`in:title` alone), what it lacks.
        public var summary: String {
            if let problem { return problem }
            if !isFiltering { return "type a word, a \"phrase\" or a filter" }
            return hits.isEmpty ? "no matches" : Plural.count(hits.count, "match", plural: "matches")
        }
    }

    /// The browser's cursors and open topics, as they were before a search.
    struct BrowserPlace: Sendable {
        var expanded: NodeSet
        var node: Int?
        var focus: Pane
        var treeScroll: Int
        var detailCursor: Int
        var detailScroll: Int
    }

    /// The search whose matches the tree and the detail pane highlight: one that filters.
    public var highlighted: Search? { search.flatMap { $0.isFiltering ? $0 : nil } }

    /// The hit of a topic or resource in the search shown, when it matched.
    func searchHit(of id: String) -> SearchHit? {
        guard let search = highlighted, let node = index.index(ofTopic: id) ?? model.homeNode(ofResource: id) else {
            return nil
        }
        return search.hit(of: id, at: node)
    }

    /// The search matched again after the progress changed, so that what it shows (an
    /// annotation's line, the highlight of an `is:` filter) is true now. The tree keeps its
    /// rows, so nothing vanishes under the cursor, and `n` goes on from the same place.
    mutating func rematchSearch() {
        guard let old = highlighted else { return }
        var fresh = Search(text: old.text, before: old.before, model: model, progress: progress, generation: progressGeneration)
        if let current = old.current {
            let id = old.hits.id(at: current), node = old.nodes[current]
            fresh.current = fresh.hits.indices.first { fresh.hits.id(at: $0) == id } ?? fresh.nodes.lastIndex { $0 < node }
        }
        search = fresh
    }

    var browserPlace: BrowserPlace {
        BrowserPlace(expanded: expanded, node: selectedNode, focus: focus, treeScroll: treeScroll,
                     detailCursor: detailCursor, detailScroll: detailScroll)
    }

    /// Back to `place`: every topic shown again, those open then open, the cursors where they were.
    mutating func restore(_ place: BrowserPlace) {
        filterTree(nil, expanded: place.expanded)
        if let node = place.node, let row = visible.firstIndex(of: node) { treeCursor = row }
        treeScroll = place.treeScroll
        focus = place.focus
        detailCursor = place.detailCursor
        detailScroll = place.detailScroll
    }
}

extension AppState.Search {
    /// Matches `text` against the notes and the learner's progress (of `generation`); `before` is
    /// kept. `earlier`: the search this one follows, whose hits a query typed on looks among.
    init(text: String, before: AppState.BrowserPlace, model: DashboardModel, progress: LearnerProgress,
         generation: Int, earlier: AppState.Search? = nil) {
        self.text = text
        self.before = before
        self.generation = generation
        query = SearchQuery(text)
        guard query.problem == nil, !query.isEmpty else {
            hits = SearchHits()
            nodes = []
            return
        }
        let searchIndex = model.searchIndex
        let previous = earlier.flatMap { $0.isFiltering && $0.generation == generation ? ($0.query, $0.hits) : nil }
        let found = searchIndex.matches(for: query, progress: progress, previous: previous)
        // The index numbers topics as `TopicIndex` numbers nodes (both walk the same tree
        // depth-first): no String lookup per hit, of which a letter typed finds 100,000.
        let nodeCount = model.index.nodes.count
        // Every hit is in the notes the index was built from; -1 marks one that is not.
        let nodes = (searchIndex.topicNumbers(of: found) ?? Array(repeating: -1, count: found.count))
            .map { $0 < nodeCount ? $0 : -1 }
        if nodes.contains(-1) {
            hits = found.keeping { nodes[$0] >= 0 }
            self.nodes = nodes.filter { $0 >= 0 }
        } else {
            hits = found
            self.nodes = nodes
        }
    }

    /// The nodes the filtered tree shows: each match's and its ancestors; those of them to
    /// open (the ancestors), so that every match is in view; and so the tree's rows: every shown
    /// node has its ancestors shown and open, so the rows are all of them, in tree order, which
    /// is the order of node numbers (`TopicIndex` numbers nodes depth-first).
    func shownNodes(in index: TopicIndex) -> (shown: NodeSet, open: NodeSet, rows: [Int]) {
        // Marked as bits, never hashed: a letter typed on a big folder finds 100,000 hits on far
        // fewer nodes, and their ancestors are met again and again.
        var shown = NodeSet(capacity: index.nodes.count)
        var open = NodeSet(capacity: index.nodes.count)
        for node in nodes where shown.insert(node) {
            var ancestor = index.parent(of: node)
            while let current = ancestor {
                open.insert(current)
                // An ancestor already shown has had its own ancestors added.
                guard shown.insert(current) else { break }
                ancestor = index.parent(of: current)
            }
        }
        return (shown, open, shown.sorted)
    }
}

/// The search line (`/`) in the status row: the query being typed and, while `↑`/`↓` walk the
/// session's earlier queries, which one is shown and what had been typed before.
public struct SearchLine: Sendable {
    public var input = InputLine(prompt: "/")
    /// The history entry shown; nil: the query being typed.
    var recalled: Int?
    /// What was typed before `↑` recalled an earlier query, given back by `↓` past the newest.
    var typed = ""

    public init() {}

    /// The longest query the line takes: longer than anyone types, short enough that a paste of
    /// a whole file, searched once a character, answers at once.
    public static let maximumLength = 200

    public var text: String { input.text }

    /// Shows `text` in the line, the cursor at its end.
    mutating func show(_ text: String) {
        input = InputLine(prompt: input.prompt, text: text)
        _ = input.handle(.end)
    }
}
