import Foundation
import GRDB
import StudyCore

/// The learner's progress database: opening it safely, and reading what it holds. Writes live in
/// ProgressStore+Writes.swift, import and export in Exchange/.
///
/// SQLite in WAL mode with a busy timeout, so that a second StudyDash (the dashboard and a script,
/// say) waits its turn instead of failing. Every command's change is one immediate transaction.
///
/// A store this process cannot write (a read-only file or folder, read-only media) is opened
/// read-only: everything reads as usual, and every change is refused with `StoreError.readOnly`.
public final class ProgressStore: Sendable {
    /// The file, as the user named it; `:memory:` for an in-memory store.
    public let path: String
    /// True when the store could only be opened for reading.
    public let isReadOnly: Bool
    let database: any DatabaseWriter
    /// What "now" is for this store's writes (and for what the session records about items).
    public let clock: Clock

    /// Closes the connection before the process ends: SQLite then folds the write-ahead log back
    /// into the file, so that the `.sqlite` file alone holds every change (a process that exits
    /// without closing leaves the latest ones in `-wal`, safe but easy to leave behind in a copy).
    /// A close that fails loses nothing: the log is still there for the next open.
    public func close() {
        guard let queue = database as? DatabaseQueue else { return }
        try? queue.close()
    }

    /// Opens the store at `path`, creating it (and its folder) when missing. An existing file that
    /// is not ours is refused and left byte-for-byte unchanged.
    public convenience init(path: String, clock: Clock = .system) throws(StoreError) {
        switch try StoreFileCheck.inspect(path) {
        case .oursByHeader:
            let database = try StoreFileCheck.confirmed(path) { () throws(StoreError) in try Self.openConnection(path) }
            try self.init(database: database, path: path, isReadOnly: false, clock: clock)
            return
        case .missing: _ = try StoreLocation.prepare(path)
        case .empty, .ours: break
        }
        if StoreLocation.isWritable(path) {
            try self.init(database: try Self.openConnection(path), path: path, isReadOnly: false, clock: clock)
        } else {
            try self.init(database: try ReadOnlyStore.open(path), path: path, isReadOnly: true, clock: clock)
        }
    }

    /// A store in a database the caller has opened (GRDB's AppDatabase pattern): an in-memory
    /// `DatabaseQueue()` for tests, say. It is claimed and migrated like a new file; a database
    /// that another program (or a newer StudyDash) made is refused unchanged, as a file would be.
    public convenience init(writer: any DatabaseWriter, clock: Clock = .system) throws(StoreError) {
        let path = writer.path
        do {
            _ = try writer.read { db in try StoreFileCheck.verdict(db, path: path) }
        } catch {
            throw error as? StoreError ?? .cannotOpen(path: path, reason: Self.describe(error))
        }
        try self.init(database: writer, path: path, isReadOnly: writer.configuration.readonly, clock: clock)
    }

    private init(database: any DatabaseWriter, path: String, isReadOnly: Bool, clock: Clock) throws(StoreError) {
        self.database = database
        self.path = path
        self.isReadOnly = isReadOnly
        self.clock = clock
        if !isReadOnly {
            try claim()
            try migrate()
        }
    }

    /// One connection (GRDB's DatabaseQueue), the file put in WAL mode here. A DatabasePool (or
    /// a queue told `journalMode = .wal`) makes sure of a WAL file on every open by creating a
    /// table and dropping it, a write with its fsyncs, which the close then checkpoints: most of
    /// what a read-only `status` waited for. StudyDash reads and writes the store from one thread
    /// at a time, so a pool's concurrent readers bought nothing.
    ///
    /// Switching a new file to WAL needs a moment alone with it, and SQLite reports a second
    /// process doing the same as "locked" at once rather than through the busy timeout: a few
    /// short retries settle that race.
    private static func openConnection(_ path: String) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "studydash"
        configuration.prepareDatabase { db in
            // Kept in the file: a store already in WAL mode answers at once, writing nothing.
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased() == "wal" else {
                throw DatabaseError(message: "could not switch the store to WAL mode")
            }
            // SQLite's WAL default (NORMAL) survives a crashed process but not a power cut; a
            // learner's record is worth one fsync per change.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        var attempt = 0
        while true {
            do {
                return try DatabaseQueue(path: path, configuration: configuration)
            } catch let error as DatabaseError
                        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 50 {
                attempt += 1
                usleep(useconds_t(10_000 * min(attempt, 10)))
            } catch {
                throw .cannotOpen(path: path, reason: describe(error))
            }
        }
    }

    /// Stamps a new file as ours before any table exists, so that no other process can ever see
    /// it half-made and take it for another program's database.
    private func claim() throws(StoreError) {
        do {
            try database.writeWithoutTransaction { db in
                let current = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if current == 0 { try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
            }
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    /// Another process may be migrating the same new file at the same moment; GRDB then fails on
    /// the second run of a migration. Re-reading what is applied and trying again settles it.
    private func migrate() throws(StoreError) {
        // Every open but a store's first finds it up to date: then it is only read (GRDB's
        // migrator would check the same through a type whose first use is costly, see
        // AppliedMigrations). A read that fails leaves the question to the migrator.
        if (try? database.read({ try AppliedMigrations.areComplete($0) })) == true { return }
        var lastError: Error?
        for _ in 0..<5 {
            do {
                try Schema.migrator.migrate(database)
                return
            } catch {
                lastError = error
                if (try? database.read({ try Schema.migrator.hasCompletedMigrations($0) })) == true { return }
            }
        }
        throw .cannotOpen(path: path, reason: lastError.map(Self.describe) ?? "migration failed")
    }

    // MARK: Reading

    public func progress() throws(StoreError) -> LearnerProgress {
        try read { db in
            LearnerProgress(states: try Self.fetchStates(db), annotations: try Self.fetchAnnotations(db))
        }
    }

    /// The progress of the given items only: what a command over the notes needs, read by
    /// primary key, so that its cost follows the notes rather than the size of the history.
    public func progress(of ids: some Sequence<String>) throws(StoreError) -> LearnerProgress {
        try read { db in
            var progress = LearnerProgress()
            for id in ids {
                if let status = try Self.storedState(db, id)?.status { progress.statuses[id] = status }
                if let annotation = try Self.storedAnnotation(db, id), annotation.text != nil {
                    progress.annotations[id] = annotation
                }
            }
            return progress
        }
    }

    /// How many items hold a status or a note; with `limit`, counting stops there (at most
    /// `limit`), which answers "are there fewer than N?" without reading a big store through.
    ///
    /// The states with a status, then the notes of items without one: each table read once in
    /// its own order. A UNION would sort every ID of both into a temporary table first, which on
    /// a store of 100,000 states is most of what `status` spends.
    public func storedItemCount(limit: Int? = nil) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                    SELECT 1 FROM item_state WHERE status IS NOT NULL
                    UNION ALL
                    SELECT 1 FROM annotation WHERE text IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM item_state WHERE item_state.item_id = annotation.item_id
                                                   AND item_state.status IS NOT NULL)
                    LIMIT ?)
                """, arguments: [limit ?? -1]) ?? 0
        }
    }

    public func states() throws(StoreError) -> [ItemState] { try read(Self.fetchStates) }

    public func annotations() throws(StoreError) -> [Annotation] { try read(Self.fetchAnnotations) }

    /// The whole log, oldest first.
    public func events() throws(StoreError) -> [ProgressEvent] {
        try read(Self.fetchEvents)
    }

    public func eventCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }

    /// What the activity stats read from the log: the time of every event, the events that made
    /// a resource done and stand, and the revisits that stand. A mark or revisit that was undone
    /// did nothing, and neither did an undo that put a `done` back (both still count as a day's
    /// activity).
    public struct ActivityRecords: Sendable, Equatable {
        /// Milliseconds since 1970 of every event, earliest first: a plain array, no value per event.
        public var times: [Int64]
        /// Oldest first (in the order they were written).
        public var finishes: [(at: Timestamp, itemID: String)]
        /// Oldest first, as `revisits()` gives them.
        public var revisits: [(at: Timestamp, topicID: String)]

        public static func == (a: Self, b: Self) -> Bool {
            a.times == b.times && a.finishes.elementsEqual(b.finishes) { $0.at == $1.at && $0.itemID == $1.itemID }
                && a.revisits.elementsEqual(b.revisits) { $0.at == $1.at && $0.topicID == $1.topicID }
        }
    }

    /// Reads only what the stats need, in two passes that each touch as little as they can: the
    /// times of every event, from the index on `at` where the store has it (checked in SQL and read as plain integers; a
    /// row that fails the check comes back as `Int64.min` and is read again to name it), then the
    /// finishes and revisits from the v5 index, which holds only them and any event of a kind
    /// StudyDash does not know (refused, as every read of the log refuses it).
    public func activity() throws(StoreError) -> ActivityRecords {
        try read { db in
            var times: [Int64] = []
            let rows = try Int64.fetchCursor(db, sql: """
                SELECT CASE WHEN typeof(at) = 'integer' AND at BETWEEN ? AND ? THEN at ELSE -9223372036854775808 END
                FROM event ORDER BY at
                """, arguments: [StoredRow.timeRange.lowerBound, StoredRow.timeRange.upperBound])
            while let time = try rows.next() {
                guard time != Int64.min else {
                    try Self.refuseActivity(db)
                    continue
                }
                times.append(time)
            }
            var records = ActivityRecords(times: times, finishes: [], revisits: [])
            try Self.readOneByOne(db, into: &records)
            return records
        }
    }

    /// The events of v5's index, for a query to go on with `AND ...`: the WHERE starts with the
    /// index's own, which lets SQLite use it; INDEXED BY says to, because without statistics the
    /// planner cannot know that the index holds a tenth of the table and scans the table instead
    /// (or, for an order by time, walks the time index with a table lookup per event).
    static let eventsReadOneByOne = """
        event INDEXED BY event_read_one_by_one
        WHERE (kind IS NULL OR kind NOT IN ('status', 'note', 'relink') OR new_value = 'done')
        """

    /// The finishes and revisits that stand, oldest first, from v5's index.
    /// `new_value = 'done'` is NULL for an undo back to "never set": in WHERE, simply false.
    /// `fit` says the row holds what StudyDash writes, so its values are read by index without a
    /// check each; a row that does not fit is read the careful way, which names what is wrong.
    private static func readOneByOne(_ db: Database, into records: inout ActivityRecords) throws {
        var revisits: [(at: Timestamp, rowid: Int64, topicID: String)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT typeof(at) = 'integer' AND at BETWEEN ? AND ? AND typeof(item_id) = 'text'
                   AND kind IN ('status', 'revisit') AS fit, kind = 'revisit' AS revisit, at, item_id, kind, rowid
            FROM \(Self.eventsReadOneByOne)
              AND ((kind IN ('status', 'revisit') AND (kind = 'revisit' OR new_value = 'done') AND undoes IS NULL
                    AND NOT EXISTS (SELECT 1 FROM event AS undo WHERE undo.undoes = event.change_id))
                   OR kind IS NULL OR kind NOT IN (\(Self.knownKinds)))
            ORDER BY rowid
            """, arguments: [StoredRow.timeRange.lowerBound, StoredRow.timeRange.upperBound])
        while let row = try rows.next() {
            if row[0] as Int64 == 1 {
                if row[1] as Int64 == 1 {
                    revisits.append((Timestamp(milliseconds: row[2]), row[5], row[3]))
                } else {
                    records.finishes.append((Timestamp(milliseconds: row[2]), row[3]))
                }
                continue
            }
            let stored = StoredRow(row, from: "event")
            switch try Self.eventKind(stored) {
            case .status: records.finishes.append((try stored.time("at"), try stored.text("item_id")))
            case .revisit: revisits.append((try stored.time("at"), try stored.integer("rowid"), try stored.text("item_id")))
            case .annotation, .relink: continue
            }
        }
        // As `revisits()` orders them: by time, then as written.
        revisits.sort { ($0.at.milliseconds, $0.rowid) < ($1.at.milliseconds, $1.rowid) }
        records.revisits = revisits.map { ($0.at, $0.topicID) }
    }

    /// The event kinds StudyDash knows, as an SQL list.
    private static let knownKinds = ProgressEvent.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// The first row whose time the fast read above could not take, read again the careful way
    /// so that its error names the row and column as every other read does.
    private static func refuseActivity(_ db: Database) throws {
        let row = try Row.fetchOne(db, sql: """
            SELECT rowid, at FROM event WHERE typeof(at) != 'integer' OR at < ? OR at > ? ORDER BY rowid LIMIT 1
            """, arguments: [StoredRow.timeRange.lowerBound, StoredRow.timeRange.upperBound])
        guard let row else { return }
        _ = try StoredRow(row, from: "event").time("at")
    }

    public func knownItems() throws(StoreError) -> [String: KnownItem] {
        try read { db in
            var items: [String: KnownItem] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM known_item") {
                let item = try Self.knownItem(row)
                items[item.id] = item
            }
            return items
        }
    }

    /// Items that hold a status or an annotation whose ID is not in `present`: orphans, whose
    /// resource or topic has left the notes. They are kept until relinked.
    public func orphans(present: (String) -> Bool, progress: LearnerProgress? = nil) throws(StoreError) -> [Orphan] {
        let progress = if let progress { progress } else { try self.progress() }
        let ids = Self.orphanIDs(progress, present: present)
        let known = try read { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM known_item WHERE id = ?")
            return try ids.map { try Row.fetchOne(statement, arguments: [$0]).map(Self.knownItem) }
        }
        return zip(ids, known).map { id, known in
            Orphan(id: id, status: progress.statuses[id], annotation: progress.annotations[id], known: known)
        }
    }

    /// The IDs of the orphans alone, sorted: cheap enough for every `status`.
    public static func orphanIDs(_ progress: LearnerProgress, present: (String) -> Bool) -> [String] {
        var ids = Set(progress.statuses.keys.filter { !present($0) })
        for id in progress.annotations.keys where !present(id) { ids.insert(id) }
        return ids.sorted()
    }

    // MARK: Plumbing

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw storeError(error)
        }
    }

    /// One immediate transaction: the write lock is taken at BEGIN, so a busy database makes us
    /// wait (busy timeout) rather than fail half-way.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        guard !isReadOnly else { throw .readOnly(path: path) }
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.database(path: path, reason: "the transaction did not run") }
                return result
            }
        } catch {
            throw storeError(error)
        }
    }

    /// Any failure inside a read or a write, as the error a user reads.
    private func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as UnreadableValue: .unreadable(path: path, reason: error.description)
        case let error as UnknownEventKind: .unknownEventKind(path: path, row: error.row, kind: error.kind)
        // The file became read-only after it was opened (or SQLite knows better than access(2)).
        case let error as DatabaseError where error.resultCode == .SQLITE_READONLY: .readOnly(path: path)
        default: .database(path: path, reason: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return String(describing: error)
    }

    // MARK: Rows (see StoredRow: nothing read from the file is trusted)

    /// `fit` says the row holds what StudyDash writes, so its values are read by index with no
    /// check each: GRDB finds a column by name with its case folded, every value of every row,
    /// which was most of reading a store's 100,000 states (the revisit ladder reads them all
    /// when the dashboard view opens). A row that does not fit is read the careful way, which
    /// names what is wrong.
    static func fetchStates(_ db: Database) throws -> [ItemState] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT typeof(item_id) = 'text' AND typeof(updated_at) = 'integer' AND updated_at BETWEEN ? AND ?
                   AND (status IS NULL OR (typeof(status) = 'text' AND status IN (\(knownStatuses)))) AS fit,
                   item_id, status, updated_at
            FROM item_state
            """, arguments: [StoredRow.timeRange.lowerBound, StoredRow.timeRange.upperBound])
        var states: [ItemState] = []
        while let row = try rows.next() {
            if row[0] as Int64? == 1 {
                let status = (row[2] as String?).flatMap(Status.init(rawValue:))
                states.append(ItemState(itemID: row[1], status: status, updatedAt: Timestamp(milliseconds: row[3])))
            } else {
                states.append(try state(row))
            }
        }
        return states
    }

    /// The statuses StudyDash writes, as an SQL list.
    private static let knownStatuses = Status.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// Through a cursor, as `fetchStates` reads: `Row.fetchAll` instantiates a generic type of
    /// its own on first use, whose conformance check scans every conformance record of this
    /// static binary (0.25 M instructions, on the dashboard's way to its first screen).
    static func fetchAnnotations(_ db: Database) throws -> [Annotation] {
        let rows = try Row.fetchCursor(db, sql: "SELECT item_id, text, created_at, updated_at FROM annotation")
        var annotations: [Annotation] = []
        while let row = try rows.next() { annotations.append(try annotation(row)) }
        return annotations
    }

    /// The whole log, oldest first.
    static func fetchEvents(_ db: Database) throws -> [ProgressEvent] {
        try Row.fetchAll(db, sql: "SELECT rowid, * FROM event ORDER BY at, rowid").map(event)
    }

    static func storedState(_ db: Database, _ id: String) throws -> ItemState? {
        let statement = try db.cachedStatement(sql: "SELECT item_id, status, updated_at FROM item_state WHERE item_id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(state)
    }

    static func storedAnnotation(_ db: Database, _ id: String) throws -> Annotation? {
        let statement = try db.cachedStatement(sql: "SELECT item_id, text, created_at, updated_at FROM annotation WHERE item_id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(annotation)
    }

    static func state(_ row: Row) throws(UnreadableValue) -> ItemState {
        let stored = StoredRow(row, from: "item_state")
        let status: Status? = if try stored.optionalText("status") == nil { nil } else { try stored.name("status", as: Status.self) }
        return ItemState(itemID: try stored.text("item_id"), status: status, updatedAt: try stored.time("updated_at"))
    }

    static func annotation(_ row: Row) throws(UnreadableValue) -> Annotation {
        let stored = StoredRow(row, from: "annotation")
        return Annotation(itemID: try stored.text("item_id"), text: try stored.optionalText("text"),
                          createdAt: try stored.time("created_at"), updatedAt: try stored.time("updated_at"))
    }

    /// An event row, selected with its rowid (which names it in an error).
    static func event(_ row: Row) throws -> ProgressEvent {
        let stored = StoredRow(row, from: "event")
        return ProgressEvent(uid: try stored.text("uid"), change: try stored.text("change_id"), itemID: try stored.text("item_id"),
                             kind: try eventKind(stored),
                             old: try stored.optionalText("old_value"), new: try stored.optionalText("new_value"),
                             at: try stored.time("at"), undoes: try stored.optionalText("undoes"))
    }

    /// A kind this build does not know cannot be reverted or counted: the read fails rather than
    /// guess (v3 moved such events aside; one can only come back past the CHECK).
    static func eventKind(_ stored: StoredRow) throws -> ProgressEvent.Kind {
        let name = try stored.text("kind")
        guard let kind = ProgressEvent.Kind(rawValue: name) else {
            throw UnknownEventKind(row: try stored.integer("rowid"), kind: name)
        }
        return kind
    }

    /// A topic path that is not a JSON list of titles (another program's edit) reads as no place:
    /// it only labels an orphan, so losing it is better than refusing the store.
    static func knownItem(_ row: Row) throws(UnreadableValue) -> KnownItem {
        let stored = StoredRow(row, from: "known_item")
        let pathText = try stored.text("topic_path")
        let path = (try? JSONSerialization.jsonObject(with: Data(pathText.utf8))) as? [String] ?? []
        return KnownItem(id: try stored.text("id"), kind: try stored.name("kind", as: KnownItem.Kind.self),
                         title: try stored.text("title"), url: try stored.optionalText("url"), topicPath: path,
                         seenAt: try stored.time("seen_at"))
    }
}

/// A store entry whose item is no longer in the notes.
public struct Orphan: Sendable {
    public var id: String
    public var status: Status?
    public var annotation: Annotation?
    public var known: KnownItem?
}
