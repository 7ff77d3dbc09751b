import Foundation
import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// `v`: a topic revisited from the tree, its resource list, a topic's reader and the dashboard
/// view's "due for revisit" rows (Enter there goes to the topic); the status bar says what came
/// of it, and the open view reads the ladder again.
@Suite struct RevisitKeysTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23).dayNumber

    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func topic(_ title: String, in state: AppState) throws -> Topic {
        try #require(state.index.nodes.first { $0.topic.title == title }).topic
    }

    /// Deployment (KServe, BentoML) finished three days ago: due since two days ago.
    func withDeploymentDue(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = fixture.state(width: width, height: height)
        let deployment = try topic("Deployment", in: state)
        var progress = LearnerProgress()
        var statusSet: [String: RevisitLadder.Moment] = [:]
        for id in deployment.resourceIDs {
            progress.statuses[id] = .done
            statusSet[id] = RevisitLadder.Moment(at: Timestamp(milliseconds: 1000), day: Self.today - 3)
        }
        state.replace(progress)
        #expect(state.press(.char("D")) == [.loadActivity])
        let history = RevisitLadder.History(statusSet: statusSet, today: Self.today)
        state.receive(.activityLoaded(ActivityLog(events: [], today: Self.today, revisits: history)))
        return state
    }

    @Test func vInTheTreeOrTheListRevisitsTheSelectedTopic() throws {
        var state = fixture.state()
        let selected = try #require(state.selectedNode)
        let id = state.index.nodes[selected].topic.id
        #expect(state.press(.char("v")) == [.revisit(topicID: id)])
        state.press(.tab)
        #expect(state.press(.char("v")) == [.revisit(topicID: id)])
    }

    @Test func vInATopicsReaderRevisitsItAndInAResourcesReaderSaysWhy() throws {
        var state = fixture.state()
        let id = try #require(state.selectedNode.map { state.index.nodes[$0].topic.id })
        state.press(.enter)
        #expect(state.press(.char("v")) == [.revisit(topicID: id)])
        state.press(.char("q"), .tab, .enter)
        #expect(state.press(.char("v")).isEmpty)
        #expect(state.message?.text.hasPrefix("v revisits a topic") == true)
    }

    @Test func theOutcomeIsSaidWithTheNextRevisitsDate() throws {
        var state = fixture.state()
        let deployment = try topic("Deployment", in: state)
        var after = RevisitLadder.Entry(topic: deployment, path: ["Course"],
                                        finished: .init(at: Timestamp(milliseconds: 0), day: Self.today - 3),
                                        revisitsMade: 1, dueDay: CivilDate(year: 2026, month: 11, day: 30).dayNumber)
        #expect(state.receive(.revisited(RevisitOutcome(topicID: deployment.id, title: "Deployment", after: after,
                                                        today: Self.today))).isEmpty)
        #expect(state.message?.text == "revisited 'Deployment'; next revisit in 7 days (30 Nov) · u undoes")
        after.dueDay = nil
        after.revisitsMade = 4
        state.receive(.revisited(RevisitOutcome(topicID: deployment.id, title: "Deployment", after: after, today: Self.today)))
        #expect(state.message?.text.hasSuffix("it is kept · u undoes") == true)
    }

    @Test func aRefusalIsShownAsAnError() {
        var state = fixture.state()
        state.receive(.failed("'Course' lists no resources of its own; revisits are kept for the topics under it that do"))
        #expect(state.message?.isError == true)
    }

    @Test func theDashboardViewListsDueTopicsAndEnterGoesToOne() throws {
        var state = try withDeploymentDue()
        #expect(state.screen.contains("Due for revisit"))
        #expect(state.screen.contains("  2d late     1-day   Deployment"), "\(state.screen)")
        guard case .dashboard(let panel) = state.overlay else { Issue.record("not open"); return }
        let rows = panel.rows(state).count
        for _ in 0..<(rows + 5) { state.press(.char("j")) }
        guard case .dashboard(let moved) = state.overlay else { Issue.record("not open"); return }
        #expect(moved.cursor == rows, "the cursor stops on the one due row")
        let deployment = try topic("Deployment", in: state)
        #expect(state.press(.char("v")) == [.revisit(topicID: deployment.id)])
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.focus == .tree)
        #expect(state.selectedNode.map { state.index.nodes[$0].topic.id } == deployment.id)
    }

    @Test func aRevisitWhileTheViewIsOpenReadsTheLadderAgain() throws {
        var state = try withDeploymentDue()
        let deployment = try topic("Deployment", in: state)
        let after = RevisitLadder.Entry(topic: deployment, path: [], finished: .init(at: Timestamp(milliseconds: 0), day: 0),
                                        revisitsMade: 1, dueDay: Self.today + 7)
        let effects = state.receive(.revisited(RevisitOutcome(topicID: deployment.id, title: "Deployment",
                                                              after: after, today: Self.today)))
        #expect(effects == [Effect.loadActivity])
        #expect(state.loadedActivity == nil)
    }

    /// The status bar says `u undoes` after `v` in the view: `u` there undoes it, and the view
    /// reads the ladder again, so the topic is listed as due once more.
    @Test func uInTheViewUndoesAndTheViewReadsTheLadderAgain() throws {
        var state = try withDeploymentDue()
        let deployment = try topic("Deployment", in: state)
        #expect(state.press(.char("u")) == [.undo])
        let revisit = ProgressEvent(uid: "u1", change: "c1", itemID: deployment.id, kind: .revisit, old: nil, new: nil,
                                    at: Timestamp(milliseconds: 5))
        let effects = state.receive(.undone(UndoOutcome(events: [revisit], fresh: state.progress)))
        #expect(effects == [Effect.loadActivity])
        guard case .dashboard = state.overlay else {
            Issue.record("the view stays open")
            return
        }
    }

    @Test func vOnARowThatIsNotDueSaysWhatToSelect() throws {
        var state = try withDeploymentDue()
        #expect(state.press(.char("v")).isEmpty)
        #expect(state.message?.text == "select a topic under \"Due for revisit\" to mark it revisited")
    }

    /// In one column the pace has one row: what does not fit is left out whole, not cut in the
    /// middle of a word or a parenthesis (`4 resources left · no date yet (0 of 7`).
    @Test func aNarrowViewTellsThePaceInWholePieces() throws {
        let state = try withDeploymentDue(width: 40, height: 12)
        let row = try #require(state.screen.split(separator: "\n").first { $0.contains("left") })
        #expect(row.filter { $0 == "(" }.count == row.filter { $0 == ")" }.count, "\(row)")
        #expect(row.trimmingCharacters(in: .whitespaces) == "4 resources left", "\(row)")
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func snapshotWithADueRow(width: Int, height: Int) throws {
        var state = try withDeploymentDue(width: width, height: height)
        for _ in 0..<20 { state.press(.char("j")) }
        Snapshot.check(state.renderedGrid, named: "dashboard-revisit-\(width)x\(height)")
    }
}
