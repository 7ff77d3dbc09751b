import StudyCore
import StudyText

/// The notes as the dashboard uses them: the immutable `TopicIndex` of the loaded tree, the note
/// renderer the front end gives it, and the caches of what has been rendered and drawn from them.
/// Built once per load; the index never changes, the caches fill as the dashboard is used.
public struct DashboardModel: Sendable {
    /// Renders a topic's Markdown note for a width, its links numbered from `firstLink`: given by
    /// the front end (StudyContent's renderer), so that the dashboard knows no Markdown parser.
    public typealias NoteRendering = @Sendable (_ markdown: String, _ width: Int, _ firstLink: Int) -> RenderedNote

    /// What a link of a topic's note leads to: given by the front end (StudyContent's
    /// `NoteLinkResolver`), which knows the notes folders; without one every link is a web link.
    public typealias LinkResolving = @Sendable (_ written: String, _ topic: Topic) -> NoteLink

    public let index: TopicIndex
    private let renderNote: NoteRendering
    private let resolveLink: LinkResolving
    let caches = DashboardCaches()

    public init(tree: ContentTree, items: ItemIndex? = nil, renderNote: @escaping NoteRendering,
                resolveLink: @escaping LinkResolving = { written, _ in .web(written) }) {
        index = TopicIndex(tree: tree, items: items ?? ItemIndex(tree: tree))
        self.renderNote = renderNote
        self.resolveLink = resolveLink
    }

    /// Every resource at or below a topic, each once, in curriculum order: what the topic's bar
    /// counts, so the list beside it and the bar agree. Cached, as a key press asks again.
    public func resources(of node: Int) -> ResourceList {
        if let cached = caches.resourcesUnder[node] { return cached }
        // By number: a top topic of a big folder holds a hundred thousand, and their IDs are
        // neither hashed to drop repeats nor to find each resource, nor is each copied.
        let resources = ResourceList(numbers: index.items.resourceNumbers(under: node), in: index.items)
        caches.resourcesUnder[node] = resources
        return resources
    }

    /// The topic's note rendered for `width` columns (cached), its links numbered from
    /// `firstLink` (a section of the whole-file reader numbers on from the sections above it).
    public func note(of node: Int, width: Int, firstLink: Int = 1) -> RenderedNote {
        let key = DashboardCaches.NoteKey(node: node, width: width, firstLink: firstLink)
        if let cached = caches.notes[key] { return cached }
        let rendered = renderNote(index.nodes[node].topic.note, width, firstLink)
        caches.notes[key] = rendered
        return rendered
    }

    /// Renders a topic's note as `note(of:width:firstLink:)` does, but keeps none and holds no
    /// cache: the whole-file reader keeps its own layout (a long file's every section kept twice
    /// is tens of megabytes) in the caches, so it must not hold them in turn.
    public var noteRendering: @Sendable (_ node: Int, _ width: Int, _ firstLink: Int) -> RenderedNote {
        let index = index
        let render = renderNote
        return { node, width, firstLink in render(index.nodes[node].topic.note, width, firstLink) }
    }

    /// What `/` searches, built from the tree on the first search rather than at load: most
    /// sessions never search, and the dashboard's first screen should not wait for it.
    public var searchIndex: SearchIndex {
        if let built = caches.searchIndex { return built }
        let built = SearchIndex(tree: index.tree)
        caches.searchIndex = built
        return built
    }

    /// The node of the topic that first lists a resource (as `TopicIndex.node(ofResource:)`,
    /// whose index knows every resource's home).
    public func homeNode(ofResource id: String) -> Int? { index.node(ofResource: id) }

    /// The links of a topic's note, numbered as the rendered note numbers them.
    /// Resolved when asked (a key press), not cached: a file may appear or vanish meanwhile.
    public func noteLinks(of node: Int) -> [NoteLink] {
        note(of: node, width: 80).links.map { resolve($0, in: node) }
    }

    /// What a link written in `node`'s note leads to.
    public func resolve(_ written: String, in node: Int) -> NoteLink { resolveLink(written, index.nodes[node].topic) }
}
