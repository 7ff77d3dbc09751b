import Testing
import StudyCore

/// Remaining time rolled up the tree, the compact figure shown beside a bar, and the finish day
/// a pace implies.
@Suite struct EffortRollupTests {
    static func resource(_ id: String, _ minutes: Int?) -> Resource {
        Resource(id: id, title: id, url: nil, description: "", source: SourceLocation(file: "t.md", line: 1),
                 checkbox: nil, effortMinutes: minutes)
    }

    /// area ─ a (60, done) b (30, learning) c (45, skipped) d (no estimate)
    ///      └ sub ─ e (120, todo), b again
    static let tree: ContentTree = {
        let sub = Topic(id: "sub", title: "sub", kind: .heading, source: SourceLocation(file: "t.md", line: 1),
                        resourceIDs: ["e", "b"])
        let area = Topic(id: "area", title: "area", kind: .file, source: SourceLocation(file: "t.md", line: 1),
                         children: [sub], resourceIDs: ["a", "b", "c", "d"])
        let resources = [resource("a", 60), resource("b", 30), resource("c", 45), resource("d", nil), resource("e", 120)]
        return ContentTree(roots: [area], resources: Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) }),
                           warnings: [])
    }()

    @Test func topicsKnowTheirRemainingMinutes() {
        let progress = LearnerProgress(statuses: ["a": .done, "b": .learning, "c": .skipped])
        let rollup = ProgressRollup(tree: Self.tree, progress: progress)
        #expect(rollup.tally(of: "area").effortMinutes == 210)
        #expect(rollup.tally(of: "area").remainingMinutes == 150)
        #expect(rollup.tally(of: "sub").effortMinutes == 150)
        #expect(rollup.tally(of: "sub").remainingMinutes == 150)
        #expect(rollup.overall.remainingMinutes == 150)
    }

    @Test func notesWithoutEstimatesHaveNone() {
        let plain = ContentTree(roots: Self.tree.roots, resources: Self.tree.resources.mapValues {
            var resource = $0
            resource.effortMinutes = nil
            return resource
        }, warnings: [])
        let tally = ProgressRollup(tree: plain, progress: LearnerProgress()).tally(of: "area")
        #expect(tally.effortMinutes == 0)
        #expect(tally.remainingMinutes == 0)
        #expect(EffortFormat.left(tally) == nil)
    }

    @Test func theCompactFigure() {
        #expect(EffortFormat.compact(45) == "45m")
        #expect(EffortFormat.compact(60) == "1h")
        #expect(EffortFormat.compact(90) == "~2h")
        #expect(EffortFormat.compact(150) == "~3h")
        #expect(EffortFormat.compact(180) == "3h")
        #expect(EffortFormat.compact(0) == "0m")
        var tally = Tally(todo: 1, learning: 0, done: 1, skipped: 0)
        tally.effortMinutes = 240
        tally.remainingMinutes = 170
        #expect(EffortFormat.left(tally) == "~3h left")
        tally.remainingMinutes = 0
        #expect(EffortFormat.left(tally) == "0m left")
    }

    @Test func finishDayAtAPace() {
        // 600 minutes at 60 a day, studying every day: ten days from today.
        #expect(EffortForecast.finishDay(remainingMinutes: 600, minutesPerActiveDay: 60, today: 100) == 110)
        // A part day still takes a day.
        #expect(EffortForecast.finishDay(remainingMinutes: 610, minutesPerActiveDay: 60, today: 100) == 111)
        // Studying one day in two doubles the calendar time.
        #expect(EffortForecast.finishDay(remainingMinutes: 600, minutesPerActiveDay: 60, activeDayShare: 0.5,
                                         today: 100) == 120)
        #expect(EffortForecast.finishDay(remainingMinutes: 0, minutesPerActiveDay: 60, today: 100) == 100)
        #expect(EffortForecast.finishDay(remainingMinutes: 600, minutesPerActiveDay: 0, today: 100) == nil)
        #expect(EffortForecast.finishDay(remainingMinutes: 600, minutesPerActiveDay: 60, activeDayShare: 0,
                                         today: 100) == nil)
        #expect(EffortForecast.finishDay(remainingMinutes: Int.max, minutesPerActiveDay: 0.001, today: 100) == nil)
    }
}
