import GRDB

/// The database schema, as named migrations applied in order. A migration that has shipped is
/// never edited: a change to the schema is a new migration at the end (the v1 fixture test holds
/// this promise).
enum Schema {
    /// Written into the SQLite header (`PRAGMA application_id`), so that a database made by another
    /// program is recognised and refused rather than changed. "SDsh".
    static let applicationID: Int32 = 0x5344_7368

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }()

    /// Every migration, in order. Each is one literal: what shipped is exactly what runs on every
    /// machine, whatever constants the code holds later (MigrationTests pins each text).
    static let migrations: [(identifier: String, sql: String)] = [
        // v1: statuses, annotations and the append-only event log. Times are milliseconds since
        // 1970 UTC. A NULL status or text is a cleared value, kept with its time for merges.
        // 1396994920 is `applicationID`.
        ("v1-progress", """
            PRAGMA application_id = 1396994920;
            CREATE TABLE item_state (
                item_id TEXT PRIMARY KEY NOT NULL,
                status TEXT CHECK (status IN ('todo', 'learning', 'done', 'skipped')),
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE annotation (
                item_id TEXT PRIMARY KEY NOT NULL,
                text TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE event (
                uid TEXT PRIMARY KEY NOT NULL,
                change_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                at INTEGER NOT NULL,
                undoes TEXT
            );
            CREATE INDEX event_by_change ON event(change_id);
            CREATE INDEX event_by_time ON event(at);
            CREATE INDEX event_by_undone_change ON event(undoes) WHERE undoes IS NOT NULL;
            """),

        // v2: what the notes last said about every item the store mentions, so that an orphan
        // (an entry whose resource left the notes) still has a title, URL and place. Items from a
        // v1 database get an empty title until the notes next show them.
        ("v2-known-items", """
            CREATE TABLE known_item (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('resource', 'topic')),
                title TEXT NOT NULL,
                url TEXT,
                topic_path TEXT NOT NULL DEFAULT '[]',
                seen_at INTEGER NOT NULL
            );
            INSERT INTO known_item (id, kind, title, seen_at)
                SELECT item_id, CASE WHEN item_id LIKE 't%' THEN 'topic' ELSE 'resource' END, '', MAX(at)
                FROM (SELECT item_id, updated_at AS at FROM item_state
                      UNION ALL SELECT item_id, updated_at FROM annotation
                      UNION ALL SELECT item_id, at FROM event)
                GROUP BY item_id;
            """),

        // v3: the log takes only the kinds StudyDash writes. Read back, another kind would be
        // a change undo cannot revert; refusing the whole store for it would lose the rest. So
        // such events are moved, as they are, into `event_unrecognised` (kept, never read) and
        // the log is rebuilt with a CHECK (SQLite cannot add one to a table), keeping every
        // rowid, on which the order of the log depends, and every index.
        ("v3-event-kinds", """
            CREATE TABLE event_unrecognised (
                uid TEXT PRIMARY KEY NOT NULL,
                change_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                at INTEGER NOT NULL,
                undoes TEXT
            );
            INSERT INTO event_unrecognised (rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes)
                SELECT rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes FROM event
                WHERE kind NOT IN ('status', 'note', 'relink');
            CREATE TABLE event_checked (
                uid TEXT PRIMARY KEY NOT NULL,
                change_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('status', 'note', 'relink')),
                old_value TEXT,
                new_value TEXT,
                at INTEGER NOT NULL,
                undoes TEXT
            );
            INSERT INTO event_checked (rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes)
                SELECT rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes FROM event
                WHERE kind IN ('status', 'note', 'relink');
            DROP TABLE event;
            ALTER TABLE event_checked RENAME TO event;
            CREATE INDEX event_by_change ON event(change_id);
            CREATE INDEX event_by_time ON event(at);
            CREATE INDEX event_by_undone_change ON event(undoes) WHERE undoes IS NOT NULL;
            """),
    
        // v4: the log also takes `revisit` events (a finished topic revisited). The CHECK of v3
        // cannot be widened in place, so the log is rebuilt as v3 did it, keeping every rowid
        // and every index.
        ("v4-revisit-events", """
            CREATE TABLE event_checked (
                uid TEXT PRIMARY KEY NOT NULL,
                change_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('status', 'note', 'relink', 'revisit')),
                old_value TEXT,
                new_value TEXT,
                at INTEGER NOT NULL,
                undoes TEXT
            );
            INSERT INTO event_checked (rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes)
                SELECT rowid, uid, change_id, item_id, kind, old_value, new_value, at, undoes FROM event;
            DROP TABLE event;
            ALTER TABLE event_checked RENAME TO event;
            CREATE INDEX event_by_change ON event(change_id);
            CREATE INDEX event_by_time ON event(at);
            CREATE INDEX event_by_undone_change ON event(undoes) WHERE undoes IS NOT NULL;
            """),

        // v5: the few events the activity read takes one by one (finishes, revisits, and any
        // kind StudyDash does not write), so that the dashboard view and `stats` read a tenth of
        // a typical log instead of all of it. `ProgressStore.activity()` repeats this WHERE.
        ("v5-activity-index", """
            CREATE INDEX event_read_one_by_one ON event(kind)
                WHERE kind IS NULL OR kind NOT IN ('status', 'note', 'relink') OR new_value = 'done';
            """),

        // v6: sync through a shared folder (Sync/). `sync_device` holds this store's device ID,
        // made once here at random, and how far its own events were written to its file;
        // `sync_peer` how far each other device's file was merged. Which device a merged event or
        // current value came from is kept beside the tables (no column is added to them, so rows
        // written by older code stay valid); a local write of a value clears its origin (the
        // triggers), so a value with no origin row is this device's own.
        ("v6-sync", """
            CREATE TABLE sync_device (
                one INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
                id TEXT NOT NULL,
                sent_rowid INTEGER NOT NULL DEFAULT 0,
                sent_events INTEGER NOT NULL DEFAULT 0,
                file_bytes INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO sync_device (one, id) VALUES (1, lower(hex(randomblob(8))));
            CREATE TABLE sync_peer (
                id TEXT PRIMARY KEY NOT NULL,
                read_bytes INTEGER NOT NULL,
                read_lines INTEGER NOT NULL,
                tail_hash TEXT NOT NULL,
                events INTEGER NOT NULL,
                merged_at INTEGER NOT NULL
            );
            CREATE TABLE sync_event_origin (
                uid TEXT PRIMARY KEY NOT NULL,
                device TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE sync_value_origin (
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('status', 'note')),
                device TEXT NOT NULL,
                PRIMARY KEY (item_id, kind)
            ) WITHOUT ROWID;
            CREATE TRIGGER sync_status_inserted AFTER INSERT ON item_state BEGIN
                DELETE FROM sync_value_origin WHERE item_id = NEW.item_id AND kind = 'status';
            END;
            CREATE TRIGGER sync_status_updated AFTER UPDATE ON item_state BEGIN
                DELETE FROM sync_value_origin WHERE item_id = NEW.item_id AND kind = 'status';
            END;
            CREATE TRIGGER sync_note_inserted AFTER INSERT ON annotation BEGIN
                DELETE FROM sync_value_origin WHERE item_id = NEW.item_id AND kind = 'note';
            END;
            CREATE TRIGGER sync_note_updated AFTER UPDATE ON annotation BEGIN
                DELETE FROM sync_value_origin WHERE item_id = NEW.item_id AND kind = 'note';
            END;
            """),
    ]
}
