/// Where each item of the notes sits, found in one walk of the tree: every topic numbered
/// depth-first (parents before children) with its parent's number, and every listing of a
/// resource in tree order, so that "where is this?" is answered by integers. The one answer for
/// lookups, the session, the reports and the dashboard (whose tree nodes are these numbers), so
/// that a breadcrumb, a stored topic path and a `show` listing can never disagree.
///
/// Flat arrays rather than a copy of the tree per question: a big folder has fifty thousand
/// topics, and a path or a list of positions kept per item cost more memory and start-up time
/// than the walk that finds them when asked.
public struct ItemIndex: Sendable {
    /// A topic and the topics above it, from the root down (found when asked, by parent numbers).
    public struct Place: Sendable {
        /// Where the topic is in `topics`.
        public let number: Int
        public let topic: Topic
        fileprivate let table: TopicTable

        /// The topics above this one, from the root down.
        public var path: [Topic] { table.ancestors(of: number).map { table.topics[$0] } }

        /// Titles from the root down to the topic itself.
        public var titles: [String] { table.titles(of: number) }
    }

    /// Every topic, depth-first, parents before children, as places.
    public struct Topics: RandomAccessCollection, Sendable {
        fileprivate let table: TopicTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.topics.count }
        public subscript(number: Int) -> Place { Place(number: number, topic: table.topics[number], table: table) }
    }

    /// One reference: the index is copied into every place and node it hands out.
    private let table: TopicTable

    public init(tree: ContentTree) {
        table = TopicTable(tree: tree)
    }

    /// The loaded notes this index was made from.
    public var tree: ContentTree { table.tree }

    /// Every topic, depth-first, parents before children.
    public var topics: Topics { Topics(table: table) }
    /// Resources in the order they are first listed (curriculum order): a resource's number is
    /// its position here.
    public var resourceIDs: [String] { table.resourceIDs }

    public func topic(id: String) -> Place? { topicNumber(id: id).map { topics[$0] } }

    /// Where a topic is in `topics`.
    public func topicNumber(id: String) -> Int? { table.topicNumber[id].map(Int.init) }

    /// Where the first topic that lists a resource is in `topics`.
    public func homeNumber(ofResource id: String) -> Int? { resourceNumber(id: id).map(homeNumber(ofResourceNumber:)) }

    /// The topics that list a resource, in tree order (one resource may sit under several).
    public func topics(listing resourceID: String) -> [Place] {
        guard let resource = table.resourceNumber(id: resourceID).map(Int32.init) else { return [] }
        // A resource's other listings are rare and asked for by one report: found by a scan of
        // the listings rather than kept for every resource.
        var found: [Int] = []
        var topic = 0
        for (at, listed) in table.listed.enumerated() where listed == resource {
            while Int(table.listingEnd[topic]) <= at { topic += 1 }
            if found.last != topic { found.append(topic) }
        }
        return found.map { topics[$0] }
    }

    /// The first topic that lists a resource: where it is shown and remembered as being.
    public func home(ofResource id: String) -> Place? { homeNumber(ofResource: id).map { topics[$0] } }

    /// Titles from the root down to a topic, or to the home topic of a resource; nil for an ID
    /// the notes do not place.
    public func trail(of id: String) -> [String]? {
        guard let number = topicNumber(id: id) ?? homeNumber(ofResource: id) else { return nil }
        return table.titles(of: number)
    }

    /// Every placed item: topics in tree order, then resources as first listed.
    public var itemIDs: [String] { table.topics.map(\.id) + table.resourceIDs }

    public var itemCount: Int { table.topics.count + table.resourceIDs.count }

    public func contains(_ id: String) -> Bool { table.topicNumber[id] != nil || table.resourceNumber(id: id) != nil }

    // MARK: By number

    public var topicCount: Int { table.topics.count }

    /// The numbers of the topics at the top of the tree (one per notes folder).
    public var rootNumbers: [Int] { table.children(of: nil) }

    public func topic(number: Int) -> Topic { table.topics[number] }

    public func parent(of number: Int) -> Int? {
        let parent = table.parent[number]
        return parent < 0 ? nil : Int(parent)
    }

    /// How many topics are above this one (0 for a root).
    public func depth(of number: Int) -> Int { Int(table.depth[number]) }

    /// The numbers of a topic's children, in order.
    public func children(of number: Int) -> [Int] { table.children(of: number) }

    /// One past the last topic of a topic's subtree: the subtree is `number..<subtreeEnd(of:)`.
    public func subtreeEnd(of number: Int) -> Int { Int(table.subtreeEnd[number]) }

    /// Titles from the root down to the topic itself.
    public func titles(of number: Int) -> [String] { table.titles(of: number) }

    /// A resource's position in `resourceIDs`.
    public func resourceNumber(id: String) -> Int? { table.resourceNumber(id: id) }

    /// The resource with this number (a position in `resourceIDs`), read without hashing its ID;
    /// nil for an ID a topic lists that the tree holds no resource for.
    public func resource(number: Int) -> Resource? { withResource(number: number) { $0 } }

    /// Reads the resource with this number where the tree keeps it, without copying it (the
    /// rollup reads two fields of every resource after every change); nil as `resource(number:)`.
    public func withResource<T>(number: Int, _ body: (Resource) -> T) -> T? {
        let position = table.resourcePosition[number].map(Int.init) ?? number
        guard position >= 0 else { return nil }
        return body(table.tree.resources.values[position])
    }

    /// Where the first topic that lists the resource with this number is in `topics`.
    public func homeNumber(ofResourceNumber number: Int) -> Int { Int(table.home[number]) }

    /// The numbers of the resources listed at or below a topic, each once, in the order the
    /// subtree lists them (as `ContentTree.resourceIDs(under:)`).
    public func resourceNumbers(under number: Int) -> [Int] {
        let listings = table.listings(under: number)
        var numbers: [Int] = []
        numbers.reserveCapacity(listings.count)
        // Within one topic's subtree a resource first seen at or after its home's listings is
        // new: a stamp per resource would cost a pass over all of them for each question.
        var seen = Set<Int32>()
        for at in listings {
            let resource = table.listed[at]
            if Int(table.firstListing[Int(resource)]) >= listings.lowerBound {
                // Listed first inside this subtree: the first listing is the one met first here.
                if Int(table.firstListing[Int(resource)]) == at { numbers.append(Int(resource)) }
            } else if seen.insert(resource).inserted {
                numbers.append(Int(resource))
            }
        }
        return numbers
    }

    /// Every listing in tree order, as resource numbers: a topic's own listings are
    /// `listings(of:)`, its subtree's one run from its own to its last descendant's.
    public var listedResources: [Int32] { table.listed }

    /// Where a topic's own listings are in `listedResources`.
    public func listings(of number: Int) -> Range<Int> {
        Int(table.listingStart(of: number))..<Int(table.listingEnd[number])
    }

    /// Where the listings of a topic and everything below it are in `listedResources`.
    public func listings(under number: Int) -> Range<Int> { table.listings(under: number) }
}

/// The arrays behind `ItemIndex`: made once, never changed, shared by every copy of the index
/// and every place it hands out.
private final class TopicTable: Sendable {
    let tree: ContentTree
    let topics: [Topic]
    /// Each topic's parent's number, -1 for a root.
    let parent: [Int32]
    let depth: [Int32]
    /// One past each topic's last descendant.
    let subtreeEnd: [Int32]
    let topicNumber: [String: Int32]
    /// Every listing in tree order, as resource numbers.
    let listed: [Int32]
    /// One past each topic's own listings in `listed` (they start where the previous topic's end).
    let listingEnd: [Int32]
    let resourceIDs: [String]
    /// Resource numbers by ID, when they are not the positions in the tree's resource table.
    private let ownResourceNumber: [String: Int32]?
    /// For each resource, its position in the tree's resource table (-1 for none), when that is
    /// not its number; its home topic, and the position of its first listing in `listed`.
    let resourcePosition: ResourcePositions
    let home: [Int32]
    let firstListing: [Int32]

    /// A resource's position in the tree's table by its number: the number itself when the
    /// loader numbered the tree (see `TreeNumbering`).
    struct ResourcePositions: Sendable {
        let positions: [Int32]?
        subscript(number: Int) -> Int32? { positions?[number] }
    }

    init(tree: ContentTree) {
        // The loader's numbering when it fits the tree, else the tree numbered here.
        var builder = Builder(tree: tree, numbering: tree.numbering)
        if !builder.addAll(tree.roots) {
            builder = Builder(tree: tree, numbering: nil)
            _ = builder.addAll(tree.roots)
        }
        self.tree = tree
        topics = builder.topics
        parent = builder.parent
        depth = builder.depth
        subtreeEnd = builder.subtreeEnd
        topicNumber = builder.numbering?.topicNumbers ?? builder.topicNumber
        // The loader's listings are these exactly: one array shared, not a copy kept beside it.
        listed = builder.numbering?.listed ?? builder.listed
        listingEnd = builder.listingEnd
        resourceIDs = builder.resourceIDs
        ownResourceNumber = builder.numbering == nil ? builder.resourceNumber : nil
        resourcePosition = ResourcePositions(positions: builder.numbering == nil ? builder.resourceSlot : nil)
        home = builder.home
        firstListing = builder.firstListing
    }

    func resourceNumber(id: String) -> Int? {
        if let ownResourceNumber { return ownResourceNumber[id].map(Int.init) }
        // Positions past the listed ones belong to resources no topic lists: they have no number.
        guard let position = tree.resources.position(of: id), position < resourceIDs.count else { return nil }
        return position
    }

    private struct Builder {
        let resources: ResourceTable
        /// The loader's numbering, trusted while it fits what is walked.
        let numbering: TreeNumbering?
        var topics: [Topic] = []
        var parent: [Int32] = []
        var depth: [Int32] = []
        var subtreeEnd: [Int32] = []
        var topicNumber: [String: Int32] = [:]
        /// Filled only when the tree is numbered here; otherwise the numbering's listings are
        /// checked where they are, and `cursor` counts them.
        var listed: [Int32] = []
        private var cursor = 0
        var listingEnd: [Int32] = []
        var resourceIDs: [String] = []
        var resourceNumber: [String: Int32] = [:]
        var resourceSlot: [Int32] = []
        var home: [Int32] = []
        var firstListing: [Int32] = []
        /// Whether every listing so far matched the numbering.
        private var fits = true

        init(tree: ContentTree, numbering: TreeNumbering?) {
            resources = tree.resources
            self.numbering = numbering
            let count = tree.resources.count
            resourceIDs.reserveCapacity(count)
            home.reserveCapacity(count)
            firstListing.reserveCapacity(count)
            // Growing a dictionary rehashes every ID in it; the topics are counted first.
            let topicCount = numbering?.topicNumbers.count ?? tree.topicCount
            if numbering == nil {
                listed.reserveCapacity(count)
                resourceNumber.reserveCapacity(count)
                resourceSlot.reserveCapacity(count)
                topicNumber.reserveCapacity(topicCount)
            }
            topics.reserveCapacity(topicCount)
            parent.reserveCapacity(topicCount)
            depth.reserveCapacity(topicCount)
            subtreeEnd.reserveCapacity(topicCount)
            listingEnd.reserveCapacity(topicCount)
        }

        /// Every root and what is below; false when the numbering turned out not to fit.
        mutating func addAll(_ roots: [Topic]) -> Bool {
            for root in roots {
                add(root, parent: -1, depth: 0)
                guard fits else { return false }
            }
            guard let numbering else { return true }
            return cursor == numbering.listed.count && topics.count == numbering.topicNumbers.count
        }

        /// The number in `slot`, or `new` put there when it held none (-1).
        private static func number(_ slot: inout Int32, orNew new: Int32) -> Int32 {
            if slot < 0 { slot = new }
            return slot
        }

        mutating func add(_ topic: Topic, parent up: Int32, depth level: Int32) {
            let number = Int32(topics.count)
            topics.append(topic)
            parent.append(up)
            depth.append(level)
            subtreeEnd.append(0)
            if let numbering {
                // The loader's numbers: no ID hashed. A resource's number is its position in the
                // table, which the loader gave in the order the tree first lists them.
                let start = cursor
                guard start + topic.resourceIDs.count <= numbering.listed.count else {
                    fits = false
                    return
                }
                for at in start..<start + topic.resourceIDs.count {
                    let position = numbering.listed[at]
                    if Int(position) == resourceIDs.count {
                        resourceIDs.append(topic.resourceIDs[at - start])
                        home.append(number)
                        firstListing.append(Int32(at))
                    } else if Int(position) > resourceIDs.count || position < 0 {
                        fits = false
                        return
                    }
                }
                cursor = start + topic.resourceIDs.count
            } else {
                topicNumber[topic.id] = number
                for id in topic.resourceIDs {
                    // One probe of the table per listing, a new ID numbered in it: a big folder lists
                    // a hundred thousand, and a look-up then an insert hashed each new ID twice.
                    let next = Int32(resourceIDs.count)
                    let known = Self.number(&resourceNumber[id, default: -1], orNew: next)
                    if known == next {
                        resourceIDs.append(id)
                        resourceSlot.append(resources.position(of: id).map(Int32.init) ?? -1)
                        home.append(number)
                        firstListing.append(Int32(listed.count))
                    }
                    listed.append(known)
                }
                cursor = listed.count
            }
            listingEnd.append(Int32(cursor))
            for child in topic.children {
                add(child, parent: number, depth: level + 1)
                guard fits else { return }
            }
            subtreeEnd[Int(number)] = Int32(topics.count)
        }
    }

    func listingStart(of number: Int) -> Int32 { number == 0 ? 0 : listingEnd[number - 1] }

    func listings(under number: Int) -> Range<Int> {
        Int(listingStart(of: number))..<Int(listingEnd[Int(subtreeEnd[number]) - 1])
    }

    /// The numbers of a topic's children (of the roots, for nil): each next sibling starts where
    /// the previous one's subtree ends.
    func children(of number: Int?) -> [Int] {
        var children: [Int] = []
        var child = number.map { $0 + 1 } ?? 0
        let end = number.map { Int(subtreeEnd[$0]) } ?? topics.count
        while child < end {
            children.append(child)
            child = Int(subtreeEnd[child])
        }
        return children
    }

    /// The numbers of the topics above one, from the root down.
    func ancestors(of number: Int) -> [Int] {
        var above: [Int] = []
        var current = parent[number]
        while current >= 0 {
            above.append(Int(current))
            current = parent[Int(current)]
        }
        return above.reversed()
    }

    func titles(of number: Int) -> [String] { (ancestors(of: number) + [number]).map { topics[$0].title } }
}
