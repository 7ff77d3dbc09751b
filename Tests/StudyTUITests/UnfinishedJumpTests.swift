import StudyCore
import Testing
@testable import StudyTUI

/// `]` / `[`: the next or previous resource still to study, across topics and areas, never a
/// done or skipped one, and a word in the status row at either end.
@Suite struct UnfinishedJumpTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func id(_ title: String) -> String {
        fixture.model.index.tree.resources.values.first { $0.title == title }?.id ?? "missing"
    }

    @Test func bracketsWalkTheUnfinishedResourcesAcrossTopicsAndAreas() {
        // Already Read is ticked in the notes (done); the practice problems are skipped.
        var state = fixture.state(progress: LearnerProgress(statuses: [id("Practice problems without a link"): .skipped,
                                                                       id("BentoML"): .learning]))
        state.press(.char("]"))
        #expect(state.selectedResource?.title == "Designing ML Systems", "from a topic, its first unfinished one")
        #expect(state.focus == .detail)
        state.press(.char("]"))
        #expect(state.selectedResource?.title == "Seeing Theory", "past the done one, into the sub-topic")
        #expect(state.selectedTitle == "Statistics", "the tree opened down to the topic that lists it")
        state.press(.char("]"))
        #expect(state.selectedResource?.title == "KServe", "past the skipped one, into the next area")
        #expect(state.selectedTitle == "Deployment")
        state.press(.char("]"))
        #expect(state.selectedResource?.title == "BentoML", "learning counts as unfinished")
        state.press(.char("["), .char("["))
        #expect(state.selectedResource?.title == "Seeing Theory", "back across the area, past the skipped one")
        #expect(state.selectedTitle == "Statistics")
        #expect(state.message == nil)
    }

    @Test func atEitherEndTheStatusRowSaysSo() {
        var state = fixture.state()
        state.press(.char("]"))
        state.press(.char("["))
        #expect(state.selectedResource?.title == "Designing ML Systems", "nothing before the first one")
        #expect(state.message?.text == "no unfinished resource before this one")
        #expect(state.screen.contains("no unfinished resource before this one"))
        state.press(.char("h"), .char("G"), .char("]"))
        #expect(state.selectedResource?.title == "機械学習の本")
        state.message = nil
        state.press(.char("]"))
        #expect(state.selectedResource?.title == "機械学習の本", "the last one stays selected")
        #expect(state.message?.text == "no unfinished resource after this one")
    }

    @Test func everythingFinishedLeavesTheCursorWhereItWas() {
        let all = fixture.model.index.tree.resources.keys.map { ($0, Status.done) }
        var state = fixture.state(progress: LearnerProgress(statuses: Dictionary(uniqueKeysWithValues: all)))
        state.press(.char("]"))
        #expect(state.selectedTitle == "Foundations")
        #expect(state.focus == .tree)
        #expect(state.message?.text == "no unfinished resource after this one")
    }

    @Test func theTitleBarCountsWhatIsBeingLearned() {
        #expect(!fixture.state().screen.contains("learning ·"), "nothing learned, nothing said")
        let state = fixture.state(progress: LearnerProgress(statuses: [id("KServe"): .learning, id("BentoML"): .learning]))
        let title = state.screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.contains("2 learning · overall"))
    }
}
