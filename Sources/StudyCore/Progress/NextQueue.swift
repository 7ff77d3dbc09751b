/// The next resources to study, in curriculum order: those being learned first, then those to do.
/// Given a place (where the learner last was), the ones to do start there and wrap around.
///
/// Curriculum order is `ItemIndex.resourceIDs`: each resource where it is first listed. Over
/// the whole curriculum the queue is read through the index, so that its cost follows what it
/// shows (the learning ones, and the topics walked until `limit` are found), not the size of the
/// notes: the dashboard view asks for it each time it opens, on notes of 100,000 resources.
public enum NextQueue {
    /// The queue of the whole curriculum.
    public static func resources(in index: ItemIndex, tree: ContentTree, progress: LearnerProgress,
                                 from place: StudyPlace? = nil, limit: Int) -> [Resource] {
        guard limit > 0 else { return [] }
        // Only a stored status says learning, so the stored statuses are looked at, not the notes.
        var learning: [(at: Position, resource: Resource)] = []
        for (id, status) in progress.statuses where status == .learning {
            guard let resource = tree.resources[id], let at = position(of: id, in: index) else { continue }
            learning.append((at, resource))
        }
        learning.sort { $0.at < $1.at }
        let wanted = limit - min(limit, learning.count)
        let start = place.flatMap { startPosition(of: $0, in: index, tree: tree) } ?? Position(topic: 0, offset: 0)
        var todo: [Resource] = []
        let topics = index.topics
        // From the start's topic on, wrapping, and last the start topic's resources before it.
        var step = 0
        while todo.count < wanted && step <= topics.count && !topics.isEmpty {
            let number = (start.topic + step) % topics.count
            let ids = topics[number].topic.resourceIDs
            let offsets = step == 0 ? min(start.offset, ids.count)..<ids.count
                : step == topics.count ? 0..<min(start.offset, ids.count) : ids.indices
            for offset in offsets where todo.count < wanted {
                let id = ids[offset]
                if let stored = progress.statuses[id], stored != .todo { continue }
                guard index.homeNumber(ofResource: id) == number, let resource = tree.resources[id],
                      progress.status(of: resource) == .todo,
                      ids.firstIndex(of: id) == offset else { continue }  // listed twice in one topic: the first
                todo.append(resource)
            }
            step += 1
        }
        return Array((learning.map(\.resource) + todo).prefix(limit))
    }

    /// The queue of the resources under one topic (itself and below), each where the topic's
    /// subtree first lists it.
    public static func resources(in tree: ContentTree, progress: LearnerProgress, under topic: Topic? = nil,
                                 from place: StudyPlace? = nil, limit: Int) -> [Resource] {
        var ids = topic.map { tree.resourceIDs(under: $0) } ?? tree.roots.flatMap { tree.resourceIDs(under: $0) }
        // One topic's IDs are each once already; only several roots can list one twice.
        if topic == nil && tree.roots.count > 1 {
            var seen = Set<String>()
            ids = ids.filter { seen.insert($0).inserted }
        }
        let start = place.flatMap { startIndex(of: $0, in: ids, tree: tree) } ?? 0
        // Only a stored status says learning, so the stored statuses are looked at first and a
        // resource is fetched only when it is one.
        var learning: [Resource] = []
        for id in ids where progress.statuses[id] == .learning {
            if let resource = tree.resources[id] { learning.append(resource) }
        }
        var todo: [Resource] = []
        for offset in ids.indices where todo.count < limit {
            let id = ids[(start + offset) % ids.count]
            if let stored = progress.statuses[id], stored != .todo { continue }
            guard let resource = tree.resources[id], progress.status(of: resource) == .todo else { continue }
            todo.append(resource)
        }
        return Array((learning + todo).prefix(max(0, limit)))
    }

    /// A resource's place in curriculum order: its home topic's number in `ItemIndex.topics`,
    /// then where that topic lists it.
    struct Position: Comparable {
        var topic: Int
        var offset: Int

        static func < (a: Self, b: Self) -> Bool { (a.topic, a.offset) < (b.topic, b.offset) }
    }

    static func position(of id: String, in index: ItemIndex) -> Position? {
        guard let topic = index.homeNumber(ofResource: id),
              let offset = index.topics[topic].topic.resourceIDs.firstIndex(of: id) else { return nil }
        return Position(topic: topic, offset: offset)
    }

    /// Where a place points, as `startIndex` finds it in the list of every resource.
    static func startPosition(of place: StudyPlace, in index: ItemIndex, tree: ContentTree) -> Position? {
        if let resource = place.resourceID, let found = position(of: resource, in: index) { return found }
        for topicID in place.topicPath.reversed() {
            guard let topic = index.topic(id: topicID)?.topic else { continue }
            // The first in curriculum order of those under the topic (one listed earlier
            // elsewhere too counts where it is first listed).
            if let found = tree.resourceIDs(under: topic).compactMap({ position(of: $0, in: index) }).min() {
                return found
            }
        }
        return nil
    }

    /// Where in `ids` a place points: its resource, else the first resource under its topic or
    /// the nearest ancestor still in the notes; nil when nothing of it is left.
    static func startIndex(of place: StudyPlace, in ids: [String], tree: ContentTree) -> Int? {
        if let resource = place.resourceID, let found = ids.firstIndex(of: resource) { return found }
        let topics = self.topics(Set(place.topicPath), in: tree)
        for topicID in place.topicPath.reversed() {
            guard let topic = topics[topicID] else { continue }
            let under = Set(tree.resourceIDs(under: topic))
            if let found = ids.firstIndex(where: under.contains) { return found }
        }
        return nil
    }

    /// The topics of the tree with these IDs, found in one walk that keeps only them.
    private static func topics(_ wanted: Set<String>, in tree: ContentTree) -> [String: Topic] {
        var found: [String: Topic] = [:]
        func visit(_ topic: Topic) {
            if wanted.contains(topic.id) { found[topic.id] = topic }
            for child in topic.children where found.count < wanted.count { visit(child) }
        }
        for root in tree.roots where found.count < wanted.count { visit(root) }
        return found
    }
}
