import StudyCore
import Testing
@testable import StudyTUI

/// The drawn pieces are shared by every state over one model, so each must be keyed by what it
/// was drawn from: a state built afresh (after a reload, say) must never get another's panes.
@Suite struct DrawCacheKeyTests {
    @Test func aFreshStateOverTheSameModelDrawsItsOwnProgress() throws {
        let fixture = try Fixture()
        var first = fixture.state()
        first.press(.tab)
        let resource = try #require(first.selectedResource)
        var progress = LearnerProgress()
        progress.statuses[resource.id] = .learning
        _ = first.screen
        first.press(.enter)
        _ = first.screen
        // Built after the first, with other progress, sharing its model (and its caches).
        var second = fixture.state(progress: progress)
        var alone = try Fixture().state(progress: progress)
        second.press(.tab)
        alone.press(.tab)
        #expect(second.screen == alone.screen, "the detail pane shows the second state's progress")
        #expect(second.screen.contains(Status.learning.mark + " " + resource.title))
        second.press(.enter)
        alone.press(.enter)
        #expect(second.screen == alone.screen, "the reader shows the second state's progress")
    }
}
