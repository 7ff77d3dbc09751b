import StudyCore
import Testing
@testable import StudyTUI

/// What an effect came to, fed back as a message: the reducer alone decides what the status
/// bar says and what happens next, so these words are checked without a store or a terminal.
@Suite struct OutcomeMessageTests {
    func resource(_ title: String, in state: AppState) throws -> Resource {
        try #require(state.index.tree.resources.values.first { $0.title == title })
    }

    func fresh(_ statuses: [String: Status]) -> LearnerProgress { LearnerProgress(statuses: statuses) }

    @Test func aMarkOfOneResourceNamesItAndTheBarsFollowTheStore() throws {
        var state = try Fixture().state()
        let book = try resource("Designing ML Systems", in: state)
        let before = state.tally(of: 0).done
        state.receive(.marked(MarkOutcome(status: .done, requested: [book.id], changed: [book.id],
                                          fresh: fresh([book.id: .done])), label: book.title))
        #expect(state.message == AppState.Notice(text: "'Designing ML Systems' marked done · u undoes", isError: false))
        #expect(state.status(of: book) == .done)
        #expect(state.tally(of: 0).done == before + 1)
    }

    @Test func aMarkOfATopicCountsWhatChangedAndAnUnchangedOneSaysSo() throws {
        var state = try Fixture().state()
        let ids = ["a", "b", "c", "d"]
        state.receive(.marked(MarkOutcome(status: .skipped, requested: ids, changed: ["a", "b", "c"], fresh: fresh([:])),
                              label: "Foundations"))
        #expect(state.message?.text == "3 of 4 resources under 'Foundations' marked skipped · u undoes")
        state.receive(.marked(MarkOutcome(status: .done, requested: ids, changed: [], fresh: fresh([:])),
                              label: "Foundations"))
        #expect(state.message?.text == "'Foundations' is already done")
    }

    @Test func aFailedEffectIsAnErrorInTheStatusBar() throws {
        var state = try Fixture().state()
        state.receive(.failed("the progress store is read-only"))
        #expect(state.message == AppState.Notice(text: "the progress store is read-only", isError: true))
        #expect(state.screen.contains("the progress store is read-only"))
    }

    @Test func anAnnotationSavedDeletedOrUnchangedIsSaidSo() throws {
        var state = try Fixture().state()
        let book = try resource("Designing ML Systems", in: state)
        let note = Annotation(itemID: book.id, text: "chapter 3", createdAt: Timestamp(milliseconds: 1),
                              updatedAt: Timestamp(milliseconds: 1))
        state.receive(.annotated(AnnotationOutcome(itemID: book.id, title: book.title, changed: true, deleted: false,
                                                   fresh: LearnerProgress(annotations: [book.id: note]))))
        #expect(state.message?.text == "annotation on 'Designing ML Systems' saved · u undoes")
        #expect(state.progress.annotation(of: book.id)?.text == "chapter 3")
        state.receive(.annotated(AnnotationOutcome(itemID: book.id, title: book.title, changed: false, deleted: false,
                                                   fresh: LearnerProgress(annotations: [book.id: note]))))
        #expect(state.message?.text == "annotation on 'Designing ML Systems' unchanged")
        state.receive(.annotated(AnnotationOutcome(itemID: book.id, title: book.title, changed: true, deleted: true,
                                                   fresh: LearnerProgress())))
        #expect(state.message?.text == "annotation on 'Designing ML Systems' deleted · u undoes")
        #expect(state.progress.annotation(of: book.id) == nil)
    }

    @Test func anUndoNamesWhatItRevertedEvenWhenAnotherProcessMadeIt() throws {
        var state = try Fixture().state()
        let book = try resource("Designing ML Systems", in: state)
        func event(_ kind: ProgressEvent.Kind, _ old: String?, _ new: String?) -> ProgressEvent {
            ProgressEvent(uid: UUIDText.next(), change: "c", itemID: book.id, kind: kind, old: old, new: new,
                          at: Timestamp(milliseconds: 5))
        }
        state.receive(.undone(nil))
        #expect(state.message?.text == "nothing to undo")
        state.receive(.undone(UndoOutcome(events: [event(.status, nil, "done")], fresh: fresh([:]))))
        #expect(state.message?.text == "undid 'Designing ML Systems' done → as in the notes")
        state.receive(.undone(UndoOutcome(events: [event(.annotation, nil, "x"), event(.status, "todo", "learning"),
                                                   event(.status, "todo", "done"), event(.relink, "r-old", book.id)],
                                          fresh: fresh([:]))))
        #expect(state.message?.text == "undid 4 changes: annotation on 'Designing ML Systems' removed, "
                + "'Designing ML Systems' learning → todo, 'Designing ML Systems' done → todo, …")
    }

    @Test func theExternalEditorsTextIsSavedUnlessUnchangedOrTooLong() throws {
        var state = try Fixture().state()
        let id = "r-1"
        // An editor ends the file with a newline the text did not have: that is no change.
        #expect(state.receive(.edited(itemID: id, title: "T", original: "same", edited: "same\n")).isEmpty)
        #expect(state.message?.text == "annotation on 'T' unchanged")
        #expect(state.receive(.edited(itemID: id, title: "T", original: "", edited: "new words\n"))
                == [.saveAnnotation(itemID: id, text: "new words")])
        #expect(state.receive(.edited(itemID: id, title: "T", original: "old", edited: " \n\n"))
                == [.saveAnnotation(itemID: id, text: nil)], "only blanks deletes it")
        let huge = String(repeating: "a", count: Annotation.maximumBytes + 1)
        #expect(state.receive(.edited(itemID: id, title: "T", original: "", edited: huge)).isEmpty)
        guard case .editor(let draft) = state.overlay else {
            Issue.record("text too long to store opens in place, so nothing written is lost")
            return
        }
        #expect(draft.editor.text == huge && draft.itemID == id)
        #expect(state.message?.isError == true)
    }

    @Test func anotherProcessesChangesReplaceTheProgress() throws {
        var state = try Fixture().state()
        let book = try resource("Designing ML Systems", in: state)
        state.receive(.reloaded(fresh([book.id: .learning])))
        #expect(state.status(of: book) == .learning)
        let done = try resource("Already Read", in: state)
        #expect(state.status(of: done) == .done, "the notes' [x] still counts while no status is set")
    }
}

/// Distinct event IDs for tests.
enum UUIDText {
    nonisolated(unsafe) static var counter = 0
    static func next() -> String {
        counter += 1
        return String(counter)
    }
}
