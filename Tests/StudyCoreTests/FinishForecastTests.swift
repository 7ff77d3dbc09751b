import Testing
import StudyCore

/// The pace and finish date of the dashboard view and `studydash stats`: measured since the first
/// activity, in effort minutes where the notes carry estimates and in resources where they do not,
/// and no date before a week of active days.
@Suite struct FinishForecastTests {
    /// 2026-11-23, a Monday.
    static let today = CivilDate(year: 2026, month: 11, day: 23).dayNumber

    static func resource(_ id: String, _ minutes: Int?) -> Resource {
        Resource(id: id, title: id, url: nil, description: "", source: SourceLocation(file: "t.md", line: 1),
                 checkbox: nil, effortMinutes: minutes)
    }

    /// Ten resources: r0 … r9, each `minutes` long (nil: no estimate).
    static func tree(minutes: Int?) -> ContentTree {
        let resources = (0..<10).map { resource("r\($0)", minutes) }
        let topic = Topic(id: "t", title: "t", kind: .file, source: SourceLocation(file: "t.md", line: 1),
                          resourceIDs: resources.map(\.id))
        return ContentTree(roots: [topic], resources: Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) }),
                           warnings: [])
    }

    /// Resources finished, one a day on the days `back` days ago (oldest first), plus a plain
    /// annotation on each of `alsoActive` days ago.
    static func forecast(_ tree: ContentTree, finishedBack back: [Int], alsoActive: [Int] = [])
        -> (FinishForecast, Tally) {
        var progress = LearnerProgress()
        var events: [ActivityLog.Event] = alsoActive.map {
            .init(itemID: "t", at: Timestamp(milliseconds: 0), day: today - $0, madeDone: false)
        }
        for (index, days) in back.enumerated() {
            progress.statuses["r\(index)"] = .done
            events.append(.init(itemID: "r\(index)", at: Timestamp(milliseconds: 0), day: today - days, madeDone: true))
        }
        let overall = ProgressRollup(tree: tree, progress: progress).overall
        let log = ActivityLog(events: events, today: today)
        return (log.forecast(overall, in: tree), overall)
    }

    @Test func sixActiveDaysAreNotEnoughHistory() {
        let (forecast, overall) = Self.forecast(Self.tree(minutes: 60), finishedBack: [10, 8, 6, 4, 2, 0])
        #expect(forecast.activeDays == 6)
        #expect(forecast.finishDay == nil && forecast.reason == .notEnoughHistory)
        #expect(forecast.sentence(overall, today: Self.today)
                == "about 4 h left; not enough history yet for a finish date (6 of 7 active days needed)")
    }

    /// 7 × 60 minutes finished over the 13 days since the first activity, on 7 active days: 60
    /// minutes a study day; the 180 left take ⌈180 × 13 ÷ 420⌉ = 6 days.
    @Test func sevenActiveDaysGiveAnEffortFinishDate() {
        let (forecast, overall) = Self.forecast(Self.tree(minutes: 60), finishedBack: [12, 10, 8, 6, 4, 2, 0])
        #expect(forecast.basis == .effort)
        #expect(forecast.activeDays == 7 && forecast.daysSinceFirst == 13)
        #expect(forecast.perActiveDay == 60)
        #expect(forecast.remaining == 180)
        #expect(forecast.finishDay == Self.today + 6)
        #expect(forecast.sentence(overall, today: Self.today) == "about 3 h left at your pace, finishing around 29 November")
    }

    /// Days with only annotations count as active days and stretch nothing else.
    @Test func activeDaysWithoutFinishesLowerThePace() {
        let (forecast, overall) = Self.forecast(Self.tree(minutes: 60), finishedBack: [12, 0], alsoActive: [11, 10, 9, 8, 7])
        #expect(forecast.activeDays == 7)
        #expect(forecast.perActiveDay == 120.0 / 7)
        // 480 left at 120 minutes in 13 days: ⌈480 × 13 ÷ 120⌉ = 52 days, into next year.
        #expect(forecast.finishDay == Self.today + 52)
        #expect(forecast.sentence(overall, today: Self.today).hasSuffix("finishing around 14 January 2027"))
    }

    @Test func withoutEstimatesTheForecastCountsResources() {
        let (forecast, overall) = Self.forecast(Self.tree(minutes: nil), finishedBack: [12, 10, 8, 6, 4, 2, 0])
        #expect(forecast.basis == .resources)
        #expect(forecast.perActiveDay == 1)
        #expect(forecast.remaining == 3)
        #expect(forecast.finishDay == Self.today + 6)  // ⌈3 × 13 ÷ 7⌉
        #expect(forecast.finished == 7)
        #expect(forecast.sentence(overall, today: Self.today)
                == "about 3 resources left at your pace, finishing around 29 November")
        #expect(forecast.paceText == "1 resource")
    }

    /// A week of marks that finished nothing (learning, or a done that was undone).
    @Test func activityWithoutFinishesSetsNoPace() {
        let tree = Self.tree(minutes: 30)
        let events = (0..<7).map { ActivityLog.Event(itemID: "r0", at: Timestamp(milliseconds: 0), day: Self.today - $0, madeDone: false) }
        let overall = ProgressRollup(tree: tree, progress: LearnerProgress()).overall
        let forecast = ActivityLog(events: events, today: Self.today).forecast(overall, in: tree)
        #expect(forecast.reason == .noPace)
        #expect(forecast.sentence(overall, today: Self.today) == "about 5 h left; finish an estimated resource to see a finish date")
    }

    @Test func partlyEstimatedNotesSayHowMuchIs() {
        var resources = Self.tree(minutes: 60).resources
        for id in ["r7", "r8", "r9"] { resources[id]?.effortMinutes = nil }
        let tree = ContentTree(roots: Self.tree(minutes: 60).roots, resources: resources, warnings: [])
        let (forecast, overall) = Self.forecast(tree, finishedBack: [12, 10, 8, 6, 4])
        #expect(forecast.basis == .effort && forecast.remaining == 120)
        #expect(forecast.sentence(overall, today: Self.today).hasPrefix("about 2 h left (7 of 10 estimated);"))
    }

    /// Each wording in fewer words than the last; the shortest drops the parentheses.
    @Test func theShorterWordingsDropWordsThenTheParentheses() {
        var resources = Self.tree(minutes: 60).resources
        for id in ["r7", "r8", "r9"] { resources[id]?.effortMinutes = nil }
        let tree = ContentTree(roots: Self.tree(minutes: 60).roots, resources: resources, warnings: [])
        let (forecast, overall) = Self.forecast(tree, finishedBack: [4, 2])
        #expect(forecast.sentence(overall, today: Self.today, wording: .short)
                == "5 h left (7 of 10 estimated) · no date yet (2 of 7 active days)")
        #expect(forecast.sentence(overall, today: Self.today, wording: .shortest) == "5 h left · no date yet")
    }

    /// The same resource finished twice (reset, then done again) is one resource's work.
    @Test func aResourceFinishedTwiceCountsOnce() {
        let tree = Self.tree(minutes: 60)
        let events = (0..<7).map { ActivityLog.Event(itemID: "r0", at: Timestamp(milliseconds: 0), day: Self.today - $0, madeDone: true) }
        let overall = ProgressRollup(tree: tree, progress: LearnerProgress(statuses: ["r0": .done])).overall
        let forecast = ActivityLog(events: events, today: Self.today).forecast(overall, in: tree)
        #expect(forecast.finished == 60 && forecast.activeDays == 7)
    }

    /// A finish dated after today (a clock set wrong somewhere) is not counted yet; an undone one never.
    @Test func aFinishAfterTodayOrUndoneDoesNotCount() {
        let tree = Self.tree(minutes: 60)
        var events = (0..<7).map { ActivityLog.Event(itemID: "r0", at: Timestamp(milliseconds: 0), day: Self.today - $0, madeDone: true) }
        events.append(ActivityLog.Event(itemID: "r1", at: Timestamp(milliseconds: 0), day: Self.today + 1, madeDone: true))
        events.append(ActivityLog.Event(itemID: "r2", at: Timestamp(milliseconds: 0), day: Self.today, madeDone: false))
        let overall = ProgressRollup(tree: tree, progress: LearnerProgress(statuses: ["r0": .done])).overall
        let forecast = ActivityLog(events: events, today: Self.today).forecast(overall, in: tree)
        #expect(forecast.finished == 60)
    }

    @Test func nothingLeftIsAllFinished() {
        let (forecast, overall) = Self.forecast(Self.tree(minutes: 60), finishedBack: Array(0..<10))
        #expect(forecast.finishDay == Self.today)
        #expect(forecast.sentence(overall, today: Self.today) == "all finished")
    }
}
