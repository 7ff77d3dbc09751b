import StudyCore
import Testing
@testable import StudyTUI

/// The dashboard's place as plain IDs: reported, taken back the same, and forgiving of notes
/// that changed in between.
@Suite struct ResumePlaceTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func topicID(_ title: String) -> String {
        fixture.model.index.nodes.first { $0.topic.title == title }?.topic.id ?? "missing"
    }

    @Test func aPlaceTakenBackIsTheSamePlace() {
        var state = fixture.state()
        state.press(.char("l"), .char("l"), .tab, .char("j"), .enter, .char("j"))
        #expect(state.selectedTitle == "Statistics")
        let place = state.place
        #expect(place.topicPath == [topicID("Course"), topicID("Foundations"), topicID("Statistics")])
        #expect(place.resourceID != nil && place.pane == .detail)
        #expect(place.reader?.resourceID == place.resourceID)

        var reopened = fixture.state()
        reopened.take(place)
        #expect(reopened.place == place)
        #expect(reopened.selectedTitle == "Statistics")
        #expect(reopened.selectedResource?.title == "Practice problems without a link")
        #expect(reopened.focus == .detail)
        #expect(reopened.visible.count == state.visible.count, "the same topics open")
        #expect(reopened.screen == state.screen)
    }

    @Test func theReaderComesBackAtItsScroll() {
        var state = fixture.state(height: 12)
        state.press(.char("j"), .enter, .char("j"), .char("j"))
        let place = state.place
        #expect(place.reader?.topicID == topicID("Deployment"))
        #expect(place.reader?.scroll == 2, "a whole file's place is its cursor line")
        var reopened = fixture.state(height: 12)
        reopened.take(place)
        #expect(reopened.reader?.cursor == 2)
        #expect(reopened.screen == state.screen)
    }

    @Test func aTopicThatLeftFallsBackToItsNearestAncestor() {
        let place = StudyPlace(topicPath: [topicID("Course"), topicID("Foundations"), "tgone000000"],
                               resourceID: "rgone000000", expanded: ["tgone000000"], pane: .detail,
                               reader: .init(topicID: "tgone000000", scroll: 5))
        var state = fixture.state()
        state.take(place)
        #expect(state.selectedTitle == "Foundations")
        #expect(state.detailCursor == 0)
        #expect(state.overlay == nil, "a reader of what left is not opened")
    }

    @Test func nothingLeftKeepsTheOpeningPlace() {
        var state = fixture.state()
        state.take(StudyPlace(topicPath: ["t1", "t2"], resourceID: "\u{1b}[2J", expanded: [], pane: .detail,
                              reader: .init(resourceID: "r\u{7}", scroll: Int.max)))
        #expect(state.selectedTitle == "Foundations")
        #expect(state.focus == .tree)
        #expect(state.overlay == nil)
    }

    @Test func aHugeScrollIsClampedToTheNote() {
        var state = fixture.state()
        state.take(StudyPlace(topicPath: [topicID("Course"), topicID("Deployment")],
                              reader: .init(topicID: topicID("Deployment"), scroll: Int.max)))
        #expect((state.reader?.scroll ?? -1) >= 0)
        #expect((state.reader?.scroll ?? Int.max) < 100)
    }

    /// Quitting with a search kept saves the match the cursor is on, but the topics open before
    /// the search, not the ones the filter opened to show its matches.
    @Test func aPlaceSavedWithAFilterKeepsTheTopicsOpenBeforeTheSearch() {
        var state = fixture.state()
        let before = state.visible
        state.press(.char("/"))
        for character in "https" { state.press(.character(character)) }
        state.press(.enter, .char("N"))
        #expect(state.visible.contains { state.index.nodes[$0].topic.title == "Statistics" }, "the filter opened Foundations")
        let place = state.place
        #expect(place.topicPath.last == topicID("日本語のノート 🎉"), "the cursor's match is kept")

        var reopened = fixture.state()
        reopened.take(place)
        #expect(reopened.selectedTitle == "日本語のノート 🎉")
        #expect(reopened.visible == before, "the same topics open as before the search")
    }
}
