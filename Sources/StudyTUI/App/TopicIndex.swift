import StudyCore

/// The loaded notes indexed for the dashboard: every topic as a numbered node (parent, depth,
/// children, path) so that the tree view moves by integers. The numbers are the core's
/// `ItemIndex` numbers, and everything about a node is read from that index when asked: one
/// numbering, one table of IDs, no copy of the tree. A value, built once from a `ContentTree`
/// and never changed.
public struct TopicIndex: Sendable {
    /// A topic's place in the tree, read from the index when asked for.
    public struct Node: Sendable {
        public let topic: Topic
        public let parent: Int?
        public let depth: Int
        private let number: Int
        private let items: ItemIndex

        fileprivate init(_ number: Int, in items: ItemIndex) {
            self.number = number
            self.items = items
            topic = items.topic(number: number)
            parent = items.parent(of: number)
            depth = items.depth(of: number)
        }

        public var children: [Int] { items.children(of: number) }
        /// Whether the topic has sub-topics, known without listing them.
        public var hasChildren: Bool { items.subtreeEnd(of: number) > number + 1 }
        /// Titles from the top-most root down to this topic.
        public var path: [String] { items.titles(of: number) }
    }

    /// Every node, in the index's order (depth-first, parents first).
    public struct Nodes: RandomAccessCollection, Sendable {
        fileprivate let items: ItemIndex
        public var startIndex: Int { 0 }
        public var endIndex: Int { items.topicCount }
        public subscript(number: Int) -> Node { Node(number, in: items) }
    }

    public let tree: ContentTree
    public let roots: [Int]
    /// Where each item sits, for breadcrumbs (the same index the session and `show` use).
    let items: ItemIndex

    /// `items` must be the index of `tree`.
    public init(tree: ContentTree, items: ItemIndex) {
        self.tree = tree
        self.items = items
        roots = items.rootNumbers
    }

    public var nodes: Nodes { Nodes(items: items) }

    public func index(ofTopic id: String) -> Int? { items.topicNumber(id: id) }

    /// A node's parent, read straight from the index: walks up the tree (a search placing
    /// 100,000 hits) would otherwise make a whole `Node`, its topic copied, at every step.
    public func parent(of node: Int) -> Int? { items.parent(of: node) }

    /// Titles from the root to the topic that first lists the resource.
    public func path(ofResource id: String) -> [String] {
        items.homeNumber(ofResource: id).map(items.titles(of:)) ?? []
    }

    /// The node of the topic that first lists the resource.
    public func node(ofResource id: String) -> Int? { items.homeNumber(ofResource: id) }

    /// The title of a resource or topic in the notes, nil for an ID they no longer hold.
    public func title(of id: String) -> String? {
        tree.resources[id]?.title ?? index(ofTopic: id).map { items.topic(number: $0).title }
    }
}
