/// The next resources to study, in curriculum order: those being learned first, then those to do.
/// Given a place (where the learner last was), the ones to do start there and wrap around.
public enum NextQueue {
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
        // resource is fetched only when it is one: a curriculum may hold 100,000 of them.
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
