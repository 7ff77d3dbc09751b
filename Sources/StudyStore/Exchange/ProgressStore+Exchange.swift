import GRDB
import StudyCore

/// Export and import: the whole store as a `ProgressDocument`, and merging one in.
extension ProgressStore {
    /// A consistent copy of everything, read in one transaction.
    public func document() throws(StoreError) -> ProgressDocument {
        let exportedAt = clock.now()
        return try read { db in
            let events = try Self.fetchEvents(db)
            return ProgressDocument(
                schemaVersion: ProgressDocument.version(for: events), exportedAt: exportedAt,
                states: try Self.fetchStates(db).sorted { $0.itemID < $1.itemID },
                annotations: try Self.fetchAnnotations(db).sorted { $0.itemID < $1.itemID },
                events: events,
                items: try Row.fetchAll(db, sql: "SELECT * FROM known_item ORDER BY id").map(Self.knownItem))
        }
    }

    /// Merges a document in one transaction: for each item the newer value wins (on a tie the
    /// local one stays), events are united by their unique ID, and nothing is ever deleted. The
    /// import itself writes no events, so importing the same file twice changes nothing.
    public func merge(_ document: ProgressDocument) throws(StoreError) -> MergeSummary {
        // A note's text also lives in the log, where undo takes it back from: both are checked.
        for annotation in document.annotations { try Self.checkNoteText(annotation.text, of: annotation.itemID) }
        for event in document.events where event.kind == .annotation {
            try Self.checkNoteText(event.old, of: event.itemID)
            try Self.checkNoteText(event.new, of: event.itemID)
        }
        return try write { db in
            var summary = MergeSummary()
            for state in document.states {
                let local = try Row.fetchOne(db, sql: "SELECT updated_at FROM item_state WHERE item_id = ?",
                                             arguments: [state.itemID])
                if let local, state.updatedAt <= (try StoredRow(local, from: "item_state").time("updated_at")) { continue }
                try Self.putStatus(db, state.itemID, state.status, at: state.updatedAt, exact: true)
                summary.states += 1
            }
            for annotation in document.annotations {
                let local = try Self.storedAnnotation(db, annotation.itemID)
                if let local, annotation.updatedAt <= local.updatedAt { continue }
                try Self.putAnnotation(db, annotation.itemID, annotation.text, at: annotation.updatedAt,
                                       createdAt: min(annotation.createdAt, local?.createdAt ?? annotation.createdAt), exact: true)
                summary.annotations += 1
            }
            for event in document.events {
                if try ChangeLog.insert(event, into: db) { summary.events += 1 }
            }
            for item in document.items {
                let local = try Row.fetchOne(db, sql: "SELECT seen_at FROM known_item WHERE id = ?", arguments: [item.id])
                if let local, item.seenAt <= (try StoredRow(local, from: "known_item").time("seen_at")) { continue }
                try Self.remember(db, item, at: item.seenAt)
                summary.items += 1
            }
            return summary
        }
    }
}
