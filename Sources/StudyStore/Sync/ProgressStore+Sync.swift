import GRDB
import StudyCore

/// The store's side of sync (the v6 tables): this device's ID, the events it has not yet written
/// to its file, and merging another device's batch with the rules `import` has — events united by
/// their unique ID, for each item the newer value wins, equal times going to the greater device
/// ID, a cleared value being a value like any other — plus how far each device's file was read.
extension ProgressStore {
    /// This device, made once per store by the v6 migration.
    public func syncSelf() throws(StoreError) -> SyncSelf {
        try read(Self.syncSelf)
    }

    static func syncSelf(_ db: Database) throws -> SyncSelf {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, sent_rowid, sent_events, file_bytes FROM sync_device") else {
            throw UnreadableValue(table: "sync_device", column: "id", found: "missing", expected: "a device ID")
        }
        let stored = StoredRow(row, from: "sync_device")
        return SyncSelf(device: try stored.text("id"), sentRowid: try stored.integer("sent_rowid"),
                        sentEvents: Int(try stored.integer("sent_events")), fileBytes: try stored.integer("file_bytes"))
    }

    /// This device's own events not yet written to its file (those merged from other devices are
    /// in theirs), with the current value of every item they touch.
    public func syncOutbox() throws(StoreError) -> SyncOutbox {
        try read { db in
            let me = try Self.syncSelf(db)
            var batch = SyncBatch()
            var lastRowid = me.sentRowid
            var touched: [String] = []
            var seen: Set<String> = []
            func touch(_ id: String?) {
                if let id, seen.insert(id).inserted { touched.append(id) }
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT rowid, * FROM event
                WHERE rowid > ? AND NOT EXISTS (SELECT 1 FROM sync_event_origin AS o WHERE o.uid = event.uid)
                ORDER BY rowid
                """, arguments: [me.sentRowid])
            while let row = try rows.next() {
                let event = try Self.event(row)
                batch.events.append(event)
                lastRowid = row["rowid"]
                touch(event.itemID)
                if event.kind == .relink {
                    touch(event.old)
                    touch(event.new)
                }
            }
            let origin = try db.cachedStatement(sql: "SELECT device FROM sync_value_origin WHERE item_id = ? AND kind = ?")
            let known = try db.cachedStatement(sql: "SELECT * FROM known_item WHERE id = ?")
            for id in touched {
                if let state = try Self.storedState(db, id) {
                    let device = try String.fetchOne(origin, arguments: [id, "status"]) ?? me.device
                    batch.states.append(FromDevice(state, device: device))
                }
                if let annotation = try Self.storedAnnotation(db, id) {
                    let device = try String.fetchOne(origin, arguments: [id, "note"]) ?? me.device
                    batch.annotations.append(FromDevice(annotation, device: device))
                }
                if let item = try Row.fetchOne(known, arguments: [id]).map(Self.knownItem) { batch.items.append(item) }
            }
            return SyncOutbox(batch: batch, lastRowid: lastRowid)
        }
    }

    /// Records that this device's file now holds its log up to `rowid` and is `fileBytes` long.
    public func markSent(upTo rowid: Int64, events: Int, fileBytes: Int64) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE sync_device SET sent_rowid = MAX(sent_rowid, ?), sent_events = sent_events + ?, file_bytes = ?
                """, arguments: [rowid, events, fileBytes])
        }
    }

    /// This device's file lost what it held (deleted, or replaced by an older copy): the whole
    /// log is written again on the next sync. Repeating events is harmless, since merges unite them.
    public func resendEverything() throws(StoreError) {
        try write { db in try db.execute(sql: "UPDATE sync_device SET sent_rowid = 0, sent_events = 0, file_bytes = 0") }
    }

    /// Every other device merged so far, by ID.
    public func syncPeers() throws(StoreError) -> [SyncPeer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_peer ORDER BY id").map { row in
                let stored = StoredRow(row, from: "sync_peer")
                return SyncPeer(device: try stored.text("id"),
                                cursor: SyncCursor(bytes: try stored.integer("read_bytes"),
                                                   lines: Int(try stored.integer("read_lines")),
                                                   tailHash: try stored.text("tail_hash"),
                                                   events: Int(try stored.integer("events"))),
                                mergedAt: try stored.time("merged_at"))
            }
        }
    }

    /// Merges one batch read from `device`'s file and records how far the file was read, in one
    /// transaction: a sync that stops half-way leaves the cursor where the store is. Merging the
    /// same batch again changes nothing.
    public func mergeSync(_ batch: SyncBatch, from device: String, cursor: SyncCursor) throws(StoreError) -> MergeSummary {
        for annotation in batch.annotations { try Self.checkNoteText(annotation.value.text, of: annotation.value.itemID) }
        for event in batch.events where event.kind == .annotation {
            try Self.checkNoteText(event.old, of: event.itemID)
            try Self.checkNoteText(event.new, of: event.itemID)
        }
        try allowLargeCache()
        return try write { db in
            let me = try Self.syncSelf(db)
            // Whether this device has events not yet in its file, below the ones about to come in.
            let unsent = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM event
                               WHERE rowid > ? AND NOT EXISTS (SELECT 1 FROM sync_event_origin AS o WHERE o.uid = event.uid))
                """, arguments: [me.sentRowid]) ?? true
            let summary = try merge(batch, from: device, me: me.device, db)
            // None: every event so far is in a file, so the next outbox starts after the merged
            // ones instead of stepping over each of them again at every sync.
            if !unsent { try db.execute(sql: "UPDATE sync_device SET sent_rowid = (SELECT IFNULL(MAX(rowid), 0) FROM event)") }
            try db.execute(sql: """
                INSERT INTO sync_peer (id, read_bytes, read_lines, tail_hash, events, merged_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET read_bytes = excluded.read_bytes, read_lines = excluded.read_lines,
                    tail_hash = excluded.tail_hash, events = excluded.events, merged_at = excluded.merged_at
                """, arguments: [device, cursor.bytes, cursor.lines, cursor.tailHash, cursor.events, clock.now().milliseconds])
            return summary
        }
    }

    private func merge(_ batch: SyncBatch, from device: String, me: String, _ db: Database) throws -> MergeSummary {
        var summary = MergeSummary()
        let origin = try db.cachedStatement(sql: "INSERT OR IGNORE INTO sync_event_origin (uid, device) VALUES (?, ?)")
        for event in batch.events {
            guard try ChangeLog.insert(event, into: db) else { continue }
            try origin.execute(arguments: [event.uid, device])
            summary.events += 1
        }
        for incoming in batch.states {
            let state = incoming.value
            if let local = try Self.storedState(db, state.itemID) {
                let localDevice = try Self.valueOrigin(db, state.itemID, "status") ?? me
                if (state.updatedAt, incoming.device) <= (local.updatedAt, localDevice) { continue }
            }
            try Self.putStatus(db, state.itemID, state.status, at: state.updatedAt, exact: true)
            try Self.setValueOrigin(db, state.itemID, "status", incoming.device, me: me)
            summary.states += 1
        }
        for incoming in batch.annotations {
            let annotation = incoming.value
            let local = try Self.storedAnnotation(db, annotation.itemID)
            if let local {
                let localDevice = try Self.valueOrigin(db, annotation.itemID, "note") ?? me
                if (annotation.updatedAt, incoming.device) <= (local.updatedAt, localDevice) { continue }
            }
            try Self.putAnnotation(db, annotation.itemID, annotation.text, at: annotation.updatedAt,
                                   createdAt: min(annotation.createdAt, local?.createdAt ?? annotation.createdAt), exact: true)
            try Self.setValueOrigin(db, annotation.itemID, "note", incoming.device, me: me)
            summary.annotations += 1
        }
        for item in batch.items {
            let local = try Row.fetchOne(db, sql: "SELECT seen_at FROM known_item WHERE id = ?", arguments: [item.id])
            if let local, item.seenAt <= (try StoredRow(local, from: "known_item").time("seen_at")) { continue }
            try Self.remember(db, item, at: item.seenAt)
            summary.items += 1
        }
        return summary
    }

    /// A first sync inserts tens of thousands of events, each into indexes keyed by random IDs:
    /// with SQLite's 2 MB page cache, nearly every insert spilled and re-read pages (a first
    /// sync of 100,000 events spent ten seconds waiting on the disk). 64 MB keeps them in memory;
    /// it is only taken as it is used.
    private func allowLargeCache() throws(StoreError) {
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        } catch {
            throw .database(path: path, reason: Self.describe(error))
        }
    }

    private static func valueOrigin(_ db: Database, _ id: String, _ kind: String) throws -> String? {
        let statement = try db.cachedStatement(sql: "SELECT device FROM sync_value_origin WHERE item_id = ? AND kind = ?")
        return try String.fetchOne(statement, arguments: [id, kind])
    }

    /// Run after the value was written (whose trigger cleared the origin): a value from this
    /// device, relayed back by another, keeps no origin row.
    private static func setValueOrigin(_ db: Database, _ id: String, _ kind: String, _ device: String, me: String) throws {
        guard device != me else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO sync_value_origin (item_id, kind, device) VALUES (?, ?, ?)
            """)
        try statement.execute(arguments: [id, kind, device])
    }
}
