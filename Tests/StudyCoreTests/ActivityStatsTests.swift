import Testing
@testable import StudyCore

/// Monday 2026-11-23, the "today" of most tests.
private let monday = CivilDate(year: 2026, month: 11, day: 23).dayNumber

private func day(_ month: Int, _ dayOfMonth: Int) -> Int {
    CivilDate(year: 2026, month: month, day: dayOfMonth).dayNumber
}

/// One event on each of the 28 days up to today: history enough for an estimate.
private let fourWeeks = (0..<28).map { monday - $0 }

private func stats(
    activity: [Int] = [], done: [Int] = [], today: Int = monday, weeks: Int = 4
) -> ActivityStats {
    ActivityStats(activityDays: activity, doneDays: done, today: today, weeks: weeks)
}

@Suite struct ActivityStatsTests {}

extension ActivityStatsTests {
    @Suite struct Heatmap {
        @Test func fixtureTodayIsAMonday() {
            #expect(CivilDate(day: monday).weekday == 0)
            #expect(CivilDate(day: monday).description == "2026-11-23")
        }

        @Test func gridShowsThreeWeeksEndingInTodaysWeek() {
            let activity = [monday]                              // today: 1
                + [day(11, 10)]                                  // Tue of the first week: 1
                + Array(repeating: day(11, 20), count: 7)        // Fri: 7
                + Array(repeating: day(11, 21), count: 4)        // Sat: 4
                + Array(repeating: day(11, 22), count: 2)        // Sun: 2
                + [day(11, 8)]                                   // the Sunday before the grid
                + Array(repeating: day(11, 25), count: 3)        // Wednesday still to come
            let result = stats(activity: activity, weeks: 3)
            #expect(result.heatmapLines() == [
                "Mon · · ░",
                "Tue ░ ·  ",
                "Wed · ·  ",
                "Thu · ·  ",
                "Fri · █  ",
                "Sat · ▓  ",
                "Sun · ▒  ",
                "less · ░ ▒ ▓ █ more",
            ])
            #expect(result.heatmap == [
                [0, 0, 1], [1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 7, 0], [0, 4, 0], [0, 2, 0],
            ])
        }

        @Test func levelsChangeAtTwoFourAndSeven() {
            // Sunday 2026-11-29 closes the week, so every cell of the single column is in the past.
            let counts = [1, 2, 3, 4, 6, 7, 0]
            let activity = counts.enumerated().flatMap { Array(repeating: day(11, 23 + $0.offset), count: $0.element) }
            let result = stats(activity: activity, today: day(11, 29), weeks: 1)
            #expect(result.heatmapLines() == [
                "Mon ░", "Tue ▒", "Wed ▒", "Thu ▓", "Fri ▓", "Sat █", "Sun ·", "less · ░ ▒ ▓ █ more",
            ])
            #expect(result.heatmapLines(ascii: true) == [
                "Mon -", "Tue +", "Wed +", "Thu *", "Fri *", "Sat #", "Sun .", "less . - + * # more",
            ])
        }

        @Test func weeksAreClampedAndEmptyInputIsQuiet() {
            let none = stats(weeks: 0)
            #expect(none.weeks == 1)
            #expect(none.heatmap == [[0], [0], [0], [0], [0], [0], [0]])
            #expect(none.currentStreak == 0 && none.longestStreak == 0)
            let huge = stats(weeks: 1_000_000)
            #expect(huge.weeks == 520)
            #expect(huge.heatmap.allSatisfy { $0.count == 520 })
            #expect(huge.donePerWeek.count == 520)
            #expect(huge.heatmapLines().count == 8)
        }

        @Test func daysBefore1970LandInTheRightWeek() {
            // 1969-12-27 (day −5) is a Saturday; its week began Monday 1969-12-22 (day −10).
            #expect(CivilDate(day: -5).description == "1969-12-27")
            #expect(CivilDate(day: -5).weekday == 5)
            let result = stats(activity: [-10, -5, -5], done: [-11, -9], today: -5, weeks: 1)
            #expect(result.donePerWeek == [ActivityStats.WeekCount(weekStart: -10, count: 1)])
            #expect(result.heatmap.map { $0[0] } == [1, 0, 0, 0, 0, 2, 0])
            #expect(result.heatmapLines()[5] == "Sat ▒")
            #expect(result.heatmapLines()[6] == "Sun  ")
            #expect(result.firstWeekStart == -10)
            #expect(stats(today: -5, weeks: 3).firstWeekStart == -24)
            #expect(CivilDate.weekStart(ofDay: 0) == -3, "1970-01-01 was a Thursday")
        }

        @Test func absurdDayNumbersDoNotCrash() {
            let extreme = [Int.min, Int.max, 0]
            let high = stats(activity: extreme, done: extreme, today: Int.max, weeks: 520)
            #expect(high.heatmap.count == 7)
            let low = stats(activity: extreme, done: extreme, today: Int.min, weeks: 520)
            #expect(low.currentStreak == 0)
        }
    }
}

extension ActivityStatsTests {
    @Suite struct Streaks {
        @Test func streakIncludesTodayAndLongestSurvivesAGap() {
            let activity = [monday, monday - 1, monday - 2]               // current run: 3 days
                + [monday - 4, monday - 5, monday - 6, monday - 7, monday - 8]  // earlier run: 5 days
            let result = stats(activity: activity)
            #expect(result.currentStreak == 3)
            #expect(result.longestStreak == 5)
        }

        @Test func streakStillCountsUntilTodayIsOver() {
            let result = stats(activity: [monday - 1, monday - 2])
            #expect(result.currentStreak == 2)
        }

        @Test func aWholeDayWithoutActivityBreaksTheStreak() {
            let result = stats(activity: [monday - 2, monday - 3])
            #expect(result.currentStreak == 0)
            #expect(result.longestStreak == 2)
        }

        @Test func severalEventsOnOneDayAreOneStreakDay() {
            let result = stats(activity: [monday, monday, monday])
            #expect(result.currentStreak == 1)
            #expect(result.longestStreak == 1)
        }

        @Test func futureDaysDoNotExtendStreaks() {
            let result = stats(activity: [monday + 1, monday + 2, monday + 3, monday - 1])
            #expect(result.currentStreak == 1)
            #expect(result.longestStreak == 1)
        }
    }
}

extension ActivityStatsTests {
    @Suite struct PaceAndWeeks {
        @Test func doneIsBucketedIntoMondayToSundayWeeks() {
            let done = [
                day(11, 8),               // Sunday before the first week: not shown
                day(11, 9), day(11, 15),  // first Monday and Sunday
                day(11, 16), day(11, 22), day(11, 22),
                monday,
                monday + 1,               // tomorrow: not yet happened
            ]
            let result = stats(done: done, weeks: 3)
            #expect(result.donePerWeek == [
                ActivityStats.WeekCount(weekStart: day(11, 9), count: 2),
                ActivityStats.WeekCount(weekStart: day(11, 16), count: 3),
                ActivityStats.WeekCount(weekStart: monday, count: 1),
            ])
        }

        @Test func paceCountsTheLast28Days() {
            // Day −27 is inside the window, day −28 is not: 7 done in 4 weeks is 1.75 a week.
            let done = [monday - 27, monday - 28, monday - 20, monday - 14, monday - 9, monday - 5, monday - 1, monday]
            let result = stats(done: done, weeks: 8)
            #expect(result.pacePerWeek == 1.75)
        }

        @Test func threeInFourWeeks() {
            // 3 done in 4 weeks = 0.75 a week.
            let result = stats(activity: fourWeeks, done: [monday, monday - 3, monday - 10], weeks: 4)
            #expect(result.pacePerWeek == 0.75)
        }

        @Test func shortViewsMeasureAShortWindow() {
            // Two weeks: the window is 14 days (−13 … 0) and the divisor 2.
            let result = stats(activity: fourWeeks, done: [monday - 13, monday - 14, monday - 2], weeks: 2)
            #expect(result.pacePerWeek == 1)
        }

        @Test func nothingRecentIsNoPace() {
            let result = stats(activity: fourWeeks, done: [monday - 40], weeks: 4)
            #expect(result.pacePerWeek == 0)
        }
    }
}

extension ActivityStatsTests {
    /// A new learner's first day must not extrapolate a pace measured over four weeks.
    @Suite struct ShortHistory {
        @Test func dayOneIsMeasuredOverThatDay() {
            let result = stats(activity: [monday, monday, monday], done: [monday, monday, monday], weeks: 12)
            #expect(result.activeDays == 1)
            #expect(result.pacePerWeek == 21)  // 3 in the one day there is, not 3 in 28 days
        }

        @Test func sevenActiveDaysAreMeasuredSinceTheFirst() {
            let seven = (0..<7).map { monday - $0 * 2 }
            let result = stats(activity: seven, done: seven, weeks: 12)
            #expect(result.activeDays == 7)
            // 7 done in the 13 days since the first activity.
            #expect(abs(result.pacePerWeek - 49.0 / 13.0) < 1e-9)
        }

        @Test func aLongHistoryStillMeasuresTheLast28Days() {
            let days = (0..<60).map { monday - $0 }
            let result = stats(activity: days, done: [monday - 3, monday - 30], weeks: 12)
            #expect(result.pacePerWeek == 0.25)
        }
    }
}
