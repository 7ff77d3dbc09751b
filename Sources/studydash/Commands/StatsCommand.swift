import ArgumentParser
import StudyApp
import StudyCore
import StudyStore
import StudyText

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show study activity: a heatmap of recent weeks, streaks, resources done per week, the finish date.",
        discussion: """
            A day counts towards a streak when at least one status change or annotation was recorded on it \
            (local time). The finish date extrapolates your pace since your first recorded activity: \
            the effort estimates of the resources you finished per active day, against the estimated \
            time left, or where the notes carry no estimates the resources finished per active day, \
            against those neither done nor skipped. It needs \(FinishForecast.activeDaysNeeded) active \
            days of history. \
            "Due for revisit" lists the finished topics whose next revisit is due (see `studydash help revisit`).
            """)

    @Option(help: ArgumentHelp("How many weeks of history to show.", valueName: "n"))
    var weeks = 12

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if weeks < 1 || weeks > ActivityStats.maximumWeeks {
            throw ValidationError("--weeks must be between 1 and \(ActivityStats.maximumWeeks)")
        }
    }

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let progress = try storeCall { try session.progress() }
            let rollup = ProgressRollup(index: session.index, progress: progress)
            // Each event is dated by the offset on its own date (see LocalDay).
            let activity = try storeCall { try session.activity() }
            let stats = activity.stats(weeks: weeks)
            let forecast = activity.forecast(rollup.overall, in: session.tree)
            let lists = Lists(
                finished: activity.recentlyFinished(limit: Self.finishedShown) { id in
                    session.tree.resources[id].map { progress.status(of: $0) == .done } ?? false
                }.compactMap { event in session.tree.resources[event.itemID].map { ($0, event.at) } },
                next: NextQueue.resources(in: session.index, tree: session.tree, progress: progress, limit: Self.nextShown)
                    .map { ($0, progress.status(of: $0)) })
            let areas = rollup.areas(of: session.tree).map { (title: $0.title, tally: rollup.tally(of: $0.id)) }
            // The activity read brought the ladder's history along: no second read of the log.
            let due = activity.revisits.map { RevisitLadder.due(tree: session.tree, rollup: rollup, history: $0) } ?? []
            Output.write(json ? Self.json(stats, forecast, rollup.overall, lists, areas: areas, due: due)
                         : Array((Self.text(stats, forecast, rollup.overall, lists, areas: areas)
                                  + Self.dueText(due, today: stats.today)).utf8))
        }
    }

    /// As many as the dashboard view lists.
    static let finishedShown = 8, nextShown = 5

    /// What was finished last (with when) and what comes next (with its status).
    struct Lists {
        var finished: [(resource: Resource, at: Timestamp)]
        var next: [(resource: Resource, status: Status)]
    }

    typealias Area = (title: String, tally: Tally)

    static func text(_ stats: ActivityStats, _ forecast: FinishForecast, _ overall: Tally, _ lists: Lists,
                     areas: [Area]) -> String {
        let first = stats.firstWeekStart
        var out = "Overall \(ProgressBar.line(done: overall.done, of: overall.counted, width: 20, gap: " "))\n"
        out += "  \(overall.done) done · \(overall.learning) learning · \(overall.todo) todo · \(overall.skipped) skipped\n"
        out += "\nAreas\n"
        let titleWidth = min(40, areas.map { DisplayWidth.of(Output.safe($0.title)) }.max() ?? 0)
        let countWidth = ProgressBar.countWidth([overall.counted])
        for area in areas {
            let bar = ProgressBar.line(done: area.tally.done, of: area.tally.counted, width: 10, countWidth: countWidth, gap: " ")
            out += "  \(DisplayWidth.clip(Output.safe(area.title), to: titleWidth).padded(toColumns: titleWidth))  \(bar)\n"
        }
        out += "\nActivity, last \(Plural.count(stats.weeks, "week")) "
            + "(\(CivilDate(day: first)) – \(CivilDate(day: stats.today)))\n"
        out += stats.heatmapLines().map { "  " + $0 + "\n" }.joined()
        out += "\nStreak: \(days(stats.currentStreak)) (longest \(days(stats.longestStreak)))\n"
        out += "\nDone per week (week starting)\n"
        let most = max(1, stats.donePerWeek.map(\.count).max() ?? 1)
        for week in stats.donePerWeek.suffix(12) {
            let bar = String(repeating: "█", count: week.count == 0 ? 0 : max(1, week.count * 20 / most))
            out += "  \(CivilDate(day: week.weekStart))  \(String(week.count).rightAligned(toColumns: 4))  \(bar)\n"
        }
        out += "\n"
        out += "Pace: \(paceLine(stats, forecast))\n"
        let sentence = forecast.sentence(overall, today: stats.today)
        out += sentence.prefix(1).uppercased() + sentence.dropFirst() + ".\n"
        out += "\nRecently finished\n"
        out += lists.finished.isEmpty ? "  nothing yet\n"
            : lists.finished.map { "  \(LocalTime.display($0.at))  \(Output.safe($0.resource.title))\n" }.joined()
        out += "\nNext up\n"
        out += lists.next.isEmpty ? "  nothing left to study\n"
            : lists.next.map { "  \($0.status.rawValue.padded(toColumns: 8))  \(Output.safe($0.resource.title))\n" }.joined()
        return out
    }

    /// `45 min finished per active day (9 active days since 2026-11-02) · 1.8 done per week
    /// recently`: what the finish date is measured from. The weekly figure waits for as much
    /// history as the finish date does: four done on a first day is not "28 a week".
    static func paceLine(_ stats: ActivityStats, _ forecast: FinishForecast) -> String {
        let first = CivilDate(day: stats.today - max(forecast.daysSinceFirst, 1) + 1)
        let since = forecast.activeDays == 0 ? "no activity yet"
            : "\(Plural.count(forecast.activeDays, "active day")) since \(first)"
        let line = "\(forecast.paceText) finished per active day (\(since))"
        guard forecast.activeDays >= FinishForecast.activeDaysNeeded else { return line }
        let recent = (stats.pacePerWeek * 10).rounded() / 10
        return line + " · \(recent) done per week recently"
    }

    /// The topics due for a revisit, as `studydash revisit` lists them.
    static func dueText(_ due: [RevisitLadder.Entry], today: Int) -> String {
        "\nDue for revisit\n" + (due.isEmpty ? "  nothing\n" : RevisitCommand.text(due, today: today))
    }

    private static func days(_ count: Int) -> String { Plural.count(count, "day") }

    static func json(_ stats: ActivityStats, _ forecast: FinishForecast, _ overall: Tally, _ lists: Lists,
                     areas: [Area], due: [RevisitLadder.Entry] = []) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.stats/1")
        writer.beginObject("overall")
        tally(overall, into: &writer)
        writer.endObject()
        writer.beginArray("areas")
        for area in areas {
            writer.beginObject()
            writer.value("title", area.title)
            tally(area.tally, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.value("today", CivilDate(day: stats.today).description)
        writer.value("weeks", stats.weeks)
        writer.beginArray("heatmap")
        for (weekday, row) in stats.heatmap.enumerated() {
            writer.beginObject()
            writer.value("weekday", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday])
            writer.beginArray("counts")
            for count in row { writer.value(nil, count) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        // The same counts by date, only the days with activity: what a chart needs.
        writer.beginArray("days")
        for week in 0..<stats.weeks {
            for weekday in 0..<7 where stats.heatmap[weekday][week] > 0 {
                writer.beginObject()
                writer.value("date", CivilDate(day: stats.firstWeekStart + week * 7 + weekday).description)
                writer.value("count", stats.heatmap[weekday][week])
                writer.endObject()
            }
        }
        writer.endArray()
        writer.value("currentStreak", stats.currentStreak)
        writer.value("longestStreak", stats.longestStreak)
        writer.beginArray("donePerWeek")
        for week in stats.donePerWeek {
            writer.beginObject()
            writer.value("weekStart", CivilDate(day: week.weekStart).description)
            writer.value("done", week.count)
            writer.endObject()
        }
        writer.endArray()
        writer.value("pacePerWeek", stats.pacePerWeek)
        writer.value("remaining", overall.remaining)
        forecastFields(forecast, overall, today: stats.today, into: &writer)
        writer.beginArray("recentlyFinished")
        for (resource, at) in lists.finished {
            writer.beginObject()
            ResourceJSON.fields(resource, into: &writer)
            writer.value("finishedAt", at.description)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("nextUp")
        for (resource, status) in lists.next {
            writer.beginObject()
            ResourceJSON.fields(resource, into: &writer)
            writer.value("status", status.rawValue)
            writer.endObject()
        }
        writer.endArray()
        RevisitCommand.dueList(due, into: &writer)
        writer.endObject()
        return writer.bytes
    }

    /// The finish date and what it is measured from. Minutes are null where no resource carries
    /// an estimate; the date is null, with a reason, where the history cannot say.
    private static func forecastFields(_ forecast: FinishForecast, _ overall: Tally, today: Int,
                                       into writer: inout JSONWriter) {
        let effort = forecast.basis == .effort
        writer.value("paceBasis", forecast.basis.rawValue)
        // The pace in its own unit; the other unit's key is null.
        for (key, isBasis) in [("minutesPerActiveDay", effort), ("resourcesPerActiveDay", !effort)] {
            if isBasis { writer.value(key, forecast.perActiveDay) } else { writer.value(key, nil as Int?) }
        }
        writer.value("remainingMinutes", overall.hasEstimates ? overall.remainingMinutes : nil)
        writer.value("activeDays", forecast.activeDays)
        writer.value("daysSinceFirstActivity", forecast.daysSinceFirst)
        writer.value("estimatedFinish", forecast.finishDay.map { CivilDate(day: $0).description })
        writer.value("noEstimateReason", forecast.reason?.rawValue)
        writer.value("noEstimateMessage", forecast.reason == nil ? nil : forecast.sentence(overall, today: today))
    }

    private static func tally(_ tally: Tally, into writer: inout JSONWriter) {
        writer.value("done", tally.done)
        writer.value("learning", tally.learning)
        writer.value("todo", tally.todo)
        writer.value("skipped", tally.skipped)
        writer.value("counted", tally.counted)
        writer.value("estimatedCount", tally.estimated)
    }
}
