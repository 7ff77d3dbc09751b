import GRDB
import StudyCore

/// Changes to the store. Each public method is one command's change: one immediate transaction
/// that updates the current values, appends its events to the log under one change ID, and
/// remembers what the notes said about the items it touched.
extension ProgressStore {
    /// Sets `status` on every item whose shown status differs from it. `fallback` gives the status
    /// the notes imply (a `[x]` checkbox) for items the store has never set.
    /// Returns the IDs that changed, in the order given.
    @discardableResult
    public func setStatus(_ status: Status, items: [KnownItem], fallback: [String: Status] = [:]) throws(StoreError) -> [String] {
        try write { db in
            let log = ChangeLog(db: db, at: clock.now())
            var changed: [String] = []
            for item in items {
                let stored = try Self.storedStatus(db, item.id)
                let shown = stored ?? fallback[item.id] ?? .todo
                guard shown != status else { continue }
                try Self.putStatus(db, item.id, status, at: log.at)
                try log.append(item.id, .status, old: stored?.rawValue, new: status.rawValue)
                try Self.remember(db, item, at: log.at)
                changed.append(item.id)
            }
            return changed
        }
    }

    /// Sets (or, with nil or blank text, deletes) the annotation of an item. Returns false when the
    /// text was already that.
    @discardableResult
    public func setAnnotation(_ text: String?, item: KnownItem) throws(StoreError) -> Bool {
        let name = item.title.isEmpty ? item.id : "'\(item.title)' (\(item.id))"
        // Far beyond the limit, the text is refused before trimming it costs time and memory.
        if let text, text.utf8.count > 4 * Self.maximumAnnotationBytes { try Self.checkNoteText(text, of: name) }
        let text = text.flatMap(Self.normalizedNote)
        try Self.checkNoteText(text, of: name)
        return try write { db in
            let log = ChangeLog(db: db, at: clock.now())
            let current = try Self.storedNote(db, item.id)
            guard current != text else { return false }
            try Self.putAnnotation(db, item.id, text, at: log.at)
            try log.append(item.id, .annotation, old: current, new: text)
            try Self.remember(db, item, at: log.at)
            return true
        }
    }

    /// Moves the status and annotation of `oldID` (typically an orphan) onto `item`.
    public func relink(from oldID: String, to item: KnownItem) throws(StoreError) {
        try write { db in
            let log = ChangeLog(db: db, at: clock.now())
            guard try Self.hasEntries(db, oldID) else { throw StoreError.nothingStored(id: oldID) }
            guard try !Self.hasEntries(db, item.id) else { throw StoreError.targetHasEntries(id: item.id) }
            try Self.moveEntries(db, from: oldID, to: item.id, at: log.at)
            try log.append(item.id, .relink, old: oldID, new: item.id)
            try Self.remember(db, item, at: log.at)
        }
    }

    /// Reverts the last change that has not been undone yet (a whole command: a topic marked done
    /// is reverted at once). The revert is itself a change in the log, marked with what it undoes.
    /// Returns nil when there is nothing to undo.
    public func undo() throws(StoreError) -> UndoResult? {
        try write { db -> UndoResult? in
            guard let targetRow = try Row.fetchOne(db, sql: """
                SELECT change_id FROM event AS e
                WHERE undoes IS NULL
                  AND NOT EXISTS (SELECT 1 FROM event AS u WHERE u.undoes = e.change_id)
                ORDER BY at DESC, rowid DESC LIMIT 1
                """) else { return nil }
            let target = try StoredRow(targetRow, from: "event").text("change_id")
            let reverted = try Row.fetchAll(db, sql: "SELECT rowid, * FROM event WHERE change_id = ? ORDER BY rowid DESC",
                                            arguments: [target]).map(Self.event)
            let log = ChangeLog(db: db, at: clock.now(), undoes: target)
            for event in reverted {
                switch event.kind {
                case .status:
                    let current = try Self.storedStatus(db, event.itemID)
                    try Self.putStatus(db, event.itemID, event.old.flatMap(Status.init(rawValue:)), at: log.at)
                    try log.append(event.itemID, .status, old: current?.rawValue, new: event.old)
                case .annotation:
                    let current = try Self.storedNote(db, event.itemID)
                    try Self.putAnnotation(db, event.itemID, event.old, at: log.at)
                    try log.append(event.itemID, .annotation, old: current, new: event.old)
                case .relink:
                    guard let oldID = event.old, let newID = event.new else { continue }
                    try Self.moveEntries(db, from: newID, to: oldID, at: log.at)
                    try log.append(oldID, .relink, old: newID, new: oldID)
                case .revisit:
                    // A revisit holds no state: the undo's own event, which names the change it
                    // undoes, is what takes the revisit off the ladder (see `revisits()`).
                    try log.append(event.itemID, .revisit, old: nil, new: nil)
                }
            }
            return UndoResult(change: target, events: reverted)
        }
    }

    // MARK: Building blocks (inside a transaction)

    static func storedStatus(_ db: Database, _ id: String) throws -> Status? {
        try storedState(db, id)?.status
    }

    static func storedNote(_ db: Database, _ id: String) throws -> String? {
        try storedAnnotation(db, id)?.text
    }

    /// The one writer of `item_state`. A change made here (`exact` false) is always newer than
    /// the value it replaces, even when this machine's clock is behind the one that wrote that
    /// value (a merge from another device): otherwise the replaced value would win every later
    /// merge on the other devices, and they would never agree again. A merge writes its time exactly.
    static func putStatus(_ db: Database, _ id: String, _ status: Status?, at: Timestamp, exact: Bool = false) throws {
        try db.execute(sql: """
            INSERT INTO item_state (item_id, status, updated_at) VALUES (:id, :status, :at)
            ON CONFLICT (item_id) DO UPDATE SET status = excluded.status,
                updated_at = CASE WHEN :exact THEN excluded.updated_at
                                  ELSE MAX(excluded.updated_at, item_state.updated_at + 1) END
            """, arguments: ["id": id, "status": status?.rawValue, "at": at.milliseconds, "exact": exact])
    }

    /// The most a note may hold (`Annotation.maximumBytes`). Every way in (the CLI, the
    /// dashboard's editor, undo, import) is checked against it here, in the store.
    public static let maximumAnnotationBytes = Annotation.maximumBytes

    /// A note must fit the limit, and hold no NUL: SQLite would keep only the text before it,
    /// so "saved" would silently lose the rest.
    static func checkNoteText(_ text: String?, of item: String) throws(StoreError) {
        guard let text else { return }
        let size = text.utf8.count
        if size > maximumAnnotationBytes { throw .annotationTooLarge(item: item, bytes: size, limit: maximumAnnotationBytes) }
        if text.utf8.contains(0) { throw .annotationHoldsNUL(item: item) }
    }

    /// The one writer of `annotation`. A note keeps the time it was first written across edits
    /// (a deleted note's next text starts anew); `createdAt` sets that time instead, for a note
    /// that moves (relink) or arrives (import) with its own.
    /// Its time, as `putStatus`'s, is newer than the note it replaces unless `exact`.
    static func putAnnotation(_ db: Database, _ id: String, _ text: String?, at: Timestamp,
                              createdAt: Timestamp? = nil, exact: Bool = false) throws {
        try checkNoteText(text, of: id)
        try db.execute(sql: """
            INSERT INTO annotation (item_id, text, created_at, updated_at) VALUES (:id, :text, COALESCE(:created, :at), :at)
            ON CONFLICT (item_id) DO UPDATE SET text = excluded.text,
                updated_at = CASE WHEN :exact THEN excluded.updated_at
                                  ELSE MAX(excluded.updated_at, annotation.updated_at + 1) END,
                created_at = CASE WHEN :created IS NOT NULL OR annotation.text IS NULL THEN excluded.created_at
                                  ELSE annotation.created_at END
            """, arguments: ["id": id, "text": text, "created": createdAt?.milliseconds, "at": at.milliseconds,
                             "exact": exact])
    }

    static func hasEntries(_ db: Database, _ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM item_state WHERE item_id = ? AND status IS NOT NULL)
                OR EXISTS (SELECT 1 FROM annotation WHERE item_id = ? AND text IS NOT NULL)
            """, arguments: [id, id]) ?? false
    }

    /// The source keeps cleared values (not deleted rows), so that a merge with an older export
    /// does not bring the moved entries back to the old ID.
    static func moveEntries(_ db: Database, from oldID: String, to newID: String, at: Timestamp) throws {
        if let status = try storedStatus(db, oldID) {
            try putStatus(db, newID, status, at: at)
            try putStatus(db, oldID, nil, at: at)
        }
        if let note = try storedAnnotation(db, oldID), let text = note.text {
            try putAnnotation(db, newID, text, at: at, createdAt: note.createdAt)
            try putAnnotation(db, oldID, nil, at: at)
        }
    }

    /// The one writer of `known_item`: keeps what the notes say about an item the store now
    /// mentions (see KnownItem).
    static func remember(_ db: Database, _ item: KnownItem, at: Timestamp) throws {
        var path = JSONWriter(pretty: false)
        path.beginArray()
        for title in item.topicPath { path.value(nil, title) }
        path.endArray()
        try db.execute(sql: """
            INSERT INTO known_item (id, kind, title, url, topic_path, seen_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, url = excluded.url,
                topic_path = excluded.topic_path, seen_at = excluded.seen_at
            """, arguments: [item.id, item.kind.rawValue, item.title, item.url, path.string, at.milliseconds])
    }

    /// Trailing blank space is dropped; an empty note is no note.
    static func normalizedNote(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0.isWhitespace }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}

/// What `undo` reverted.
public struct UndoResult: Sendable {
    /// The change that was reverted.
    public var change: String
    /// Its events, newest first.
    public var events: [ProgressEvent]
}

/// Appends the events of one change to the log.
struct ChangeLog {
    let db: Database
    let at: Timestamp
    let change = UniqueID.make()
    var undoes: String?

    init(db: Database, at: Timestamp, undoes: String? = nil) {
        self.db = db
        self.at = at
        self.undoes = undoes
    }

    func append(_ itemID: String, _ kind: ProgressEvent.Kind, old: String?, new: String?) throws {
        try Self.insert(ProgressEvent(uid: UniqueID.make(), change: change, itemID: itemID, kind: kind,
                                      old: old, new: new, at: at, undoes: undoes), into: db)
    }

    /// The one writer of `event`. The log is append-only: an event whose uid is already there (an
    /// import of shared history) is kept as it is. Returns whether the event was added.
    @discardableResult
    static func insert(_ event: ProgressEvent, into db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO event (uid, change_id, item_id, kind, old_value, new_value, at, undoes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [event.uid, event.change, event.itemID, event.kind.rawValue,
                                          event.old, event.new, event.at.milliseconds, event.undoes])
        return db.changesCount > 0
    }
}

/// 128 random bits as 32 hex digits: unique across every database, so imports can unite logs.
enum UniqueID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
