import GRDB
import StudyCore
@testable import StudyStore
import Testing

/// The log holds only the kinds StudyDash writes: a store whose log holds another kind (another
/// program's edit) is upgraded with those events set aside, every other row kept as it was, and
/// undo never takes an unknown kind for a status change.
@Suite struct EventKindTests {
    static let valid = "kind IN ('status', 'note', 'relink')"

    /// A store at v2 as another program left it: two real changes, then two events of kinds
    /// StudyDash never wrote, the last one dated last (so undo would pick it first).
    func v2StoreWithUnknownKinds() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v2-known-items")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO item_state VALUES ('r1', 'done', 2000);
                INSERT INTO annotation VALUES ('r1', 'first thoughts', 1000, 1000);
                INSERT INTO known_item VALUES ('r1', 'resource', 'A paper', NULL, '["Topic"]', 2000);
                INSERT INTO event VALUES ('e1', 'c1', 'r1', 'note', NULL, 'first thoughts', 1000, NULL);
                INSERT INTO event VALUES ('e2', 'c2', 'r1', 'status', NULL, 'done', 2000, NULL);
                INSERT INTO event VALUES ('e3', 'c3', 'r1', 'rating', 'done', '5', 3000, NULL);
                INSERT INTO event VALUES ('e4', 'c3', 'r1', char(27) || '[2J', 'done', 'todo', 3000, NULL);
                """)
        }
        return queue
    }

    func rows(_ queue: DatabaseQueue, _ sql: String) throws -> [Row] {
        try queue.read { try Row.fetchAll($0, sql: sql) }
    }

    @Test func anUpgradeSetsUnknownKindsAsideAndKeepsEveryOtherRow() throws {
        let queue = try v2StoreWithUnknownKinds()
        let logged = try rows(queue, "SELECT rowid, * FROM event WHERE \(Self.valid) ORDER BY rowid")
        let unknown = try rows(queue, "SELECT rowid, * FROM event WHERE NOT \(Self.valid) ORDER BY rowid")
        let others = try rows(queue, "SELECT * FROM item_state, annotation, known_item")
        let indexes = try rows(queue, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'event' AND type <> 'table' ORDER BY name")

        let store = try ProgressStore(writer: queue, clock: .fixed(Timestamp(milliseconds: 4000)))

        #expect(try rows(queue, "SELECT rowid, * FROM event ORDER BY rowid") == logged)
        #expect(try rows(queue, "SELECT rowid, * FROM event_unrecognised ORDER BY rowid") == unknown)
        #expect(unknown.count == 2)
        #expect(try rows(queue, "SELECT * FROM item_state, annotation, known_item") == others)
        #expect(try rows(queue, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'event' AND type <> 'table' ORDER BY name")
                .filter { $0["name"] != "event_read_one_by_one" } == indexes, "every index kept; v5 adds one")
        #expect(indexes.count == 4)  // the primary key's and the three of v1

        // Undo passes over nothing unknown: it reverts the status change, then the note.
        #expect(try store.undo()?.change == "c2")
        #expect(try store.progress().statuses.isEmpty)
        #expect(try store.undo()?.change == "c1")
        #expect(try store.progress().annotations.isEmpty)
    }

    @Test func theUpgradedLogTakesNoOtherKind() throws {
        let queue = try v2StoreWithUnknownKinds()
        _ = try ProgressStore(writer: queue)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT INTO event VALUES ('e9', 'c9', 'r1', 'rating', NULL, '4', 5000, NULL)") }
        }
    }

    /// Past the CHECK (another program can switch it off), an unknown kind is refused when read,
    /// naming its row; the name is not shown when it could act on a terminal.
    @Test(arguments: [("rating", "'rating'"), ("\u{1B}]0;owned\u{7}", "a name that cannot be shown")])
    func anUnknownKindIsRefusedWhenReadNamingItsRow(kind: String, shown: String) throws {
        let queue = try DatabaseQueue()
        let store = try ProgressStore(writer: queue)
        try store.setStatus(.done, items: [item("r1")])
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "INSERT INTO event VALUES ('e9', 'c9', 'r1', ?, NULL, 'todo', 9000000000000, NULL)",
                           arguments: [kind])
        }
        let row = try #require(try queue.read { try Int64.fetchOne($0, sql: "SELECT rowid FROM event WHERE uid = 'e9'") })
        let refused = StoreError.unknownEventKind(path: queue.path, row: row, kind: kind)

        #expect(throws: refused) { try store.events() }
        #expect(throws: refused) { try store.undo() }
        #expect(throws: refused) { try store.activity() }
        #expect(try store.progress().statuses == ["r1": .done])
        #expect(refused.description.contains("of a kind StudyDash does not know (event.kind of row \(row) is \(shown))"))
        #expect(!refused.description.unicodeScalars.contains { $0.value < 0x20 })
    }
}
