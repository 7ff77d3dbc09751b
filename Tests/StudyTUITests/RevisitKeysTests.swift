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

    /// Eight resources finished lately, six still to study and three topics due: at 80×24 every
    /// due topic is on the first screen, without scrolling, and the cursor reaches each.
    @Test func dueTopicsShowOnTheFirstScreenBesideEightRecentFinishes() throws {
        let list = { (name: String, count: Int) in
            (1...count).map { "- [\(name) \($0)](https://example.com/\(name.lowercased())\($0))" }.joined(separator: "\n")
        }
        let fixture = try Fixture(files: ["Course/README.md": "# Course\n",
                                          "Course/01-read.md": "# Read\n\n" + list("Read", 8),
                                          "Course/02-due.md": "# Due\n\n## Due A\n\n" + list("A", 1) + "\n\n## Due B\n\n"
                                              + list("B", 1) + "\n\n## Due C\n\n" + list("C", 1),
                                          "Course/03-next.md": "# Later\n\n" + list("Later", 6)])
        var state = fixture.state(width: 80, height: 24)
        var progress = LearnerProgress()
        var events: [ActivityLog.Event] = []
        for (back, id) in try topic("Read", in: state).resourceIDs.enumerated().reversed() {
            progress.statuses[id] = .done
            events.append(.init(itemID: id, at: Timestamp(milliseconds: 0), day: Self.today - back, madeDone: true))
        }
        var statusSet: [String: RevisitLadder.Moment] = [:]
        let due = try ["Due A", "Due B", "Due C"].map { try topic($0, in: state) }
        for (late, topic) in due.enumerated() {
            for id in topic.resourceIDs {
                progress.statuses[id] = .done
                statusSet[id] = RevisitLadder.Moment(at: Timestamp(milliseconds: 1000), day: Self.today - 10 - late)
            }
        }
        state.replace(progress)
        #expect(state.press(.char("D")) == [.loadActivity])
        let history = RevisitLadder.History(statusSet: statusSet, today: Self.today)
        state.receive(.activityLoaded(ActivityLog(events: events, today: Self.today, revisits: history)))
        for (late, topic) in due.enumerated() {
            #expect(state.screen.contains("\(9 + late)d late"), "\(state.screen)")
            #expect(state.screen.contains("1-day   \(topic.title)"), "\(state.screen)")
        }
        Snapshot.check(state.renderedGrid, named: "dashboard-due-first-screen-80x24")
        var revisited: [Effect] = []
        for _ in 0..<20 {
            state.press(.char("j"))
            revisited += state.press(.char("v"))
        }
        #expect(revisited == due.reversed().map { Effect.revisit(topicID: $0.id) }, "longest overdue first")
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func snapshotWithADueRow(width: Int, height: Int) throws {
        var state = try withDeploymentDue(width: width, height: height)
        for _ in 0..<20 { state.press(.char("j")) }
        Snapshot.check(state.renderedGrid, named: "dashboard-revisit-\(width)x\(height)")
    }
}
