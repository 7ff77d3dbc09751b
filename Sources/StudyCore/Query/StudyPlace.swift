/// Where a learner was in the notes, by stable IDs only: what the dashboard reports on quit,
/// takes back on reopening, and what `studydash next` starts from. Plain values, so that the
/// dashboard and the state file on disk can both see it without knowing each other.
public struct StudyPlace: Sendable, Equatable, Codable {
    public enum Pane: String, Sendable, Codable { case tree, detail }

    /// The reader that was open: a topic's note or a resource's details, and how far down.
    public struct ReaderPlace: Sendable, Equatable, Codable {
        public var topicID: String?
        public var resourceID: String?
        public var scroll: Int

        public init(topicID: String? = nil, resourceID: String? = nil, scroll: Int) {
            self.topicID = topicID
            self.resourceID = resourceID
            self.scroll = scroll
        }
    }

    /// Topic IDs from a root down to the selected topic: when the selected topic has left the
    /// notes, the nearest ancestor still there is selected instead.
    public var topicPath: [String]
    public var resourceID: String?
    public var expanded: [String]
    public var pane: Pane
    public var reader: ReaderPlace?

    public init(topicPath: [String], resourceID: String? = nil, expanded: [String] = [], pane: Pane = .tree,
                reader: ReaderPlace? = nil) {
        self.topicPath = topicPath
        self.resourceID = resourceID
        self.expanded = expanded
        self.pane = pane
        self.reader = reader
    }
}
