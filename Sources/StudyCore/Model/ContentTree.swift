/// Everything loaded from one or more notes folders: one root topic per folder, the resources
/// they list (each once, by ID), and the warnings met on the way.
public struct ContentTree: Sendable {
    public var roots: [Topic] { didSet { numbering = nil } }
    public var resources: ResourceTable { didSet { numbering = nil } }
    public var warnings: [ContentWarning]
    /// How the loader numbered the tree, while it is still the tree it numbered.
    public private(set) var numbering: TreeNumbering?

    public init(roots: [Topic], resources: [String: Resource], warnings: [ContentWarning]) {
        self.init(roots: roots, resources: ResourceTable(resources), warnings: warnings)
    }

    /// `numbering`, when given, must be how these roots and resources are numbered (see
    /// `TreeNumbering`).
    public init(roots: [Topic], resources: ResourceTable, warnings: [ContentWarning], numbering: TreeNumbering? = nil) {
        self.roots = roots
        self.resources = resources
        self.warnings = warnings
        self.numbering = numbering
    }

    /// Every topic, depth-first, with its path of ancestors.
    public func forEachTopic(_ body: (Topic, _ path: [Topic]) -> Void) {
        for root in roots { root.forEach(body) }
    }

    /// Resource IDs under a topic (itself and below), each once, in curriculum order.
    public func resourceIDs(under topic: Topic) -> [String] {
        var seen = Set<String>()
        var ids: [String] = []
        // Not `Topic.forEach`: the path it builds for every topic would cost more than the walk.
        func visit(_ node: Topic) {
            for id in node.resourceIDs where seen.insert(id).inserted { ids.append(id) }
            for child in node.children { visit(child) }
        }
        visit(topic)
        return ids
    }

    /// Resources whose normalised URL is listed more than once, with every place.
    public var duplicates: [Resource] {
        resources.values
            .filter { $0.occurrenceCount > 1 }
            .sorted { ($0.source.file, $0.source.line) < ($1.source.file, $1.source.line) }
    }

    /// Topics with nothing to study or read, that are leaves of the tree.
    public var emptyTopics: [Topic] {
        var result: [Topic] = []
        func visit(_ topic: Topic) {
            if topic.children.isEmpty && topic.isEmpty { result.append(topic) }
            topic.children.forEach(visit)
        }
        roots.forEach(visit)
        return result
    }

    public var topicCount: Int {
        func count(_ topic: Topic) -> Int { 1 + topic.children.reduce(0) { $0 + count($1) } }
        return roots.reduce(0) { $0 + count($1) }
    }
}
