/// Study activity over time, from plain local day numbers (days since 1970-01-01): the weekly
/// heatmap, streaks, resources finished per week and the recent pace (the finish date is
/// `FinishForecast`'s).
/// The caller turns timestamps into days (`Timestamp.day(utcOffsetSeconds:)`), so this type needs
/// no calendar and answers the same whichever time zone the learner is in.
///
/// Events dated after `today` (a clock that was wrong when they were recorded) are ignored
/// everywhere, so they can neither fill future cells nor keep a streak alive.
public struct ActivityStats: Sendable, Equatable {
    /// Resources finished in one ISO week.
    public struct WeekCount: Hashable, Sendable {
        /// The week's Monday, as a day number.
        public let weekStart: Int
        public let count: Int

        public init(weekStart: Int, count: Int) {
            self.weekStart = weekStart
            self.count = count
        }
    }

    /// The longest history the heatmap and weekly counts cover (ten years); more would only make
    /// an unreadable grid and cost memory.
    public static let maximumWeeks = 520

    /// Today's local day number.
    public let today: Int
    /// How many weeks the heatmap and `donePerWeek` cover, after clamping to 1...`maximumWeeks`.
    public let weeks: Int
    /// Event counts, 7 rows (Monday … Sunday) × `weeks` columns, oldest week first. The last
    /// column is the week containing today; its days after today are 0 and render blank.
    public let heatmap: [[Int]]
    /// Consecutive days with activity ending today, or ending yesterday when nothing has happened
    /// yet today: a streak only breaks once a whole day passes without activity.
    public let currentStreak: Int
    /// The longest run of consecutive active days in the whole history.
    public let longestStreak: Int
    /// Resources finished in each of the last `weeks` ISO weeks, oldest first.
    public let donePerWeek: [WeekCount]
    /// Resources finished per week recently: the done events in the last 28 days (today − 27 …
    /// today), per week of that window. The window never starts before the first recorded
    /// activity, so a learner's first day is measured over that day rather than over four weeks
    /// of nothing. With fewer than 4 weeks asked for, the window is at most `weeks` × 7 days, so a
    /// short view measures a short pace.
    public let pacePerWeek: Double
    /// Days with at least one recorded activity, in the whole history.
    public let activeDays: Int

    /// - Parameters:
    ///   - activityDays: the local day of every change or annotation, one entry per event.
    ///   - doneDays: the local day of each event that made a resource done.
    ///   - today: today's local day number.
    ///   - weeks: weeks of history to show; clamped to 1...`maximumWeeks`.
    public init(activityDays: [Int], doneDays: [Int], today: Int, weeks: Int) {
        var perDay: [Int: Int] = [:]
        for day in activityDays { perDay[day, default: 0] += 1 }
        self.init(eventsPerDay: perDay, doneDays: doneDays, today: today, weeks: weeks)
    }

    /// - Parameters:
    ///   - eventsPerDay: how many changes and annotations each local day holds.
    ///   - doneDays: the local day of each event that made a resource done.
    ///   - today: today's local day number.
    ///   - weeks: weeks of history to show; clamped to 1...`maximumWeeks`.
    public init(eventsPerDay: [Int: Int], doneDays: [Int], today: Int, weeks: Int) {
        // Clamping keeps every "day ± a few weeks" below free of overflow; ±10⁹ days is about
        // 2.7 million years, far beyond any real date.
        let today = min(max(today, -DayMath.limit), DayMath.limit)
        let weeks = min(max(weeks, 1), Self.maximumWeeks)
        let pastActivity = eventsPerDay.filter { DayMath.isUsable($0.key, today: today) && $0.value > 0 }
        let pastDone = doneDays.filter { DayMath.isUsable($0, today: today) }

        self.today = today
        self.weeks = weeks

        let firstWeekStart = DayMath.firstWeekStart(today: today, weeks: weeks)
        heatmap = Self.countGrid(pastActivity, firstWeekStart: firstWeekStart, weeks: weeks)

        let activeDays = Set(pastActivity.keys)
        currentStreak = Self.currentStreak(activeDays, today: today)
        longestStreak = Self.longestStreak(activeDays)

        donePerWeek = Self.weeklyCounts(pastDone, firstWeekStart: firstWeekStart, weeks: weeks)

        let allActiveDays = activeDays.union(pastDone)
        self.activeDays = allActiveDays.count
        let firstDay = allActiveDays.min() ?? today
        let windowDays = min(min(weeks, 4) * 7, today - firstDay + 1)
        let windowStart = today - (windowDays - 1)
        let recentDone = pastDone.reduce(0) { $0 + ($1 >= windowStart ? 1 : 0) }
        pacePerWeek = Double(recentDone) * 7 / Double(windowDays)
    }

    /// The Monday of the oldest week shown: the first column of the heatmap and of `donePerWeek`.
    public var firstWeekStart: Int { DayMath.firstWeekStart(today: today, weeks: weeks) }

    /// The heatmap as text: 7 lines `Mon ` … `Sun ` followed by one cell per week, oldest first,
    /// then a legend line. Cells: blank for days still to come, `·` for none, and `░ ▒ ▓ █` for
    /// 1, 2–3, 4–6 and 7+ events (`. - + * #` when `ascii`).
    public func heatmapLines(ascii: Bool = false) -> [String] {
        let glyphs = ascii ? Self.asciiGlyphs : Self.unicodeGlyphs
        var lines: [String] = []
        for (weekday, label) in Self.dayLabels.enumerated() {
            var cells: [String] = []
            for week in 0..<weeks {
                let day = firstWeekStart + week * 7 + weekday
                cells.append(day > today ? " " : Self.glyph(for: heatmap[weekday][week], in: glyphs))
            }
            lines.append(label + " " + cells.joined(separator: " "))
        }
        lines.append("less " + glyphs.joined(separator: " ") + " more")
        return lines
    }

    // MARK: - Building the numbers

    private static let dayLabels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// Index 0 is "no activity", then the four intensity levels.
    private static let unicodeGlyphs = ["·", "░", "▒", "▓", "█"]
    private static let asciiGlyphs = [".", "-", "+", "*", "#"]

    private static func glyph(for count: Int, in glyphs: [String]) -> String {
        // Thresholds grow roughly geometrically so one busy day does not flatten every other cell.
        let level: Int
        switch count {
        case ...0: level = 0
        case 1: level = 1
        case 2...3: level = 2
        case 4...6: level = 3
        default: level = 4
        }
        return glyphs[level]
    }

    private static func countGrid(_ perDay: [Int: Int], firstWeekStart: Int, weeks: Int) -> [[Int]] {
        var grid = Array(repeating: Array(repeating: 0, count: weeks), count: 7)
        for (day, count) in perDay where day >= firstWeekStart {
            let offset = day - firstWeekStart
            grid[offset % 7][offset / 7] += count
        }
        return grid
    }

    private static func weeklyCounts(_ days: [Int], firstWeekStart: Int, weeks: Int) -> [WeekCount] {
        var counts = Array(repeating: 0, count: weeks)
        for day in days where day >= firstWeekStart {
            counts[(day - firstWeekStart) / 7] += 1
        }
        return counts.enumerated().map { WeekCount(weekStart: firstWeekStart + $0.offset * 7, count: $0.element) }
    }

    private static func currentStreak(_ activeDays: Set<Int>, today: Int) -> Int {
        var day = activeDays.contains(today) ? today : today - 1
        var length = 0
        while activeDays.contains(day) {
            length += 1
            day -= 1
        }
        return length
    }

    private static func longestStreak(_ activeDays: Set<Int>) -> Int {
        var longest = 0
        // Only days that begin a run are walked forward, so the whole pass stays linear.
        for day in activeDays where !activeDays.contains(day - 1) {
            var length = 1
            while activeDays.contains(day + length) { length += 1 }
            longest = max(longest, length)
        }
        return longest
    }
}

/// Day-number arithmetic that is safe for negative days (before 1970).
private enum DayMath {
    /// Supported day numbers are -limit...limit; see `ActivityStats.init`.
    static let limit = 1_000_000_000

    static func isUsable(_ day: Int, today: Int) -> Bool {
        day >= -limit && day <= today
    }

    /// The Monday that starts the oldest of `weeks` weeks ending with the week of `today`.
    static func firstWeekStart(today: Int, weeks: Int) -> Int {
        CivilDate.weekStart(ofDay: today) - (weeks - 1) * 7
    }
}
