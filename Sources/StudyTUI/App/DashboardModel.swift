import StudyCore
import StudyText

/// The loaded notes indexed for the dashboard: every topic as a numbered node (parent, depth,
/// children) so that the tree view moves by integers, and rendered notes cached per width so a
/// key press never re-parses Markdown it has already drawn. Built once; never changes.
public final class DashboardModel: @unchecked Sendable {
    public struct Node: Sendable {
        public var topic: Topic
        public var parent: Int?
        public var depth: Int
        public var children: [Int]
        /// Titles from the top-most root down to this topic.
        public var path: [String]
    }

    /// Renders a topic's Markdown note for a width: given by the front end (StudyContent's
    /// renderer), so that the dashboard knows no Markdown parser.
    public typealias NoteRendering = @Sendable (_ markdown: String, _ width: Int) -> RenderedNote

    public let tree: ContentTree
    private let renderNote: NoteRendering
    public let nodes: [Node]
    public let roots: [Int]
    private let indexByID: [String: Int]
    /// The first topic that lists each resource, for breadcrumbs and the store's record.
    private let homeOfResource: [String: Int]
    /// Screen pieces already drawn, one cache per kind of piece (see DrawCache).
    let treeRows = DrawCache<TreePane.RowKey>()
    let detailPanes = DrawCache<DetailPane.PaneKey>()
    let titleBars = DrawCache<Bars.TitleKey>()
    let statusBars = DrawCache<Bars.StatusKey>()
    let rules = DrawCache<Int>()
    let readerLines = ReaderView.LineCache()
    // Single-threaded use (the UI loop); a cache, so unchecked Sendable is sound here.
    private var noteCache: [NoteKey: RenderedNote] = [:]
    private var resourcesUnder: [Int: [Resource]] = [:]

    private struct NoteKey: Hashable {
        var node: Int
        var width: Int
    }

    public init(tree: ContentTree, renderNote: @escaping NoteRendering) {
        self.tree = tree
        self.renderNote = renderNote
        var nodes: [Node] = []
        var roots: [Int] = []
        var home: [String: Int] = [:]
        func add(_ topic: Topic, parent: Int?, depth: Int, path: [String]) -> Int {
            let index = nodes.count
            let titles = path + [topic.title]
            nodes.append(Node(topic: topic, parent: parent, depth: depth, children: [], path: titles))
            for id in topic.resourceIDs where home[id] == nil { home[id] = index }
            var children: [Int] = []
            for child in topic.children { children.append(add(child, parent: index, depth: depth + 1, path: titles)) }
            nodes[index].children = children
            return index
        }
        for root in tree.roots { roots.append(add(root, parent: nil, depth: 0, path: [])) }
        self.nodes = nodes
        self.roots = roots
        var byID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { byID[node.topic.id] = index }
        indexByID = byID
        homeOfResource = home
    }

    public func index(ofTopic id: String) -> Int? { indexByID[id] }

    /// Every resource at or below a topic, each once, in curriculum order: what the topic's bar
    /// counts, so the list beside it and the bar agree. Cached, as a key press asks again.
    public func resources(of node: Int) -> [Resource] {
        if let cached = resourcesUnder[node] { return cached }
        let resources = tree.resourceIDs(under: nodes[node].topic).compactMap { tree.resources[$0] }
        resourcesUnder[node] = resources
        return resources
    }

    /// Titles from the root to the topic that first lists the resource.
    public func path(ofResource id: String) -> [String] {
        homeOfResource[id].map { nodes[$0].path } ?? []
    }

    /// The topic's note rendered for `width` columns (cached).
    public func note(of node: Int, width: Int) -> RenderedNote {
        let key = NoteKey(node: node, width: width)
        if let cached = noteCache[key] { return cached }
        let rendered = renderNote(nodes[node].topic.note, width)
        noteCache[key] = rendered
        return rendered
    }

    /// The links of a topic's note, numbered as the rendered note numbers them.
    public func noteLinks(of node: Int) -> [String] { note(of: node, width: 80).links }
}

extension DashboardModel {
    /// The title of a resource or topic in the notes, nil for an ID they no longer hold.
    public func title(of id: String) -> String? {
        tree.resources[id]?.title ?? index(ofTopic: id).map { nodes[$0].topic.title }
    }
}
