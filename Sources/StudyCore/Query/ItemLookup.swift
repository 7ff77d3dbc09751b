import StudyText

/// Finds the topic or resource a user means by an ID, a unique ID prefix, a URL, or a title:
/// the one rule every command that takes an ITEM follows.
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
    private var topics: [(topic: Topic, path: [Topic])] = []
    private var topicIndex: [String: Int] = [:]
    /// For each resource, the titles down to the first topic that lists it.
    private var resourcePlaces: [String: [String]] = [:]

    public init(tree: ContentTree) {
        self.tree = tree
        tree.forEachTopic { topic, path in
            topicIndex[topic.id] = topics.count
            topics.append((topic, path))
            let titles = path.map(\.title) + [topic.title]
            for id in topic.resourceIDs where resourcePlaces[id] == nil { resourcePlaces[id] = titles }
        }
    }

    /// Where an item sits, as titles from the root down: a topic's parents, or the topic that
    /// first lists a resource (with its parents).
    public func place(of item: Item) -> [String] {
        switch item {
        case .topic(_, let path): path.map(\.title)
        case .resource(let resource): resourcePlaces[resource.id] ?? []
        }
    }

    /// The shortest prefix of an ID that a lookup accepts.
    public static let minimumPrefix = 3

    public func find(_ query: String) -> Result {
        let query = query.trimmingWhitespace()
        guard !query.isEmpty else { return .notFound }
        if let item = item(id: query) { return .found(item) }

        if URLNormalizer.isResourceLink(query) {
            let id = StableID.resource(normalizedURL: URLNormalizer.normalize(query))
            if let resource = tree.resources[id] { return .found(.resource(resource)) }
        }

        let lower = query.lowercased()
        if lower.count >= Self.minimumPrefix, lower.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            let byPrefix = allItems().filter { $0.id.hasPrefix(lower) }
            if byPrefix.count == 1 { return .found(byPrefix[0]) }
            if byPrefix.count > 1 { return .ambiguous(byPrefix) }
        }

        var exact = allItems().filter { $0.title.lowercased() == lower }
        // A topic and the resource it is named after often share a title ("Kubernetes"); the
        // topic is what a user means, and the resource stays reachable by its ID or URL.
        if exact.contains(where: \.isTopic) { exact = exact.filter(\.isTopic) }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        let partial = allItems().filter { $0.title.lowercased().contains(lower) }
        if partial.count == 1 { return .found(partial[0]) }
        if partial.count > 1 { return .ambiguous(partial) }
        return .notFound
    }

    public func item(id: String) -> Item? {
        if let index = topicIndex[id] { return .topic(topics[index].topic, path: topics[index].path) }
        if let resource = tree.resources[id] { return .resource(resource) }
        return nil
    }

    /// Topics in tree order, then resources in the order they first appear.
    private func allItems() -> [Item] {
        var items = topics.map { Item.topic($0.topic, path: $0.path) }
        var seen = Set<String>()
        for (topic, _) in topics {
            for id in topic.resourceIDs where seen.insert(id).inserted {
                if let resource = tree.resources[id] { items.append(.resource(resource)) }
            }
        }
        return items
    }
}
