import GRDB
import StudyCore

/// Export and import: the whole store as a `ProgressDocument`, and merging one in.
extension ProgressStore {
    /// A consistent copy of everything, read in one transaction.
    public func document() throws(StoreError) -> ProgressDocument {
        let exportedAt = clock.now()
        return try read { db in
            ProgressDocument(
                schemaVersion: Schema.version, exportedAt: exportedAt,
                states: try Self.fetchStates(db).sorted { $0.itemID < $1.itemID },
                annotations: try Self.fetchAnnotations(db).sorted { $0.itemID < $1.itemID },
                events: try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY at, rowid").map(Self.event),
                items: try Row.fetchAll(db, sql: "SELECT * FROM known_item ORDER BY id").map(Self.knownItem))
        }
    }

    /// Merges a document in one transaction: for each item the newer value wins (on a tie the
    /// local one stays), events are united by their unique ID, and nothing is ever deleted. The
    /// import itself writes no events, so importing the same file twice changes nothing.
    public func merge(_ document: ProgressDocument) throws(StoreError) -> MergeSummary {
        // A note's text also lives in the log, where undo takes it back from: both are checked.
        for annotation in document.annotations { try Self.checkNoteText(annotation.text, of: annotation.itemID) }
        for event in document.events where event.kind == .note {
            try Self.checkNoteText(event.old, of: event.itemID)
            try Self.checkNoteText(event.new, of: event.itemID)
        }
        return try write { db in
            var summary = MergeSummary()
            for state in document.states {
                let local = try Row.fetchOne(db, sql: "SELECT updated_at FROM item_state WHERE item_id = ?",
                                             arguments: [state.itemID])
                if let local, state.updatedAt <= (try StoredRow(local, from: "item_state").time("updated_at")) { continue }
                try Self.putStatus(db, state.itemID, state.status, at: state.updatedAt)
                summary.states += 1
            }
            for annotation in document.annotations {
                let row = try Row.fetchOne(db, sql: "SELECT item_id, text, created_at, updated_at FROM annotation WHERE item_id = ?",
                                           arguments: [annotation.itemID])
                let local = try row.map(Self.annotation)
                if let local, annotation.updatedAt <= local.updatedAt { continue }
                let created = min(annotation.createdAt.milliseconds, local?.createdAt.milliseconds ?? .max)
                try db.execute(sql: """
                    INSERT INTO annotation (item_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, created_at = excluded.created_at,
                        updated_at = excluded.updated_at
                    """, arguments: [annotation.itemID, annotation.text, created, annotation.updatedAt.milliseconds])
                summary.annotations += 1
            }
            let insertEvent = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO event (uid, change_id, item_id, kind, old_value, new_value, at, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for event in document.events {
                try insertEvent.execute(arguments: [event.uid, event.change, event.itemID, event.kind.rawValue,
                                                    event.old, event.new, event.at.milliseconds, event.undoes])
                summary.events += db.changesCount
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
