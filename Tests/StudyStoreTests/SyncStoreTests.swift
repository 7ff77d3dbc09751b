import Foundation
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// The store's side of sync: a device ID made once per store, the outbox of this device's own
/// events, and a merge whose ties go to the greater device ID.
@Suite struct SyncStoreTests {
    @Test func deviceIDIsMadeOnceAndKept() throws {
        let folder = try TemporaryFolder()
        let first = try ProgressStore(path: folder.url("a.sqlite")).syncSelf().device
        let reopened = try ProgressStore(path: folder.url("a.sqlite")).syncSelf().device
        let other = try ProgressStore(path: folder.url("b.sqlite")).syncSelf().device
        #expect(first == reopened && first != other)
        #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
    }

    @Test func mergedEventsAreNotSentAgainAndOwnOnesOnce() throws {
        let clock = TestClock()
        let store = try memoryStore(clock)
        try store.setStatus(.done, items: [item("r1")])
        let outbox = try store.syncOutbox()
        #expect(outbox.batch.events.map(\.itemID) == ["r1"] && outbox.batch.states.map(\.value.status) == [.done])
        try store.markSent(upTo: outbox.lastRowid, events: 1, fileBytes: 100)
        var batch = SyncBatch()
        batch.events = [ProgressEvent(uid: "u9", change: "c9", itemID: "r2", kind: .status, old: nil, new: "learning",
                                      at: Timestamp(milliseconds: 5), undoes: nil)]
        batch.states = [FromDevice(ItemState(itemID: "r2", status: .learning, updatedAt: Timestamp(milliseconds: 5)), device: "ffffffffffffffff")]
        let summary = try store.mergeSync(batch, from: "ffffffffffffffff", cursor: SyncCursor(bytes: 10, lines: 2, tailHash: "x", events: 1))
        #expect(summary.events == 1 && summary.states == 1)
        #expect(try store.syncOutbox().batch.isEmpty)
        #expect(try store.mergeSync(batch, from: "ffffffffffffffff", cursor: SyncCursor(bytes: 10, lines: 2, tailHash: "x", events: 1)).isEmpty)
        #expect(try store.syncPeers().map(\.device) == ["ffffffffffffffff"])
    }

    @Test func equalTimeGoesToTheGreaterDevice() throws {
        let clock = TestClock(1_000)
        let store = try memoryStore(clock)
        try store.setStatus(.done, items: [item("r1")])
        let me = try store.syncSelf().device
        func offer(_ status: Status, from device: String) throws -> Status? {
            var batch = SyncBatch()
            batch.states = [FromDevice(ItemState(itemID: "r1", status: status, updatedAt: Timestamp(milliseconds: 1_000)), device: device)]
            _ = try store.mergeSync(batch, from: device, cursor: .start)
            return try store.progress().statuses["r1"]
        }
        #expect(try offer(.skipped, from: "0000000000000000") == .done)   // smaller than any other ID
        #expect(try offer(.learning, from: "ffffffffffffffff") == (me == "ffffffffffffffff" ? .done : .learning))
        #expect(try offer(.skipped, from: "fffffffffffffffe") == (me == "ffffffffffffffff" ? .done : .learning))
    }
}
