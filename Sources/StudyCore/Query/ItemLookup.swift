import StudyText

/// Finds the topic or resource a user means by an ID, a unique ID prefix, a URL (see
/// IDResolver), or a title: the one rule every command that takes an ITEM follows.
public struct ItemLookup {
    public enum Item: Sendable {
        case topic(Topic, path: [Topic])
        case resource(Resource)

        public var id: String {
            switch self {
            case .topic(let topic, _): topic.id
            case .resource(let resource): resource.id
            }
        }

        /// A resource's link; a topic has none.
        public var url: String? {
            if case .resource(let resource) = self { return resource.url }
            return nil
        }

        public var isTopic: Bool {
            if case .topic = self { return true }
            return false
        }

        public var title: String {
            switch self {
            case .topic(let topic, _): topic.title
            case .resource(let resource): resource.title
            }
        }
    }

    public enum Result: Sendable {
        case found(Item)
        case ambiguous([Item])
        case notFound
    }

    private let tree: ContentTree
    /// Where every item sits (see ItemIndex).
    public let index: ItemIndex

    public init(tree: ContentTree, index: ItemIndex? = nil) {
        self.tree = tree
        self.index = index ?? ItemIndex(tree: tree)
    }

    /// Where an item sits, as titles from the root down: a topic's parents, or the topic that
    /// first lists a resource (with its parents).
    public func place(of item: Item) -> [String] {
        switch item {
        case .topic(_, let path): path.map(\.title)
        case .resource(let resource): index.trail(of: resource.id) ?? []
        }
    }

    public func find(_ query: String) -> Result {
        let query = query.trimmingWhitespace()
        guard !query.isEmpty else { return .notFound }
        switch IDResolver.match(query, isID: { item(id: $0) != nil }, candidates: { index.itemIDs }) {
        case .one(let id): if let item = item(id: id) { return .found(item) }
        case .several(let ids): return .ambiguous(ids.compactMap(item(id:)))
        case .none: break
        }

        let lower = query.lowercased()
        var exact = items { $0.lowercased() == lower }
        // A topic and the resource it is named after often share a title ("Kubernetes"); the
        // topic is what a user means, and the resource stays reachable by its ID or URL.
        if exact.contains(where: \.isTopic) { exact = exact.filter(\.isTopic) }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        let partial = items { $0.lowercased().contains(lower) }
        if partial.count == 1 { return .found(partial[0]) }
        if partial.count > 1 { return .ambiguous(partial) }
        return .notFound
    }

    public func item(id: String) -> Item? {
        if let place = index.topic(id: id) { return .topic(place.topic, path: place.path) }
        if let resource = tree.resources[id] { return .resource(resource) }
        return nil
    }

    /// The items whose title is accepted, topics in tree order, then resources in the order
    /// they first appear. Titles are tested before an item is made: a topic's item carries its
    /// path, found when asked, and a big folder has fifty thousand topics.
    private func items(titled accepted: (String) -> Bool) -> [Item] {
        var found: [Item] = []
        for number in 0..<index.topicCount where accepted(index.topic(number: number).title) {
            let place = index.topics[number]
            found.append(.topic(place.topic, path: place.path))
        }
        for id in index.resourceIDs {
            if let resource = tree.resources[id], accepted(resource.title) { found.append(.resource(resource)) }
        }
        return found
    }
}
