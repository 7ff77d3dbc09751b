import GRDB
import StudyCore
@testable import StudyStore
import Testing

/// The activity read takes only times and finishes from the log, fast, but as carefully as the
/// other reads: what stands as a finish, and a row it cannot read named rather than skipped.
@Suite struct ActivityReadTests {
    @Test func finishesAreTheDoneMarksThatStand() throws {
        let queue = try DatabaseQueue()
        let store = try ProgressStore(writer: queue)
        try store.setStatus(.done, items: [item("r1")])
        try store.setStatus(.done, items: [item("r2")])
        _ = try store.undo()                                 // r2's done finished nothing
        try store.setStatus(.learning, items: [item("r1")])
        _ = try store.undo()                                 // puts r1's done back: not a new finish
        let read = try store.activity()
        #expect(read.times.count == 5)
        #expect(read.finishes.map(\.itemID) == ["r1"])
    }

    /// The dashboard view's "due for revisit" comes from the same read: the revisits that stand,
    /// by time (a clock set back writes an earlier one later), as `revisits()` gives them.
    @Test func theRevisitsThatStandComeWithTheActivityInTimeOrder() throws {
        let clock = TestClock(1_700_300_000_000)
        let store = try memoryStore(clock)
        try store.setStatus(.done, items: [item("r1")])
        try store.recordRevisit(of: item("tLate"))
        clock.set(1_700_100_000_000)
        try store.recordRevisit(of: item("tEarly"))
        clock.set(1_700_400_000_000)
        try store.recordRevisit(of: item("tUndone"))
        _ = try store.undo()                                 // a revisit taken back is no revisit
        let read = try store.activity()
        #expect(read.revisits.map(\.topicID) == ["tEarly", "tLate"])
        #expect(read.revisits.map(\.at.milliseconds) == [1_700_100_000_000, 1_700_300_000_000])
        #expect(read.revisits.map(\.topicID) == (try store.revisits()).map(\.topicID))
        #expect(read.finishes.map(\.itemID) == ["r1"], "and a revisit is no finish")
        #expect(read.times.count == 5)
    }

    @Test func aTimeThatIsNotATimeIsRefusedNamingItsColumn() throws {
        let queue = try DatabaseQueue()
        let store = try ProgressStore(writer: queue)
        try store.setStatus(.done, items: [item("r1")])
        try queue.write { try $0.execute(sql: "UPDATE event SET at = 'yesterday'") }
        #expect {
            try store.activity()
        } throws: { error in
            guard case StoreError.unreadable(_, let reason) = error else { return false }
            return reason.contains("event.at")
        }
    }

    /// The states the revisit ladder reads with the activity come back as written, a cleared
    /// status as none; one StudyDash did not write is refused naming its column, among others
    /// that read fine.
    @Test func statesReadAsWrittenAndAStrangeOneIsRefusedNamingItsColumn() throws {
        let queue = try DatabaseQueue()
        let clock = TestClock(1_700_000_000_000)
        let store = try ProgressStore(writer: queue, clock: clock.asClock)
        try store.setStatus(.learning, items: [item("r1"), item("r2")])
        clock.set(1_700_000_001_000)
        try store.setStatus(.done, items: [item("r3")])
        _ = try store.undo()
        let states = Dictionary(uniqueKeysWithValues: try store.states().map { ($0.itemID, $0) })
        #expect(states["r1"] == ItemState(itemID: "r1", status: .learning, updatedAt: .init(milliseconds: 1_700_000_000_000)))
        // The undo, at the same millisecond, is stored 1 ms after the value it replaces.
        #expect(states["r3"] == ItemState(itemID: "r3", status: nil, updatedAt: .init(milliseconds: 1_700_000_001_001)))
        #expect(states.count == 3)
        for (sql, column) in [("UPDATE item_state SET updated_at = 1.5 WHERE item_id = 'r2'", "item_state.updated_at"),
                              ("PRAGMA ignore_check_constraints = ON; UPDATE item_state SET status = 'napping' WHERE item_id = 'r2'",
                               "item_state.status"),
                              ("UPDATE item_state SET item_id = x'07' WHERE item_id = 'r2'", "item_state.item_id")] {
            let fresh = try DatabaseQueue()
            let broken = try ProgressStore(writer: fresh, clock: clock.asClock)
            try broken.setStatus(.learning, items: [item("r1"), item("r2")])
            try fresh.write { try $0.execute(sql: sql) }
            do {
                _ = try broken.states()
                Issue.record("read despite: \(sql)")
            } catch {
                guard case StoreError.unreadable(_, let reason) = error else {
                    Issue.record("\(sql): \(error)")
                    continue
                }
                #expect(reason.contains(column), "\(sql): \(reason)")
            }
        }
    }
}
