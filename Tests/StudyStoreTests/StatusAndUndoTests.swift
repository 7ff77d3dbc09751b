import Foundation
import StudyCore
import StudyStore
import Testing

/// Statuses, notes, relinks and undo: what a learner's commands change, and what undo gives back.
@Suite struct StatusAndUndoTests {
    let clock = TestClock()
    let store: ProgressStore

    init() throws { store = try memoryStore(clock) }

    /// Moves the clock on a second before each command, as a learner's commands are apart in time.
    func tick() { clock.set(clock.now.milliseconds + 1000) }

    // MARK: setStatus

    @Test func setStatusReturnsOnlyTheItemsItChanged() throws {
        #expect(try store.setStatus(.done, items: [item("r1"), item("r2")]) == ["r1", "r2"])
        #expect(try store.setStatus(.done, items: [item("r3"), item("r1"), item("r2")]) == ["r3"])
        let events = try store.eventCount()

        #expect(try store.setStatus(.done, items: [item("r1"), item("r2"), item("r3")]) == [])
        #expect(try store.eventCount() == events, "a command that changes nothing logs nothing")
        #expect(try store.progress().statuses == ["r1": .done, "r2": .done, "r3": .done])
    }

    @Test func oneCommandIsOneChange() throws {
        try store.setStatus(.learning, items: [item("r1"), item("r2"), item("r3")])
        let events = try store.events()
        #expect(events.count == 3)
        #expect(Set(events.map(\.change)).count == 1)
        #expect(Set(events.map(\.uid)).count == 3)
        #expect(events.allSatisfy { $0.kind == .status && $0.old == nil && $0.new == "learning" && $0.undoes == nil })
    }

    @Test func checkedBoxCountsAsDoneUntilTheLearnerSetsAStatus() throws {
        #expect(try store.setStatus(.done, items: [item("r1")], fallback: ["r1": .done]) == [])
        #expect(try store.eventCount() == 0)
        #expect(try store.states().isEmpty)

        // Unticking an item the notes mark [x] is a real change, stored over the checkbox.
        #expect(try store.setStatus(.todo, items: [item("r1")], fallback: ["r1": .done]) == ["r1"])
        #expect(try store.progress().statuses == ["r1": .todo])
        // Once stored, the store wins over the checkbox.
        #expect(try store.setStatus(.done, items: [item("r1")], fallback: ["r1": .done]) == ["r1"])
    }

    @Test func touchedItemsAreRemembered() throws {
        let resource = item("r1", title: "Attention Is All You Need", url: "https://arxiv.org/abs/1706.03762",
                            topicPath: ["Deep learning", "Transformers"])
        try store.setStatus(.done, items: [resource])
        let known = try #require(try store.knownItems()["r1"])
        #expect(known.title == resource.title)
        #expect(known.url == resource.url)
        #expect(known.topicPath == resource.topicPath)
        #expect(known.kind == .resource)
    }

    // MARK: undo

    @Test func undoRevertsTheWholeLastChangeThenThePreviousOne() throws {
        try store.setStatus(.learning, items: [item("r1")])
        tick()
        try store.setStatus(.done, items: [item("r1"), item("r2"), item("t1")])
        let lastChange = try #require(try store.events().last?.change)

        tick()
        let first = try #require(try store.undo())
        #expect(first.change == lastChange)
        #expect(Set(first.events.map(\.itemID)) == ["r1", "r2", "t1"])
        #expect(try store.progress().statuses == ["r1": .learning])

        tick()
        #expect(try store.undo() != nil)
        #expect(try store.progress().statuses == [:])

        #expect(try store.undo() == nil)
        #expect(try store.progress().statuses == [:])
    }

    @Test func undoIsLoggedAsEventsThatNameTheUndoneChange() throws {
        try store.setStatus(.done, items: [item("r1"), item("r2")])
        let done = try store.events()
        tick()
        let result = try #require(try store.undo())

        let all = try store.events()
        #expect(all.count == 4)
        #expect(Array(all.prefix(2)) == done, "the log is append-only: undo does not rewrite it")
        let undoEvents = Array(all.suffix(2))
        #expect(undoEvents.allSatisfy { $0.undoes == result.change && $0.old == "done" && $0.new == nil })
        #expect(Set(undoEvents.map(\.change)).count == 1)
        #expect(undoEvents[0].change != result.change)
        // The clearing is kept as a dated tombstone, so that a merge knows it is newer.
        #expect(try store.states().map(\.status) == [nil, nil])
        #expect(try store.states().allSatisfy { $0.updatedAt == clock.now })
    }

    @Test func undoOfANoteRestoresItsText() throws {
        try store.setAnnotation("First thoughts", item: item("r1"))
        tick()
        try store.setAnnotation("Second thoughts", item: item("r1"))
        tick()
        _ = try store.undo()
        #expect(try store.progress().annotations["r1"]?.text == "First thoughts")

        tick()
        try store.setAnnotation(nil, item: item("r1"))
        #expect(try store.progress().annotations["r1"] == nil)
        tick()
        _ = try store.undo()
        #expect(try store.progress().annotations["r1"]?.text == "First thoughts")
    }

    // MARK: relink

    @Test func relinkMovesStatusAndNoteToTheNewID() throws {
        try store.setStatus(.learning, items: [item("rOld")])
        try store.setAnnotation("Chapter 3 next", item: item("rOld"))
        let created = try #require(try store.progress().annotations["rOld"]?.createdAt)
        tick()

        try store.relink(from: "rOld", to: item("rNew", title: "Moved resource"))
        let progress = try store.progress()
        #expect(progress.statuses == ["rNew": .learning])
        #expect(progress.annotations.keys.sorted() == ["rNew"])
        #expect(progress.annotations["rNew"]?.text == "Chapter 3 next")
        #expect(progress.annotations["rNew"]?.createdAt == created)
        #expect(try store.knownItems()["rNew"]?.title == "Moved resource")
        #expect(try store.events().last.map { [$0.kind.rawValue, $0.old, $0.new] } == ["relink", "rOld", "rNew"])
    }

    @Test func relinkRefusesATargetWithEntriesAndASourceWithout() throws {
        try store.setStatus(.done, items: [item("rOld"), item("rTaken")])
        let before = try store.eventCount()

        #expect(throws: StoreError.targetHasEntries(id: "rTaken")) {
            try store.relink(from: "rOld", to: item("rTaken"))
        }
        #expect(throws: StoreError.nothingStored(id: "rNothing")) {
            try store.relink(from: "rNothing", to: item("rFree"))
        }
        #expect(try store.eventCount() == before)
        #expect(try store.progress().statuses == ["rOld": .done, "rTaken": .done])
        #expect(StoreError.targetHasEntries(id: "rTaken").description.contains("rTaken"))
        #expect(StoreError.nothingStored(id: "rNothing").description.contains("rNothing"))
    }

    @Test func undoRevertsARelink() throws {
        try store.setStatus(.done, items: [item("rOld")])
        try store.setAnnotation("kept", item: item("rOld"))
        tick()
        try store.relink(from: "rOld", to: item("rNew"))
        tick()
        _ = try store.undo()

        let progress = try store.progress()
        #expect(progress.statuses == ["rOld": .done])
        #expect(progress.annotations.keys.sorted() == ["rOld"])
        #expect(progress.annotations["rOld"]?.text == "kept")
        // The undone relink can be done again: the new ID holds nothing any more.
        try store.relink(from: "rOld", to: item("rNew"))
        #expect(try store.progress().statuses == ["rNew": .done])
    }

    @Test func orphansAreStoredItemsNoLongerInTheNotes() throws {
        try store.setStatus(.done, items: [item("rKept"), item("rGone", title: "A removed video")])
        try store.setAnnotation("note on a removed topic", item: item("tGone"))
        try store.setStatus(.learning, items: [item("rUndone")])
        _ = try store.undo()  // rUndone is left as a cleared value: not an orphan

        let orphans = try store.orphans(present: { $0 == "rKept" })
        #expect(orphans.map(\.id) == ["rGone", "tGone"])
        #expect(orphans[0].status == .done)
        #expect(orphans[0].known?.title == "A removed video")
        #expect(orphans[1].annotation?.text == "note on a removed topic")
        #expect(orphans[1].known?.kind == .topic)
    }

    // MARK: annotations

    @Test func blankNoteDeletesTheNote() throws {
        try store.setAnnotation("something", item: item("r1"))
        #expect(try store.setAnnotation("  \n\t \n", item: item("r1")) == true)
        #expect(try store.progress().annotations.isEmpty)
        #expect(try store.setAnnotation("", item: item("r1")) == false, "already no note: no change")
        #expect(try store.setAnnotation(nil, item: item("r1")) == false)
        #expect(try store.eventCount() == 2)
    }

    @Test func noteIsTrimmedAtLineEndsAndAroundButKeepsInnerBlankLines() throws {
        try store.setAnnotation("\n\nline one   \n\nline two\t \n\n", item: item("r1"))
        #expect(try store.progress().annotations["r1"]?.text == "line one\n\nline two")
        #expect(try store.setAnnotation("line one\n\nline two   ", item: item("r1")) == false,
                "the same note with other trailing space is not a change")
        #expect(try store.eventCount() == 1)
    }

    @Test func firstLineIsTheFirstNonBlankLine() {
        let note = Annotation(itemID: "r1", text: "  \n\n   Read sections 2-4  \nthen the appendix",
                              createdAt: Timestamp(milliseconds: 0), updatedAt: Timestamp(milliseconds: 0))
        #expect(note.firstLine == "Read sections 2-4")
        let deleted = Annotation(itemID: "r1", text: nil, createdAt: note.createdAt, updatedAt: note.updatedAt)
        #expect(deleted.firstLine == "")
    }

    @Test func noteKeepsItsCreationTimeAcrossEdits() throws {
        try store.setAnnotation("v1", item: item("r1"))
        let created = clock.now
        tick()
        try store.setAnnotation("v2", item: item("r1"))
        let note = try #require(try store.progress().annotations["r1"])
        #expect(note.createdAt == created)
        #expect(note.updatedAt == clock.now)
    }

    // MARK: storedItemCount

    /// Every item that holds a status or a note counts once: one with both, a status only, a
    /// note only, a note whose item's status was cleared (undone to never set); a cleared note
    /// alone does not count. With a limit, counting stops there.
    @Test func storedItemsCountEachItemWithAStatusOrANoteOnce() throws {
        try store.setStatus(.done, items: [item("rBoth"), item("rStatus")])
        for id in ["rBoth", "rNote", "rCleared", "rNoteCleared"] { try store.setAnnotation("on \(id)", item: item(id)) }
        tick()
        try store.setStatus(.done, items: [item("rCleared")])
        tick()
        _ = try store.undo()
        tick()
        try store.setAnnotation(nil, item: item("rNoteCleared"))
        #expect(try store.states().contains { $0.itemID == "rCleared" && $0.status == nil })
        #expect(try store.annotations().contains { $0.itemID == "rNoteCleared" && $0.text == nil })

        #expect(try store.storedItemCount() == 4)
        #expect(try store.storedItemCount(limit: 1) == 1)
        #expect(try store.storedItemCount(limit: 3) == 3)
        #expect(try store.storedItemCount(limit: 100) == 4)
    }
}
