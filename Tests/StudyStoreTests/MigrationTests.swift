import Foundation
import GRDB
import StudyCore
@testable import StudyStore
import StudyTestSupport
import Testing

/// A store written by the first schema version (`Fixtures/progress-v1.sqlite`, made once by
/// `recordV1Fixture`) opens in this version with everything in it, and no shipped migration has
/// been edited since.
@Suite struct MigrationTests {
    static let fixture = Repository.root + "/Tests/StudyStoreTests/Fixtures/progress-v1.sqlite"

    // The rows the fixture holds (times in milliseconds since 1970): a consistent history of
    // nine events in eight changes, one of them an undo.
    static func at(_ offset: Int64) -> Timestamp { Timestamp(milliseconds: 1_763_000_000_000 + offset) }
    static let fullNote = "Überblick ✓\n  Zweite Zeile — „Zitat“ 🚀\nlast line"

    static let states: [ItemState] = [
        ItemState(itemID: "r2bb7k1m4hj", status: nil, updatedAt: at(400_000)),  // an undone status
        ItemState(itemID: "r3k7q9xz2ab", status: .done, updatedAt: at(100_000)),
        ItemState(itemID: "r8mn4p2c6de", status: .learning, updatedAt: at(0)),
        ItemState(itemID: "t5hw0j3v9fg", status: .skipped, updatedAt: at(300_000)),
    ]
    static let annotations: [Annotation] = [
        Annotation(itemID: "r3k7q9xz2ab", text: fullNote, createdAt: at(50_000), updatedAt: at(150_000)),
        Annotation(itemID: "t5hw0j3v9fg", text: "Topic note", createdAt: at(310_000), updatedAt: at(310_000)),
    ]
    static let events: [ProgressEvent] = [
        event(1, change: 1, "r3k7q9xz2ab", .status, nil, "learning", at(0)),
        event(2, change: 1, "r8mn4p2c6de", .status, nil, "learning", at(0)),
        event(3, change: 2, "r3k7q9xz2ab", .annotation, nil, "Überblick ✓", at(50_000)),
        event(4, change: 3, "r3k7q9xz2ab", .status, "learning", "done", at(100_000)),
        event(5, change: 4, "r3k7q9xz2ab", .annotation, "Überblick ✓", fullNote, at(150_000)),
        event(6, change: 5, "t5hw0j3v9fg", .status, nil, "skipped", at(300_000)),
        event(7, change: 6, "t5hw0j3v9fg", .annotation, nil, "Topic note", at(310_000)),
        event(8, change: 7, "r2bb7k1m4hj", .status, nil, "done", at(350_000)),
        event(9, change: 8, "r2bb7k1m4hj", .status, "done", nil, at(400_000), undoes: 7),
    ]

    static func event(_ uid: Int, change: Int, _ itemID: String, _ kind: ProgressEvent.Kind, _ old: String?,
                      _ new: String?, _ at: Timestamp, undoes: Int? = nil) -> ProgressEvent {
        func hex(_ n: Int, _ lead: String) -> String { lead + String(repeating: "0", count: 31 - String(n).count) + String(n) }
        return ProgressEvent(uid: hex(uid, "e"), change: hex(change, "c"), itemID: itemID, kind: kind, old: old,
                             new: new, at: at, undoes: undoes.map { hex($0, "c") })
    }

    /// Writes the fixture with the first migration only. Run once, by hand:
    /// `STUDYDASH_RECORD_FIXTURES=1 swift test --filter MigrationTests/recordV1Fixture`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STUDYDASH_RECORD_FIXTURES"] == "1",
                   "records the v1 fixture only when asked: STUDYDASH_RECORD_FIXTURES=1"))
    func recordV1Fixture() throws {
        let path = Self.fixture
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let pool = try DatabasePool(path: path)
        try Schema.migrator.migrate(pool, upTo: "v1-progress")
        try pool.write { db in
            for state in Self.states {
                try db.execute(sql: "INSERT INTO item_state (item_id, status, updated_at) VALUES (?, ?, ?)",
                               arguments: [state.itemID, state.status?.rawValue, state.updatedAt.milliseconds])
            }
            for note in Self.annotations {
                try db.execute(sql: "INSERT INTO annotation (item_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                               arguments: [note.itemID, note.text, note.createdAt.milliseconds, note.updatedAt.milliseconds])
            }
            for event in Self.events {
                try db.execute(sql: """
                    INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at, undoes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [event.uid, event.change, event.itemID, event.kind.rawValue, event.old, event.new,
                                     event.at.milliseconds, event.undoes])
            }
        }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode=DELETE")
        }
        try pool.close()
        #expect(sideFiles(of: path).isEmpty)
    }

    let temp: TemporaryFolder

    init() throws { temp = try TemporaryFolder() }

    /// Tests open a copy: opening migrates, and the fixture must stay as v1 wrote it.
    func copyOfFixture() throws -> String {
        try temp.write("progress.sqlite", try fileBytes(Self.fixture))
        return temp.url("progress.sqlite")
    }

    @Test func firstVersionStoreOpensWithEverythingInIt() throws {
        let path = try copyOfFixture()
        let clock = TestClock(1_763_001_000_000)
        let store = try ProgressStore(path: path, clock: clock.asClock)

        #expect(try store.states().sorted { $0.itemID < $1.itemID } == Self.states)
        #expect(try store.annotations().sorted { $0.itemID < $1.itemID } == Self.annotations)
        #expect(try store.events() == Self.events)
        #expect(try store.progress().statuses == ["r3k7q9xz2ab": .done, "r8mn4p2c6de": .learning, "t5hw0j3v9fg": .skipped])
        #expect(try store.progress().annotations["r3k7q9xz2ab"]?.firstLine == "Überblick ✓")

        // v2 remembers every item the store mentions, its kind from the ID, its time the latest.
        let known = try store.knownItems()
        #expect(Set(known.keys) == ["r2bb7k1m4hj", "r3k7q9xz2ab", "r8mn4p2c6de", "t5hw0j3v9fg"])
        #expect(known["t5hw0j3v9fg"]?.kind == .topic)
        #expect(known.values.filter { $0.kind == .resource }.count == 3)
        #expect(known.values.allSatisfy { $0.title == "" && $0.url == nil && $0.topicPath == [] })
        #expect(known["r3k7q9xz2ab"]?.seenAt == Self.at(150_000))
        #expect(known["r8mn4p2c6de"]?.seenAt == Self.at(0))
        #expect(known["t5hw0j3v9fg"]?.seenAt == Self.at(310_000))
        #expect(known["r2bb7k1m4hj"]?.seenAt == Self.at(400_000))

        #expect(try Child.sqlite(path, "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                == "v1-progress\nv2-known-items\nv3-event-kinds\nv4-revisit-events\nv5-activity-index\nv6-sync")

        // The migrated store works on: a new change is undone, then the undo passes over the
        // fixture's own undo and the change it undid, and reverts the topic note.
        try store.setStatus(.done, items: [item("r8mn4p2c6de")])
        #expect(try store.undo()?.events.map(\.itemID) == ["r8mn4p2c6de"])
        #expect(try store.undo()?.change == Self.events[6].change)
        #expect(try store.progress().annotations["t5hw0j3v9fg"] == nil)
        #expect(try store.progress().statuses["r8mn4p2c6de"] == .learning)
    }

    /// The fixture was made by v1 as it shipped; v1 as it is today must make the same schema.
    @Test func shippedMigrationIsUnchanged() throws {
        let path = try copyOfFixture()
        let schemaSQL = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"

        var readOnly = Configuration()
        readOnly.readonly = true
        let shipped = try DatabaseQueue(path: path, configuration: readOnly)
        let fresh = try DatabaseQueue()
        try Schema.migrator.migrate(fresh, upTo: "v1-progress")

        func describe(_ queue: DatabaseQueue) throws -> [[String?]] {
            try queue.read { db in
                try Row.fetchAll(db, sql: schemaSQL).map { [$0[0], $0[1], $0[2]] }
                    + [["application_id", try String.fetchOne(db, sql: "PRAGMA application_id"), nil]]
                    + (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")).map { ["migration", $0, nil] }
            }
        }
        let expected = try describe(fresh)
        #expect(try describe(shipped) == expected)
        #expect(expected.count > 5)
    }

    /// Every shipped migration's text, pinned by its FNV-1a hash: editing one (instead of adding
    /// a new one at the end) fails here. A new migration adds its line when it ships.
    static let shipped: [[String]] = [
        ["v1-progress", "43090d03c6a6731b"],
        ["v2-known-items", "ff18b2a3cf1948e4"],
        ["v3-event-kinds", "e0e229fcd1179273"],
        ["v4-revisit-events", "8dab674ba9fc8e4"],
        ["v5-activity-index", "bcdd0cb38ed5e27c"],
        ["v6-sync", "1b4956df5d8b9f1"],
    ]

    @Test func shippedMigrationsAreUnchanged() {
        #expect(Schema.migrations.map { [$0.identifier, Self.fingerprint($0.sql)] } == Self.shipped)
    }

    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
