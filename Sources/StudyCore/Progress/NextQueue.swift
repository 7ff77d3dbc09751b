/// The next resources to study, in curriculum order: those being learned first, then those to do.
/// Given a place (where the learner last was), the ones to do start there and wrap around.
public enum NextQueue {
    public static func resources(in tree: ContentTree, progress: LearnerProgress, under topic: Topic? = nil,
                                 from place: StudyPlace? = nil, limit: Int) -> [Resource] {
        var learning: [Resource] = []
        var todo: [Resource] = []
        var ids = topic.map { tree.resourceIDs(under: $0) } ?? tree.roots.flatMap { tree.resourceIDs(under: $0) }
        var seen = Set<String>()
        ids = ids.filter { seen.insert($0).inserted }
        let start = place.flatMap { startIndex(of: $0, in: ids, tree: tree) } ?? 0
        for id in ids {
            guard let resource = tree.resources[id] else { continue }
            if progress.status(of: resource) == .learning { learning.append(resource) }
        }
        for id in ids[start...] + ids[..<start] {
            guard let resource = tree.resources[id], progress.status(of: resource) == .todo else { continue }
            todo.append(resource)
            if todo.count >= limit { break }
        }
        return Array((learning + todo).prefix(max(0, limit)))
    }

    /// Where in `ids` a place points: its resource, else the first resource under its topic or
    /// the nearest ancestor still in the notes; nil when nothing of it is left.
    static func startIndex(of place: StudyPlace, in ids: [String], tree: ContentTree) -> Int? {
        if let resource = place.resourceID, let found = ids.firstIndex(of: resource) { return found }
        var topics: [String: Topic] = [:]
        tree.forEachTopic { topic, _ in topics[topic.id] = topic }
        for topicID in place.topicPath.reversed() {
            guard let topic = topics[topicID] else { continue }
            let under = Set(tree.resourceIDs(under: topic))
            if let found = ids.firstIndex(where: under.contains) { return found }
        }
        return nil
    }
}
