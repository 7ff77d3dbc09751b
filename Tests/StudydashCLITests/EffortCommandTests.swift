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
        #expect(overall["estimatedCount"] as? Int == 4 && overall["counted"] as? Int == 4, "the skipped one counts for neither")
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
        #expect(overall["estimatedCount"] as? Int == 0)
    }

    /// A week of activity, two hours finished: the time left at that pace and the day it ends.
    @Test func statsTellsTheTimeLeftAtYourPace() throws {
        #expect(try run(["mark", "GitHub Actions", "done"]).status == 0)
        let day: Int64 = 86_400_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let rows = (1...6).map { "('w\($0)', 'w\($0)', 'rsome\($0)', 'status', NULL, 'learning', \(now - Int64($0) * 2 * day))" }
        try sqlite(db, "INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at) VALUES "
                       + rows.joined(separator: ", "))
        let json = try run(["stats", "--json"]).json()
        #expect(json["paceBasis"] as? String == "effort")
        #expect(json["activeDays"] as? Int == 7 && json["daysSinceFirstActivity"] as? Int == 13)
        #expect(abs((json["minutesPerActiveDay"] as? Double ?? 0) - 120.0 / 7) < 1e-9)
        #expect(json["remainingMinutes"] as? Int == 225)
        #expect(json["noEstimateReason"] is NSNull)
        // 225 minutes at 120 in 13 days: ⌈225 × 13 ÷ 120⌉ = 25 days.
        let today = try #require(json["today"] as? String)
        let finish = try #require(json["estimatedFinish"] as? String)
        #expect(Self.dayNumber(finish) - Self.dayNumber(today) == 25)
        let text = try run(["stats"]).out
        #expect(text.contains("\nAbout 4 h left at your pace, finishing around "), "\(text)")
        #expect(text.contains("Pace: 17 min finished per active day (7 active days since "), "\(text)")
    }

    static func dayNumber(_ date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let utc = TimeZone(identifier: "UTC") else { return 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        return Int((date?.timeIntervalSince1970 ?? 0) / 86_400)
    }
}
