/// Where each item of the notes sits, found in one walk of the tree: every topic with its
/// ancestors, in tree order, and for each resource the topics that list it, the first of them its
/// home. The one answer to "where is this?" for lookups, the session and the reports, so that a
/// breadcrumb, a stored topic path and a `show` listing can never disagree.
public struct ItemIndex: Sendable {
    /// A topic and the topics above it, from the root down.
    public struct Place: Sendable {
        public let topic: Topic
        public let path: [Topic]

        /// Titles from the root down to the topic itself.
        public var titles: [String] { path.map(\.title) + [topic.title] }
    }

    /// Every topic, depth-first, parents before children.
    public let topics: [Place]
    /// Resources in the order they are first listed.
    public let resourceIDs: [String]
    private let topicPosition: [String: Int]
    /// For each resource, the positions (in `topics`) of the topics that list it, in tree order.
    private let listings: [String: [Int]]

    public init(tree: ContentTree) {
        var topics: [Place] = []
        var position: [String: Int] = [:]
        var listings: [String: [Int]] = [:]
        listings.reserveCapacity(tree.resources.count)
        var resourceIDs: [String] = []
        resourceIDs.reserveCapacity(tree.resources.count)
        tree.forEachTopic { topic, path in
            let index = topics.count
            topics.append(Place(topic: topic, path: path))
            position[topic.id] = index
            for id in topic.resourceIDs {
                // One lookup per listing: a big folder lists a hundred thousand.
                if let known = listings.index(forKey: id) {
                    if listings.values[known].last != index { listings.values[known].append(index) }
                } else {
                    resourceIDs.append(id)
                    listings[id] = [index]
                }
            }
        }
        self.topics = topics
        self.resourceIDs = resourceIDs
        topicPosition = position
        self.listings = listings
    }

    public func topic(id: String) -> Place? { topicPosition[id].map { topics[$0] } }

    /// Where a topic is in `topics`.
    public func topicNumber(id: String) -> Int? { topicPosition[id] }

    /// Where the first topic that lists a resource is in `topics`.
    public func homeNumber(ofResource id: String) -> Int? { listings[id]?.first }

    /// The topics that list a resource, in tree order (one resource may sit under several).
    public func topics(listing resourceID: String) -> [Place] {
        (listings[resourceID] ?? []).map { topics[$0] }
    }

    /// The first topic that lists a resource: where it is shown and remembered as being.
    public func home(ofResource id: String) -> Place? { listings[id]?.first.map { topics[$0] } }

    /// Titles from the root down to a topic, or to the home topic of a resource; nil for an ID
    /// the notes do not place.
    public func trail(of id: String) -> [String]? {
        (topic(id: id) ?? home(ofResource: id))?.titles
    }

    /// Every placed item: topics in tree order, then resources as first listed.
    public var itemIDs: [String] { topics.map(\.topic.id) + resourceIDs }

    public var itemCount: Int { topics.count + resourceIDs.count }

    public func contains(_ id: String) -> Bool { topicPosition[id] != nil || listings[id] != nil }
}
