import Foundation
import Testing
import StudyTestSupport

/// `stats` as a new learner and a regular one see it: no finish date from a single day, a date
/// from a pace measured over the days there are.
@Suite struct StatsCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db])
    }

    @Test func dayOneSaysThereIsNotEnoughHistoryYet() throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["mark", "git-cliff", "done"]).status == 0)
        let text = try run(["stats"])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains(" left; not enough history yet for a finish date (1 of 7 active days needed).\n"), "\(text.out)")
        #expect(!text.out.contains("finishing around"))
        #expect(!text.out.contains("done per week recently"), "two done on day one is not a weekly pace: \(text.out)")
        let json = try run(["stats", "--json"]).json()
        #expect(json["estimatedFinish"] is NSNull)
        #expect(json["noEstimateReason"] as? String == "notEnoughHistory")
        #expect((json["noEstimateMessage"] as? String)?.contains("not enough history yet") == true)
        #expect(json["activeDays"] as? Int == 1)
        // Two done today, measured over today alone: 14 a week, not 2 in four weeks.
        #expect(json["pacePerWeek"] as? Double == 14)
    }

    /// What the dashboard view lists, in the command too: the last finished, newest first, and
    /// the next to study, learning first.
    @Test func listsRecentlyFinishedAndNextUp() throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["mark", "git-cliff", "done"]).status == 0)
        #expect(try run(["mark", "git-cliff", "todo"]).status == 0)
        #expect(try run(["mark", "https://semver.org", "learning"]).status == 0)
        #expect(try run(["mark", "git-cliff", "done"]).status == 0)
        let json = try run(["stats", "--json"]).json()
        let finished = try #require(json["recentlyFinished"] as? [[String: Any]])
        #expect(finished.count == 1, "semver is learning again, git-cliff listed once: \(finished)")
        let next = try #require(json["nextUp"] as? [[String: Any]])
        #expect((2...5).contains(next.count))
        #expect(next.first?["status"] as? String == "learning")
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["done"] as? Int == 2 && overall["learning"] as? Int == 1, "\(overall)")
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect(areas.map { $0["title"] as? String } == ["Basics", "Later"])
        let text = try run(["stats"]).out
        #expect(text.contains("\nRecently finished\n  ") && text.contains("\nNext up\n  learning  "), "\(text)")
        #expect(text.hasPrefix("Overall ") && text.contains("2 done · 1 learning · ") && text.contains("\nAreas\n  Basics "),
                "\(text)")
    }

    /// A mark that was undone finished nothing: it is not "done this week" and sets no pace,
    /// though the day still counts as a day with activity.
    @Test func anUndoneMarkIsNotCountedAsDone() throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["mark", "git-cliff", "done"]).status == 0)
        #expect(try run(["undo"]).status == 0)
        let json = try run(["stats", "--json"]).json()
        let weeks = try #require(json["donePerWeek"] as? [[String: Any]])
        #expect(weeks.last?["done"] as? Int == 1, "\(weeks.last ?? [:])")
        #expect(json["pacePerWeek"] as? Double == 7)
        #expect(json["activeDays"] as? Int == 1)
    }

    /// A week of history written by another program (the events of a learner who marked one
    /// resource done every other day): the pace is measured since the first of them.
    @Test func aWeekOfHistoryGivesAFinishDate() throws {
        #expect(try run(["mark", "https://semver.org", "todo"]).status == 0)  // makes the store
        let day: Int64 = 86_400_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var rows: [String] = []
        for index in 0..<7 {
            rows.append("('h\(index)', 'c\(index)', 'rsome\(index)', 'status', NULL, 'done', \(now - Int64(index) * 2 * day))")
        }
        try sqlite(db, "INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at) VALUES "
                       + rows.joined(separator: ", "))
        let json = try run(["stats", "--json"]).json()
        #expect(json["activeDays"] as? Int == 7)
        #expect(json["noEstimateReason"] is NSNull)
        // 7 done over the 13 days since the first: the 5 left take ⌈5 × 13 ÷ 7⌉ = 10 days.
        let remaining = try #require(json["remaining"] as? Int)
        let days = (remaining * 13 + 6) / 7
        let today = try #require(json["today"] as? String)
        let finish = try #require(json["estimatedFinish"] as? String)
        #expect(dayNumber(finish) - dayNumber(today) == days)
        #expect(json["paceBasis"] as? String == "resources", "the notes carry no estimates")
        #expect(json["resourcesPerActiveDay"] as? Double == 1)
        #expect(json["minutesPerActiveDay"] is NSNull && json["remainingMinutes"] is NSNull)
        #expect(json["daysSinceFirstActivity"] as? Int == 13)
        let text = try run(["stats"]).out
        #expect(text.contains("About \(remaining) resources left at your pace, finishing around "), "\(text)")
        #expect(text.contains("Pace: 1 resource finished per active day (7 active days since "), "\(text)")
        #expect(text.contains(" done per week recently\n"), "with a week of history the weekly pace is told: \(text)")
    }

    /// Days are local by each event's own date: in Berlin a summer evening at 22:30 UTC is
    /// already the next day (UTC+2), though today, in winter, the offset is one hour. Counted by
    /// today's offset, the three days below would shrink to two.
    @Test func streaksCountSummerDaysBySummerTimeInWinter() throws {
        #expect(try run(["mark", "https://semver.org", "todo"]).status == 0)  // makes the store
        // 2026-07-13 12:00, 2026-07-14 12:00 and 2026-07-14 22:30 UTC: the 13th, 14th and 15th in Berlin.
        let times: [Int64] = [1_783_944_000_000, 1_784_030_400_000, 1_784_068_200_000]
        let rows = times.enumerated().map { index, at in
            "('dst\(index)', 'dst\(index)', 'rsome\(index)', 'status', NULL, 'done', \(at))"
        }
        try sqlite(db, "INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at) VALUES "
                       + rows.joined(separator: ", "))
        let berlin = try CLI.run(["stats", "--json", "--weeks", "520", "--content", "notes", "--db", db],
                                 environment: ["TZ": "Europe/Berlin"]).json()
        #expect(berlin["longestStreak"] as? Int == 3)
        let days = try #require(berlin["days"] as? [[String: Any]])
        #expect(days.filter { ($0["date"] as? String)?.hasPrefix("2026-07-1") == true }.map { $0["date"] as? String }
                == ["2026-07-13", "2026-07-14", "2026-07-15"])
    }

    /// The zone is the one `TZ` names, as for every other program: in Berlin 22:30 UTC is the
    /// same day in winter time and the next in summer time, on either side of both changes.
    @Test func daysFollowTheZoneInTZAcrossItsChanges() throws {
        #expect(try run(["mark", "https://semver.org", "todo"]).status == 0)  // makes the store
        // 22:30 UTC on 29 and 30 March and on 25 and 26 October 2025.
        let times: [Int64] = [1_743_287_400_000, 1_743_373_800_000, 1_761_431_400_000, 1_761_517_800_000]
        let rows = times.enumerated().map { index, at in
            "('tz\(index)', 'tz\(index)', 'rsome\(index)', 'status', NULL, 'done', \(at))"
        }
        try sqlite(db, "INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at) VALUES "
                       + rows.joined(separator: ", "))
        func days(_ zone: String) throws -> [String] {
            let json = try CLI.run(["stats", "--json", "--weeks", "520", "--content", "notes", "--db", db],
                                   environment: ["TZ": zone]).json()
            let days = try #require(json["days"] as? [[String: Any]])
            return days.compactMap { day in
                (day["date"] as? String).flatMap { $0.hasPrefix("2025-03") || $0.hasPrefix("2025-10") ? "\($0) \(day["count"] ?? "")" : nil }
            }
        }
        #expect(try days("Europe/Berlin") == ["2025-03-29 1", "2025-03-31 1", "2025-10-26 2"])
        #expect(try days("UTC") == ["2025-03-29 1", "2025-03-30 1", "2025-10-25 1", "2025-10-26 1"])
    }

    private func dayNumber(_ date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let value = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        return Int(value.timeIntervalSince1970 / 86_400)
    }
}
