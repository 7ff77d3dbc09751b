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
    public func resources(of node: Int) -> [Resource] {
        if let cached = caches.resourcesUnder[node] { return cached }
        let resources = index.tree.resourceIDs(under: index.nodes[node].topic).compactMap { index.tree.resources[$0] }
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

    /// The links of a topic's note, numbered as the rendered note numbers them.
    /// Resolved when asked (a key press), not cached: a file may appear or vanish meanwhile.
    public func noteLinks(of node: Int) -> [NoteLink] {
        note(of: node, width: 80).links.map { resolve($0, in: node) }
    }

    /// What a link written in `node`'s note leads to.
    public func resolve(_ written: String, in node: Int) -> NoteLink { resolveLink(written, index.nodes[node].topic) }
}
