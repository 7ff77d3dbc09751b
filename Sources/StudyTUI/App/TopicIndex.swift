import StudyCore

/// The loaded notes indexed for the dashboard: every topic as a numbered node (parent, depth,
/// children, path) so that the tree view moves by integers; where each resource is first listed
/// comes from the core's `ItemIndex`, the one place that decides it. A value, built once from a
/// `ContentTree` and never changed.
public struct TopicIndex: Sendable {
    public struct Node: Sendable {
        public var topic: Topic
        public var parent: Int?
        public var depth: Int
        public var children: [Int]
        /// Titles from the top-most root down to this topic.
        public var path: [String]
    }

    public let tree: ContentTree
    public let nodes: [Node]
    public let roots: [Int]
    private let indexByID: [String: Int]
    /// Where each item sits, for breadcrumbs (the same index the session and `show` use).
    let items: ItemIndex

    public init(tree: ContentTree, items: ItemIndex) {
        self.tree = tree
        self.items = items
        var nodes: [Node] = []
        var roots: [Int] = []
        func add(_ topic: Topic, parent: Int?, depth: Int, path: [String]) -> Int {
            let index = nodes.count
            let titles = path + [topic.title]
            nodes.append(Node(topic: topic, parent: parent, depth: depth, children: [], path: titles))
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
    }

    public func index(ofTopic id: String) -> Int? { indexByID[id] }

    /// Titles from the root to the topic that first lists the resource.
    public func path(ofResource id: String) -> [String] {
        items.home(ofResource: id)?.titles ?? []
    }

    /// The node of the topic that first lists the resource.
    public func node(ofResource id: String) -> Int? {
        items.home(ofResource: id).flatMap { index(ofTopic: $0.topic.id) }
    }

    /// The title of a resource or topic in the notes, nil for an ID they no longer hold.
    public func title(of id: String) -> String? {
        tree.resources[id]?.title ?? index(ofTopic: id).map { nodes[$0].topic.title }
    }
}
