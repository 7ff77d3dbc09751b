import GRDB
import StudyCore

/// Revisits of finished topics in the log: recording one, and reading back what the revisit
/// ladder is made from (when each status was set, and the revisits that stand).
extension ProgressStore {
    /// Appends a revisit of `topic` to the log as a change of its own, so that `undo` takes it back.
    public func recordRevisit(of topic: KnownItem) throws(StoreError) {
        try write { db in
            let log = ChangeLog(db: db, at: clock.now())
            try log.append(topic.id, .revisit, old: nil, new: nil)
            try Self.remember(db, topic, at: log.at)
        }
    }

    /// Every revisit that stands (neither undone nor itself an undo), oldest first.
    public func revisits() throws(StoreError) -> [(at: Timestamp, topicID: String)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT at, item_id FROM \(Self.eventsReadOneByOne)
                  AND kind = 'revisit' AND undoes IS NULL
                  AND NOT EXISTS (SELECT 1 FROM event AS undo WHERE undo.undoes = event.change_id)
                ORDER BY at, rowid
                """)
            return try rows.map { row in
                let stored = StoredRow(row, from: "event")
                return (try stored.time("at"), try stored.text("item_id"))
            }
        }
    }
}
