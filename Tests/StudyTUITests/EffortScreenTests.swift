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
}
