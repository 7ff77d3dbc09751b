import Foundation
import GRDB
import StudyCore
@testable import StudyStore
import Testing

/// Revisits in the store: v4 lets the log take them (a v3 store opens with everything kept),
/// they are read back unless undone, `undo` takes one back like any change, and an export
/// carries them to another store.
@Suite struct RevisitStoreTests {
    /// A store left at v3 by StudyDash 0.5.0: a status, a note and an undone change.
    func v3Store() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v3-event-kinds")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO item_state VALUES ('r1', 'done', 2000);
                INSERT INTO annotation VALUES ('r1', 'first thoughts', 1000, 1000);
                INSERT INTO known_item VALUES ('r1', 'resource', 'A paper', NULL, '["Topic"]', 2000);
                INSERT INTO event VALUES ('e1', 'c1', 'r1', 'note', NULL, 'first thoughts', 1000, NULL);
                INSERT INTO event VALUES ('e2', 'c2', 'r1', 'status', NULL, 'done', 2000, NULL);
                INSERT INTO event VALUES ('e3', 'c3', 'r1', 'status', 'done', 'todo', 3000, NULL);
                INSERT INTO event VALUES ('e4', 'c4', 'r1', 'status', 'todo', 'done', 4000, 'c3');
                """)
        }
        return queue
    }

    func rows(_ queue: DatabaseQueue, _ sql: String) throws -> [Row] {
        try queue.read { try Row.fetchAll($0, sql: sql) }
    }

    @Test func aVersionThreeStoreOpensWithEveryRowAndIndexKept() throws {
        let queue = try v3Store()
        let events = try rows(queue, "SELECT rowid, * FROM event ORDER BY rowid")
        let others = try rows(queue, "SELECT * FROM item_state, annotation, known_item")
        let indexes = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'event' AND type <> 'table' ORDER BY name"
        let indexesBefore = try rows(queue, indexes)

        let store = try ProgressStore(writer: queue, clock: .fixed(Timestamp(milliseconds: 5000)))

        #expect(try rows(queue, "SELECT rowid, * FROM event ORDER BY rowid") == events)
        #expect(try rows(queue, "SELECT * FROM item_state, annotation, known_item") == others)
        // Every index kept; v5 adds one.
        #expect(try rows(queue, indexes).filter { $0["name"] != "event_read_one_by_one" } == indexesBefore)
        #expect(try store.progress().statuses == ["r1": .done])
        #expect(try store.events().count == 4)
        // The upgraded log takes a revisit, and still no kind StudyDash does not write.
        try store.recordRevisit(of: item("tTopic"))
        #expect(try store.revisits().map(\.topicID) == ["tTopic"])
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT INTO event VALUES ('e9', 'c9', 'r1', 'rating', NULL, '4', 6000, NULL)") }
        }
    }

    @Test func undoTakesBackARevisitAndOnlyThatRevisit() throws {
        let clock = TestClock(1_700_000_000_000)
        let store = try memoryStore(clock)
        try store.setStatus(.done, items: [item("r1")])
        clock.set(1_700_100_000_000)
        try store.recordRevisit(of: item("tTopic"))
        clock.set(1_700_200_000_000)
        try store.recordRevisit(of: item("tTopic"))
        #expect(try store.revisits().map(\.at.milliseconds) == [1_700_100_000_000, 1_700_200_000_000])

        let undone = try #require(try store.undo())
        #expect(undone.events.map(\.kind) == [.revisit])
        #expect(try store.revisits().map(\.at.milliseconds) == [1_700_100_000_000])
        // The status is untouched by the revisit's undo; the next undo takes the first revisit.
        #expect(try store.progress().statuses == ["r1": .done])
        #expect(try store.undo()?.events.map(\.kind) == [.revisit])
        #expect(try store.revisits().isEmpty)
        #expect(try store.undo()?.events.map(\.kind) == [.status])
    }

    @Test func anExportCarriesRevisitsAndSaysItNeedsThisVersion() throws {
        let source = try memoryStore()
        try source.setStatus(.done, items: [item("r1")])
        #expect(try source.document().schemaVersion == 2)
        try source.recordRevisit(of: item("tTopic"))
        let document = try source.document()
        #expect(document.schemaVersion == 3)

        var writer = JSONWriter(pretty: false)
        document.write(into: &writer)
        let parsed = try ProgressDocument.parse(Data(writer.flush()))
        let target = try memoryStore()
        _ = try target.merge(parsed)
        #expect(try target.revisits().map(\.topicID) == ["tTopic"])
        #expect(try target.events() == document.events)
    }
}
