import Foundation
import Testing
import StudyTestSupport

/// `status` with effort estimates in the notes (fixture `effort`: 1 h + 45 min + 2 h, then 30 min
/// by front matter + 1.5 h) and without them (fixture `notes`).
@Suite struct EffortCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("data/progress.sqlite")
    }

    func run(_ arguments: [String], content: String = "effort") throws -> CLIResult {
        try CLI.run(arguments + ["--content", content, "--db", db])
    }

    @Test func statusJSONGivesEffortAndRemainingMinutes() throws {
        #expect(try run(["mark", "GitHub Actions", "done"]).status == 0)
        #expect(try run(["mark", "Prometheus overview", "skipped"]).status == 0)
        let json = try run(["status", "--json"]).json()
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["effortMinutes"] as? Int == 315)
        #expect(overall["remainingMinutes"] as? Int == 195)
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect(areas.map { $0["remainingMinutes"] as? Int } == [105, 90])
    }

    @Test func statusTextShowsTimeLeftCompactly() throws {
        let text = try run(["status"]).out
        #expect(text.contains("~4h left"), "\(text)")
        #expect(text.contains("2h left"), "\(text)")
        #expect(text.contains("~6h left"), "\(text)")
    }

    @Test func notesWithoutEstimatesSayNothingOfTime() throws {
        let result = try run(["status"], content: "notes")
        #expect(!result.out.contains(" left"), "\(result.out)")
        let overall = try #require(try run(["status", "--json"], content: "notes").json()["overall"] as? [String: Any])
        #expect(overall["effortMinutes"] is NSNull)
        #expect(overall["remainingMinutes"] is NSNull)
    }
}
