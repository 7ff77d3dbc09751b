import StudyCore
import StudyStore

/// The same session over another connection to its store: what a read off the run loop uses, so
/// that the loop's own connection stays free for its writes and its look for others' changes.
extension StudySession {
    /// The notes and their lookup as they are (not built again), the store `store`.
    public func reading(from store: ProgressStore) -> StudySession {
        StudySession(tree: tree, store: store, lookup: lookup)
    }

    private init(tree: ContentTree, store: ProgressStore, lookup: ItemLookup) {
        self.tree = tree
        self.store = store
        self.lookup = lookup
    }
}
