import StudyCore
import StudyStore

/// Moving what the store holds under an old ID (an orphan, typically: its resource's URL or its
/// topic's title changed) onto an item in the notes, and finding that old ID the way a user
/// names it: the ID, a link, or a unique start of a stored ID (`IDResolver`).
extension StudySession {
    /// What a name for OLD comes to among the IDs the store holds a status or annotation for.
    public enum StoredMatch: Sendable {
        case found(String)
        /// Several stored IDs start with the name: sorted, each with what the store last knew of it.
        case ambiguous([(id: String, known: KnownItem?)])
        case notFound
    }

    /// Finds the stored ID `query` names (orphans included).
    public func storedID(matching query: String) throws(ActionError) -> StoredMatch {
        do {
            let progress = try store.progress()
            var stored = Set(progress.statuses.keys)
            stored.formUnion(progress.annotations.keys)
            switch IDResolver.match(query, isID: stored.contains, candidates: { stored.sorted() }) {
            case .one(let id): return .found(id)
            case .none: return .notFound
            case .several(let ids):
                let known = try store.knownItems()
                return .ambiguous(ids.map { ($0, known[$0]) })
            }
        } catch {
            throw .store(error)
        }
    }

    /// Moves the status and annotation stored under `oldID` onto the item `itemID` of the notes,
    /// which must hold none of its own. One step for `undo`.
    public func relink(from oldID: String, to itemID: String) throws(ActionError) -> RelinkOutcome {
        guard let item = lookup.item(id: itemID) else { throw .notInNotes(id: itemID) }
        guard itemID != oldID else { throw .sameItem(id: oldID) }
        do {
            try store.relink(from: oldID, to: known(item))
            return RelinkOutcome(oldID: oldID, itemID: itemID, title: item.title,
                                 fresh: try store.progress(of: [oldID, itemID]))
        } catch {
            throw .store(error)
        }
    }
}
