import StudyCore
import StudyStore

/// The notes and the progress store opened together, as every front end needs them: finding
/// items the way a user names them, and describing them to the store.
public struct StudySession {
    public let tree: ContentTree
    public let store: ProgressStore
    public let lookup: ItemLookup

    public init(tree: ContentTree, store: ProgressStore) {
        self.tree = tree
        self.store = store
        lookup = ItemLookup(tree: tree)
    }

    /// Where every item sits: topics with their parents, each resource's home topic.
    public var index: ItemIndex { lookup.index }

    /// The progress of every item in the notes (not of orphans: see `orphanCount`).
    public func progress() throws(StoreError) -> LearnerProgress {
        // The IDs are listed only when the store is read item by item: a big folder's are a
        // hundred and forty thousand strings, a transient peak a new learner never needs.
        try progress(of: { index.itemIDs }, count: index.itemCount, contains: index.contains)
    }

    /// The progress of these items (after a change to them, say).
    public func progress(of ids: [String]) throws(StoreError) -> LearnerProgress {
        guard ids.count > 1 else { return try store.progress(of: ids) }
        let wanted = Set(ids)
        return try progress(of: { ids }, count: wanted.count, contains: wanted.contains)
    }

    /// One lookup per item costs two queries each; when the store holds fewer items than are
    /// asked for (a new learner, a big notes folder, a mark of a whole area), reading it all and
    /// keeping the ones asked for is cheaper.
    private func progress(of ids: () -> [String], count: Int,
                          contains: (String) -> Bool) throws(StoreError) -> LearnerProgress {
        guard try store.storedItemCount(limit: count) < count else { return try store.progress(of: ids()) }
        let all = try store.progress()
        return LearnerProgress(statuses: all.statuses.filter { contains($0.key) },
                               annotations: all.annotations.filter { contains($0.key) })
    }

    /// Stored entries whose item is not in the notes, counted without reading them all.
    public func orphanCount(_ progress: LearnerProgress) throws(StoreError) -> Int {
        var present = Set(progress.statuses.keys)
        present.formUnion(progress.annotations.keys)
        return try store.storedItemCount() - present.count
    }

    /// What the store remembers about an item (see KnownItem).
    public func known(_ item: ItemLookup.Item) -> KnownItem {
        switch item {
        case .topic(let topic, let path):
            KnownItem(id: topic.id, kind: .topic, title: topic.title, url: nil,
                      topicPath: path.map(\.title) + [topic.title], seenAt: store.clock.now())
        case .resource(let resource): known(resource)
        }
    }

    public func known(_ resource: Resource) -> KnownItem {
        KnownItem(id: resource.id, kind: .resource, title: resource.title, url: resource.url,
                  topicPath: index.trail(of: resource.id) ?? [], seenAt: store.clock.now())
    }

    /// The resources an item stands for: itself, or every resource under a topic.
    public func resources(of item: ItemLookup.Item) -> [Resource] {
        switch item {
        case .resource(let resource): [resource]
        case .topic(let topic, _): tree.resourceIDs(under: topic).compactMap { tree.resources[$0] }
        }
    }

    public func isPresent(_ id: String) -> Bool { tree.resources[id] != nil || lookup.item(id: id) != nil }
}
