import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// Time left beside the bars, where the notes give effort estimates (the other snapshots, of
/// notes without any, are unchanged by it).
@Suite struct EffortScreenTests {
    static let files: [String: String] = [
        "Course/README.md": "# Course\n\nA course whose steps say how long they take.\n",
        "Course/01-deploy.md": """
            # Deploy

            Ship the service: a container, then a pipeline.

            - [ ] Write a Dockerfile and run the service in it (1 h)
            - [ ] [Docker build docs](https://docs.docker.com/build/) — Docs. Multi-stage builds (45 min)
            - [ ] [GitHub Actions](https://docs.github.com/actions) — Docs. Test, build and push on merge (2 h)
            """,
        "Course/02-monitor.md": """
            ---
            effort: 30 min
            ---
            # Monitor

            Watch what the service does once it runs.

            - [ ] [Prometheus overview](https://prometheus.io/docs/introduction/overview/) — Docs.
            - [ ] [Grafana dashboards](https://grafana.com/docs/grafana/latest/dashboards/) — Docs. Build one (1.5 h)
            """,
    ]

    /// The first file open, its first resource done.
    func browsing(_ fixture: Fixture, _ width: Int, _ height: Int) -> AppState {
        var state = fixture.state(width: width, height: height)
        state.press(.char("l"), .char("j"))
        var progress = LearnerProgress()
        if let first = state.selectedResources.first { progress.statuses[first.id] = .done }
        state.update(progress, for: state.selectedResources.prefix(1).map(\.id))
        return state
    }

    @Test func treeRowsAndTheDetailPaneSayHowLongIsLeft() throws {
        let fixture = try Fixture(files: Self.files)
        let screen = browsing(fixture, 80, 24).renderedGrid.text
        let lines = screen.split(separator: "\n")
        // Deploy: 3 h 45 min, 1 h done → 2 h 45 left; Monitor 2 h; the course 4 h 45 → ~5h.
        #expect(lines.contains { $0.contains("Deploy") && $0.contains("~3h") }, "\(screen)")
        #expect(lines.contains { $0.contains("Monitor") && $0.contains("2h") }, "\(screen)")
        #expect(screen.contains("~3h left"), "\(screen)")
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func snapshot(width: Int, height: Int) throws {
        let fixture = try Fixture(files: Self.files)
        Snapshot.check(browsing(fixture, width, height).renderedGrid, named: "effort-\(width)x\(height)")
    }

    /// The notes above and one resource without an estimate in Deploy: every time left says so.
    static var partlyEstimated: [String: String] {
        var files = files
        files["Course/01-deploy.md"]? += "\n- [ ] [An unmeasured talk](https://example.com/talk)\n"
        return files
    }

    @Test func partialEstimatesAreMarkedInTheTreeAndDetail() throws {
        let fixture = try Fixture(files: Self.partlyEstimated)
        let screen = browsing(fixture, 80, 24).screen
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Course") && $0.contains("~5h+") }, "\(screen)")
        #expect(lines.contains { $0.contains("Deploy") && $0.contains("~3h+") }, "\(screen)")
        #expect(lines.contains { $0.contains("Monitor") && $0.contains("2h ") }, "fully estimated: no mark\n\(screen)")
        #expect(screen.contains("~3h+ left"), "no room for more at 80 columns\n\(screen)")
        let wide = browsing(fixture, 120, 40).screen
        #expect(wide.contains("~3h left (3 of 4 estimated)"), "\(wide)")
    }

    /// A week of activity, the first hour finished on its first day: D tells the time left at that
    /// pace and the day it ends, at 80×24.
    @Test func theDashboardViewTellsTheTimeLeftAndTheFinish() throws {
        let fixture = try Fixture(files: Self.partlyEstimated)
        var state = browsing(fixture, 80, 24)
        let today = CivilDate(year: 2026, month: 11, day: 23).dayNumber
        let first = try #require(state.selectedResources.first)
        #expect(state.press(.char("D")) == [.loadActivity])
        var events = (0..<6).map { ActivityLog.Event(itemID: "x", at: Timestamp(milliseconds: 0), day: today - $0 * 2, madeDone: false) }
        events.insert(.init(itemID: first.id, at: Timestamp(milliseconds: 0), day: today - 12, madeDone: true), at: 0)
        state.receive(.activityLoaded(ActivityLog(events: events, today: today)))
        // 60 minutes in the 13 days since the first activity; 285 left take ⌈285 × 13 ÷ 60⌉ = 62 days.
        let screen = state.screen
        #expect(screen.contains("5 h left (5 of 6 estimated) · finish"), "\(screen)")
        #expect(screen.contains("~24 January 2027"), "\(screen)")
        Snapshot.check(state.renderedGrid, named: "effort-dashboard-80x24")
    }
}
