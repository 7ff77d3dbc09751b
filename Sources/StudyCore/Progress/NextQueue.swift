/// The next resources to study, in curriculum order: those being learned first, then those to do.
public enum NextQueue {
    public static func resources(in tree: ContentTree, progress: LearnerProgress, under topic: Topic? = nil,
                                 limit: Int) -> [Resource] {
        var learning: [Resource] = []
        var todo: [Resource] = []
        let ids = topic.map { tree.resourceIDs(under: $0) } ?? tree.roots.flatMap { tree.resourceIDs(under: $0) }
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted {
            guard let resource = tree.resources[id] else { continue }
            switch progress.status(of: resource) {
            case .learning: learning.append(resource)
            case .todo: if todo.count < limit { todo.append(resource) }
            case .done, .skipped: break
            }
        }
        return Array((learning + todo).prefix(max(0, limit)))
    }
}
