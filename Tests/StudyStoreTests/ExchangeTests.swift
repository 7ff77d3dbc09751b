import Foundation
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// Export and import: a learner moving progress between machines loses nothing, duplicates
/// nothing, and a bad file changes nothing.
@Suite struct ExchangeTests {
    /// What `export --format json` writes.
    func exported(_ store: ProgressStore) throws -> Data {
        var writer = JSONWriter(pretty: true)
        try store.document().write(into: &writer)
        return Data(writer.flush())
    }

    func contents(_ store: ProgressStore) throws -> Contents {
        let document = try store.document()
        return Contents(states: document.states, annotations: document.annotations, events: document.events,
                        items: document.items)
    }

    struct Contents: Equatable {
        var states: [ItemState]
        var annotations: [Annotation]
        var events: [ProgressEvent]
        var items: [KnownItem]
    }

    /// A store with some of everything, including text that JSON must escape.
    func filledStore() throws -> ProgressStore {
        let clock = TestClock(1_700_000_000_000)
        let store = try memoryStore(clock)
        let paper = item("rPaper", title: "Über \"Attention\" \\ paths/and\ttabs ✓ \u{1B}[31m\u{9B}\u{7F}", url: "https://example.org/a?b=1&c=ü",
                         topicPath: ["Deep learning", "Transformers — 2017"])
        try store.setStatus(.learning, items: [paper, item("rVideo"), item("tBasics")])
        clock.set(1_700_000_001_000)
        try store.setStatus(.done, items: [paper])
        clock.set(1_700_000_002_500)
        try store.setAnnotation("Überblick ✓\n  indented line\n\"quoted\" and \\ backslash 🚀", item: paper)
        try store.setAnnotation("short", item: item("tBasics"))
        clock.set(1_700_000_003_000)
        try store.setStatus(.skipped, items: [item("rVideo")])
        clock.set(1_700_000_004_000)
        _ = try store.undo()  // rVideo back to learning, logged with `undoes`
        try store.setAnnotation(nil, item: item("tBasics"))  // a deleted note, kept for merges
        try store.setStatus(.done, items: [item("rOld")])
        clock.set(1_700_000_005_000)
        try store.relink(from: "rOld", to: item("rNew"))  // leaves a tombstone on rOld
        return store
    }

    @Test func exportThenImportIntoAnEmptyStoreReproducesEverything() throws {
        let source = try filledStore()
        let data = try exported(source)
        let document = try ProgressDocument.parse(data)
        #expect(document.schemaVersion == 2)  // no revisit in it: StudyDash 0.5.0 reads it

        let target = try memoryStore()
        let summary = try target.merge(document)
        let expected = try contents(source)
        #expect(summary.states == expected.states.count)
        #expect(summary.annotations == expected.annotations.count)
        #expect(summary.events == expected.events.count)
        #expect(summary.items == expected.items.count)

        let actual = try contents(target)
        #expect(actual.states == expected.states)
        #expect(actual.annotations == expected.annotations)
        #expect(actual.events == expected.events)
        #expect(actual.items == expected.items)
        #expect(expected.events.contains { $0.undoes != nil })
        #expect(expected.states.contains { $0.status == nil })
        #expect(expected.annotations.contains { $0.text == nil })
    }

    @Test func importingTheSameFileTwiceChangesNothingTheSecondTime() throws {
        let source = try filledStore()
        let document = try ProgressDocument.parse(try exported(source))
        // On a file, so that another program (sqlite3) can compare the raw rows.
        let temp = try TemporaryFolder()
        let target = try ProgressStore(path: temp.url("target.sqlite"))
        #expect(try !target.merge(document).isEmpty)
        let afterFirst = try contents(target)
        let rawFirst = try Child.sqlite(target.path, "SELECT * FROM item_state, annotation, known_item ORDER BY 1, 4, 8")

        let second = try target.merge(document)
        #expect(second == MergeSummary())
        #expect(second.isEmpty)
        #expect(try contents(target) == afterFirst)
        #expect(try Child.sqlite(target.path, "SELECT * FROM item_state, annotation, known_item ORDER BY 1, 4, 8") == rawFirst)
    }

    @Test func newerChangeWinsPerItemInBothDirections() throws {
        let clockA = TestClock(), clockB = TestClock()
        let a = try memoryStore(clockA)
        let b = try memoryStore(clockB)

        clockA.set(1_000); try a.setStatus(.done, items: [item("r1")])          // older
        clockB.set(2_000); try b.setStatus(.learning, items: [item("r1")])      // newer: wins
        clockA.set(3_000); try a.setStatus(.skipped, items: [item("r2")])       // newer: wins
        clockB.set(2_500); try b.setStatus(.done, items: [item("r2")])          // older
        clockA.set(4_000); try a.setAnnotation("from A, newer", item: item("r3"))
        clockB.set(3_500); try b.setAnnotation("from B, older", item: item("r3"))
        clockA.set(5_000); try a.setStatus(.done, items: [item("r4")])          // tie: each keeps its own
        clockB.set(5_000); try b.setStatus(.learning, items: [item("r4")])

        let fromB = try ProgressDocument.parse(try exported(b))
        let fromA = try ProgressDocument.parse(try exported(a))
        let intoA = try a.merge(fromB)
        let intoB = try b.merge(fromA)

        #expect(try a.progress().statuses == ["r1": .learning, "r2": .skipped, "r4": .done])
        #expect(try b.progress().statuses == ["r1": .learning, "r2": .skipped, "r4": .learning])
        #expect(try a.progress().annotations["r3"]?.text == "from A, newer")
        #expect(try b.progress().annotations["r3"]?.text == "from A, newer")
        #expect(intoA.states == 1 && intoA.annotations == 0)
        #expect(intoB.states == 1 && intoB.annotations == 1)
        // The import keeps the winner's time, so that a later merge still compares correctly.
        #expect(try b.states().first { $0.itemID == "r2" }?.updatedAt == Timestamp(milliseconds: 3_000))
        #expect(Set(try a.events().map(\.uid)) == Set(try b.events().map(\.uid)))
    }

    @Test func eventsAreUnitedWithoutDuplicates() throws {
        let a = try memoryStore()
        let b = try memoryStore()
        try a.setStatus(.done, items: [item("r1"), item("r2")])
        _ = try b.merge(try ProgressDocument.parse(try exported(a)))  // shared: 2 events
        try a.setAnnotation("only in A", item: item("r1"))       // 1 event
        try b.setStatus(.learning, items: [item("r3")])          // 1 event
        try b.setAnnotation("only in B", item: item("r3"))       // 1 event

        let summary = try a.merge(try ProgressDocument.parse(try exported(b)))
        #expect(summary.events == 2)
        let uids = try a.events().map(\.uid)
        #expect(uids.count == 5)
        #expect(Set(uids).count == 5)
        #expect(Set(try b.events().map(\.uid)).isSubset(of: Set(uids)))
    }

    @Test func mergingAnExportFromBeforeARelinkDoesNotBringTheOldEntriesBack() throws {
        let clock = TestClock(1_000)
        let store = try memoryStore(clock)
        try store.setStatus(.done, items: [item("rOld")])
        try store.setAnnotation("moved note", item: item("rOld"))
        let before = try ProgressDocument.parse(try exported(store))
        clock.set(2_000)
        try store.relink(from: "rOld", to: item("rNew"))

        _ = try store.merge(before)
        let progress = try store.progress()
        #expect(progress.statuses == ["rNew": .done])
        #expect(progress.annotations.keys.sorted() == ["rNew"])
    }

    @Test func schemaOneExportWithoutItemsIsAccepted() throws {
        let json = """
            {"format": "studydash-progress", "schemaVersion": 1, "exportedAt": "2026-11-23T09:41:07.250Z",
             "states": [{"id": "r1", "status": "done", "updatedAt": "2026-11-23T09:41:07.250Z"}],
             "annotations": [], "events": []}
            """
        let document = try ProgressDocument.parse(Data(json.utf8))
        #expect(document.items.isEmpty)
        #expect(document.states == [ItemState(itemID: "r1", status: .done,
                                              updatedAt: try #require(Timestamp(iso8601: "2026-11-23T09:41:07.250Z")))])
    }

    // MARK: refusals

    func refusal(_ data: Data) -> ProgressDocument.ParseError? {
        do {
            _ = try ProgressDocument.parse(data)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites one field of a real export.
    func edited(_ data: Data, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func parseRefusesWhatIsNotAnExport() throws {
        let source = try filledStore()
        let good = try exported(source)

        let cases: [(String, Data, String)] = [
            ("not JSON", Data("studydash progress, honest".utf8), "not valid JSON"),
            ("no format", try edited(good) { $0.removeValue(forKey: "format") }, "format"),
            ("other format", try edited(good) { $0["format"] = "something-else" }, "format"),
            ("bad status", try edited(good) { object in
                var states = object["states"] as? [[String: Any]] ?? []
                states[states.count - 1]["status"] = "finished"
                object["states"] = states
            }, "'finished'"),
            ("bad time", try edited(good) { object in
                var events = object["events"] as? [[String: Any]] ?? []
                events[events.count - 1]["at"] = "yesterday"
                object["events"] = events
            }, "'yesterday'"),
        ]
        for (name, data, reason) in cases {
            switch refusal(data) {
            case .malformed(let message)?:
                #expect(message.contains(reason), "\(name): \(message)")
            case let other:
                Issue.record("\(name): expected malformed, got \(String(describing: other))")
            }
        }

        let future = try edited(good) { $0["schemaVersion"] = 99 }
        switch refusal(future) {
        case .newerSchema(let version)?:
            #expect(version == 99)
            #expect(ProgressDocument.ParseError.newerSchema(99).description.contains("newer StudyDash"))
        case let other:
            Issue.record("expected newerSchema, got \(String(describing: other))")
        }
    }

    /// An import is parsed whole before anything is merged: a bad last event means no change.
    @Test func aFailedParseLeavesTheStoreUntouched() throws {
        let source = try filledStore()
        let target = try memoryStore()
        try target.setStatus(.learning, items: [item("rMine")])
        let before = try contents(target)

        let bad = try edited(try exported(source)) { object in
            var events = object["events"] as? [[String: Any]] ?? []
            events[events.count - 1]["at"] = "2026-13-45T99:00:00Z"
            object["events"] = events
        }
        do {
            _ = try target.merge(try ProgressDocument.parse(bad))
            Issue.record("a document with a bad time was merged")
        } catch {}
        #expect(try contents(target) == before)
    }
}
