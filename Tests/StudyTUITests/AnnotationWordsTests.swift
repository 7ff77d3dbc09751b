import StudyCore
import Testing
@testable import StudyTUI

/// What the status row says about the learner's own text: "annotation", never "note" (the
/// author's prose keeps that word), for every outcome an effect can come back with.
@Suite struct AnnotationWordsTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func said(_ message: Message) -> String? {
        var state = fixture.state()
        state.receive(message)
        return state.message?.text
    }

    func annotated(changed: Bool, deleted: Bool) -> Message {
        .annotated(AnnotationOutcome(itemID: "r1", title: "Seeing Theory", changed: changed, deleted: deleted,
                                     fresh: LearnerProgress()))
    }

    @Test func savingDeletingAndUnchangedSayAnnotation() {
        #expect(said(annotated(changed: true, deleted: false)) == "annotation on 'Seeing Theory' saved · u undoes")
        #expect(said(annotated(changed: true, deleted: true)) == "annotation on 'Seeing Theory' deleted · u undoes")
        #expect(said(annotated(changed: false, deleted: false)) == "annotation on 'Seeing Theory' unchanged")
    }

    @Test func undoingAnAnnotationSaysAnnotation() throws {
        let id = try #require(fixture.state().selectedResources.first?.id)
        func event(old: String?) -> ProgressEvent {
            ProgressEvent(uid: "u", change: "c", itemID: id, kind: .annotation, old: old, new: "x", at: Timestamp(milliseconds: 0))
        }
        let restored = said(.undone(UndoOutcome(events: [event(old: "before")], fresh: LearnerProgress())))
        #expect(restored == "undid annotation on 'Designing ML Systems' restored")
        let removed = said(.undone(UndoOutcome(events: [event(old: nil)], fresh: LearnerProgress())))
        #expect(removed == "undid annotation on 'Designing ML Systems' removed")
    }

    @Test func anExternalEditClosedUnchangedSaysAnnotation() {
        #expect(said(.edited(itemID: "r1", title: "Seeing Theory", original: "same", edited: "same\n"))
                == "annotation on 'Seeing Theory' unchanged")
    }

    @Test func theBrowsersHintNamesAnnotating() {
        let state = fixture.state(width: 120, height: 40)
        #expect(state.screen.contains("a annotate · ? help"))
        #expect(!state.screen.contains("a note"))
    }

    @Test func aTooLongAnnotationIsCalledOne() {
        let refusal = AnnotationLimit.refusal(String(repeating: "x", count: AnnotationLimit.bytes + 1))
        #expect(refusal?.hasPrefix("this annotation is 1.0 MB; annotations are limited to 1 MB") == true)
    }

    @Test func theReaderSaysAnOversizedAnnotationIsCut() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.tab)
        let id = try #require(state.selectedResource?.id)
        var progress = LearnerProgress()
        progress.annotations[id] = Annotation(itemID: id, text: String(repeating: "word ", count: AnnotationLimit.bytes / 4),
                                              createdAt: Timestamp(milliseconds: 0), updatedAt: Timestamp(milliseconds: 0))
        state.update(progress, for: [id])
        state.press(.enter, .char("G"))
        #expect(state.screen.contains("this annotation is 1.3 MB"))
    }
    @Test func theReaderHeadsTheLearnersTextAnnotation() throws {
        var state = fixture.state(width: 80, height: 40)
        state.press(.tab)
        let id = try #require(state.selectedResource?.id)
        var progress = LearnerProgress()
        progress.annotations[id] = Annotation(itemID: id, text: "my own words", createdAt: Timestamp(milliseconds: 0),
                                              updatedAt: Timestamp(milliseconds: 0))
        state.update(progress, for: [id])
        state.press(.enter)
        #expect(state.screen.contains("Your annotation"))
        #expect(!state.screen.contains("Your note"))
        state.press(.escape, .tab)
        let topic = try #require(state.selectedNode.map { state.index.nodes[$0].topic.id })
        progress.annotations[topic] = Annotation(itemID: topic, text: "on the topic", createdAt: Timestamp(milliseconds: 0),
                                                 updatedAt: Timestamp(milliseconds: 0))
        state.update(progress, for: [topic])
        state.press(.enter)
        #expect(state.screen.contains("Your annotation"))
        #expect(!state.screen.contains("Your note"))
    }
}
