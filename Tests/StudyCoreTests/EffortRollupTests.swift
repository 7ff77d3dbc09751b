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
        tally.estimated = 2
        tally.effortMinutes = 240
        tally.remainingMinutes = 170
        #expect(EffortFormat.left(tally) == "~3h left")
    }

    /// A finished topic has no time left to tell: `2/2 100%  0m left` said nothing true. Nor does
    /// one whose estimated resources are all done (the bar tells what is left there).
    @Test func nothingEstimatedLeftShowsNoTimeLeft() {
        var finished = Tally(todo: 0, learning: 0, done: 2, skipped: 0)
        finished.estimated = 2
        finished.effortMinutes = 165
        #expect(EffortFormat.left(finished) == nil)
        #expect(EffortFormat.marked(finished) == nil)
        var partly = Tally(todo: 3, learning: 0, done: 2, skipped: 0)
        partly.estimated = 2
        partly.effortMinutes = 165
        #expect(EffortFormat.left(partly) == nil)
        #expect(EffortFormat.marked(partly) == nil)
    }

    @Test func finishDayAtAPace() {
        // 600 minutes at 600 finished in 10 days: ten days from today.
        #expect(EffortForecast.finishDay(remaining: 600, finished: 600, overDays: 10, today: 100) == 110)
        // A part day still takes a day; an exact number of days takes no more.
        #expect(EffortForecast.finishDay(remaining: 610, finished: 600, overDays: 10, today: 100) == 111)
        #expect(EffortForecast.finishDay(remaining: 7, finished: 7, overDays: 13, today: 100) == 113)
        #expect(EffortForecast.finishDay(remaining: 0, finished: 60, overDays: 1, today: 100) == 100)
        #expect(EffortForecast.finishDay(remaining: 600, finished: 0, overDays: 10, today: 100) == nil)
        #expect(EffortForecast.finishDay(remaining: 600, finished: 60, overDays: 0, today: 100) == nil)
        #expect(EffortForecast.finishDay(remaining: Int.max, finished: 1, overDays: 2, today: 100) == nil)
        #expect(EffortForecast.finishDay(remaining: 1_000_000, finished: 1, overDays: 1, today: 100) == nil)
    }

    /// Where only some resources carry an estimate, the figure says so: `+` in a tree row, how
    /// many in words elsewhere.
    @Test func partialEstimatesAreMarked() {
        var tally = Tally(todo: 380, learning: 0, done: 24, skipped: 3)
        tally.estimated = 24
        tally.effortMinutes = 3000
        tally.remainingMinutes = 2450
        #expect(EffortFormat.left(tally) == "~41h left (24 of 404 estimated)")
        #expect(EffortFormat.marked(tally) == "~41h+")
        tally.estimated = 404
        #expect(EffortFormat.left(tally) == "~41h left")
        #expect(EffortFormat.marked(tally) == "~41h")
    }

    @Test func theRollupCountsWhatIsEstimated() {
        // c is skipped and d has no estimate: 3 of the 4 counted carry one.
        let progress = LearnerProgress(statuses: ["a": .done, "b": .learning, "c": .skipped])
        let area = ProgressRollup(tree: Self.tree, progress: progress).tally(of: "area")
        #expect(area.estimated == 3 && area.counted == 4)
        #expect(EffortFormat.left(area) == "~3h left (3 of 4 estimated)")
    }
}
