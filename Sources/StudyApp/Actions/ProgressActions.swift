import StudyCore
import StudyStore

/// The changes a learner makes, shared by the command line and the dashboard: each is one store
/// transaction, followed by a read of what the store now holds for the items it touched, and
/// returns what happened as a value (see ProgressOutcomes) for the front end to put into words.
extension StudySession {
    /// Sets `status` on these resources (IDs not in the notes are ignored).
    public func mark(_ status: Status, resourceIDs ids: [String]) throws(ActionError) -> MarkOutcome {
        try mark(status, resources: ids.compactMap { tree.resources[$0] })
    }

    /// Sets `status` on every resource these items stand for (a topic: all under it), each once.
    public func mark(_ status: Status, items: [ItemLookup.Item]) throws(ActionError) -> MarkOutcome {
        var seen = Set<String>()
        return try mark(status, resources: items.flatMap(resources).filter { seen.insert($0.id).inserted })
    }

    public func mark(_ status: Status, resources: [Resource]) throws(ActionError) -> MarkOutcome {
        let ids = resources.map(\.id)
        do {
            let changed = try store.setStatus(status, items: resources.map(known),
                                              fallback: LearnerProgress.statusesInNotes(of: resources))
            return MarkOutcome(status: status, requested: ids, changed: changed, fresh: try progress(of: ids))
        } catch {
            throw .store(error)
        }
    }

    /// Saves the annotation of a topic or resource; nil (or only blanks) deletes it. The store
    /// trims trailing blanks and refuses what it cannot keep (too large, a NUL).
    public func annotate(_ text: String?, itemID id: String) throws(ActionError) -> AnnotationOutcome {
        guard let item = lookup.item(id: id) else { throw .notInNotes(id: id) }
        do {
            let changed = try store.setAnnotation(text, item: known(item))
            let fresh = try store.progress(of: [id])
            return AnnotationOutcome(itemID: id, title: item.title, changed: changed,
                                     deleted: fresh.annotation(of: id) == nil, fresh: fresh)
        } catch {
            throw .store(error)
        }
    }

    /// Reverts the newest change not yet undone (whoever made it); nil when there is none.
    public func undo() throws(ActionError) -> UndoOutcome? {
        do {
            guard let result = try store.undo() else { return nil }
            let ids = Set(result.events.map(\.itemID))
            return UndoOutcome(events: result.events, fresh: try progress(of: Array(ids)))
        } catch {
            throw .store(error)
        }
    }
}
