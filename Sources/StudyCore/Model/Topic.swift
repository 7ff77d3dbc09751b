/// A topic is a node of the tree: a content folder, a folder, a file or a heading.
public struct Topic: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case root, folder, file, heading
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var source: SourceLocation
    /// The prose under the topic, kept as Markdown so that a view can render it (held, or read
    /// on demand from the parse cache: see `NoteText`).
    public var noteText: NoteText
    /// The prose under the topic as Markdown.
    public var note: String {
        get { noteText.string }
        set { noteText = NoteText(newValue) }
    }
    public var children: [Topic]
    /// IDs into `ContentTree.resources`, in the order they are listed.
    public var resourceIDs: [String]

    public init(id: String = "", title: String, kind: Kind, source: SourceLocation, note: String = "",
                children: [Topic] = [], resourceIDs: [String] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.source = source
        noteText = NoteText(note)
        self.children = children
        self.resourceIDs = resourceIDs
    }

    /// True when the topic offers nothing to study or read, anywhere below it.
    public var isEmpty: Bool {
        resourceIDs.isEmpty && noteText.isBlank && children.allSatisfy(\.isEmpty)
    }

    /// Depth-first, parents before children.
    public func forEach(_ body: (Topic, _ path: [Topic]) -> Void) {
        func visit(_ topic: Topic, _ path: [Topic]) {
            body(topic, path)
            guard !topic.children.isEmpty else { return }
            // One path array for all the children, shared by them.
            let childPath = path + [topic]
            for child in topic.children { visit(child, childPath) }
        }
        visit(self, [])
    }
}
