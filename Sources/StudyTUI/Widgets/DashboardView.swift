import StudyCore
import StudyText
import TermGrid

/// The dashboard view (`D`): overall and per-area bars, the activity heatmap, streaks, done per
/// week, next up, due for revisit and recently finished (the selectable rows), and the pace. Two
/// columns from 80×24 up; below that one column, the rows scrolled to keep the cursor in sight.
enum DashboardView {
    static func draw(_ panel: DashboardPanel, state: AppState, into grid: inout Grid, rect: Rect) {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let rows = panel.rows(state)
        let due = panel.due
        let cursor = min(panel.cursor, max(0, rows.count + due.count - 1))
        if rect.width >= Layout.splitWidth && rect.height >= Layout.splitHeight - 2 {
            let leftWidth = rect.width / 2 - 1
            let left = Rect(x: rect.x + 1, y: rect.y, width: leftWidth - 1, height: rect.height)
            let right = Rect(x: rect.x + leftWidth + 2, y: rect.y, width: rect.width - leftWidth - 3, height: rect.height)
            // One count of the log per frame: it may hold 100,000 events.
            let stats = stats(panel, state: state, width: left.width)
            var y = overview(state, into: &grid, rect: left)
            y = activity(stats, into: &grid, x: left.x, y: y + 1, width: left.width)
            areas(state, into: &grid, rect: Rect(x: left.x, y: y + 1, width: left.width, height: left.y + left.height - y - 1))
            let listEnd = lists(rows, due: due, cursor: cursor, today: panel.activity?.today, into: &grid,
                                rect: Rect(x: right.x, y: right.y, width: right.width, height: right.height - 3))
            pace(panel.activity, state: state, into: &grid, x: right.x, y: listEnd + 1, width: right.width, rows: 2)
        } else {
            let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
            let stats = stats(panel, state: state, width: inner.width)
            let y = overview(state, into: &grid, rect: inner)
            let used = streaks(stats, into: &grid, x: inner.x, y: y, width: inner.width)
            let listRect = Rect(x: inner.x, y: y + used, width: inner.width, height: inner.y + inner.height - y - used - 1)
            lists(rows, due: due, cursor: cursor, today: panel.activity?.today, into: &grid, rect: listRect)
            pace(panel.activity, state: state, into: &grid, x: inner.x, y: inner.y + inner.height - 1, width: inner.width,
                 rows: 1)
        }
    }

    // MARK: Sections (each returns the row after its last)

    /// The overall bar and the counts per status.
    @discardableResult
    static func overview(_ state: AppState, into grid: inout Grid, rect: Rect) -> Int {
        let overall = state.rollup.overall
        grid.put("Overall ", x: rect.x, y: rect.y, style: .bold)
        Drawing.progress(overall, into: &grid, x: rect.x + 8, y: rect.y, barWidth: max(0, min(20, rect.width - 26)))
        var x = rect.x
        let counts: [(String, Status)] = [("\(overall.done) done", .done), ("\(overall.learning) learning", .learning),
                                          ("\(overall.todo) todo", .todo), ("\(overall.skipped) skipped", .skipped)]
        for (index, (text, status)) in counts.enumerated() {
            let piece = (index > 0 ? " · " : "") + text
            guard x + DisplayWidth.of(piece) <= rect.x + rect.width else { break }
            x += grid.put(piece, x: x, y: rect.y + 1, style: Drawing.markStyle(status))
        }
        return rect.y + 2
    }

    /// The heatmap (days as rows, as many weeks as fit), its legend, the streaks and the weeks.
    static func activity(_ stats: ActivityStats?, into grid: inout Grid, x: Int, y: Int, width: Int) -> Int {
        guard let stats else {
            grid.put("reading the activity…", x: x, y: y, style: .muted)
            return y + 1
        }
        let lines = stats.heatmapLines()
        let legend = lines.last ?? ""
        let heading = "Activity, \(Plural.count(stats.weeks, "week"))"
        let fits = DisplayWidth.of(heading) + 2 + DisplayWidth.of(legend) <= width
        grid.put(fits ? heading : "Activity", x: x, y: y, style: .bold)
        grid.put(legend, x: x + width - DisplayWidth.of(legend), y: y, style: .muted)
        for (row, line) in lines.dropLast().enumerated() {
            grid.put(String(line.prefix(4)), x: x, y: y + 1 + row, style: .muted)
            grid.put(String(line.dropFirst(4)), x: x + 4, y: y + 1 + row, style: CellStyle(role: .done), limit: width - 4)
        }
        let used = streaks(stats, into: &grid, x: x, y: y + 8, width: width)
        let recent = stats.donePerWeek.suffix(6).map { String($0.count) }.joined(separator: " ")
        grid.put("done per week, last 6: " + recent, x: x, y: y + 8 + used, limit: width)
        return y + 9 + used
    }

    /// `streak 3 days · longest 9`, then `4 done this week` (beside it when there is room); while
    /// the activity is being read, a line saying so.
    /// Returns the rows used.
    @discardableResult
    static func streaks(_ stats: ActivityStats?, into grid: inout Grid, x: Int, y: Int, width: Int) -> Int {
        guard let stats else {
            grid.put("reading the activity…", x: x, y: y, style: .muted, limit: width)
            return 1
        }
        let streak = "streak \(Plural.count(stats.currentStreak, "day")) · longest \(stats.longestStreak)"
        let week = "\(stats.donePerWeek.last?.count ?? 0) done this week"
        if DisplayWidth.of(streak + " · " + week) <= width {
            grid.put(streak + " · " + week, x: x, y: y, limit: width)
            return 1
        }
        grid.put(streak, x: x, y: y, limit: width)
        grid.put(week, x: x, y: y + 1, limit: width)
        return 2
    }

    /// A bar per area (the top-level topics that hold resources), as many as fit.
    static func areas(_ state: AppState, into grid: inout Grid, rect: Rect) {
        guard rect.height > 1 else { return }
        let nodes = state.rollup.areas(of: state.index.tree).compactMap { state.index.index(ofTopic: $0.id) }
        grid.put("Areas", x: rect.x, y: rect.y, style: .bold)
        let countWidth = Drawing.countWidth(forTotal: state.rollup.overall.counted)
        let barWidth = 8
        let titleWidth = rect.width - Drawing.progressWidth(Tally(), barWidth: barWidth, countWidth: countWidth) - 1
        let room = rect.height - 1
        for (row, node) in nodes.prefix(room).enumerated() {
            let y = rect.y + 1 + row
            if row == room - 1 && nodes.count > room {
                grid.put("… \(nodes.count - row) more (the tree has them all)", x: rect.x, y: y, style: .muted, limit: rect.width)
                break
            }
            grid.put(Drawing.clip(state.index.nodes[node].topic.title, titleWidth), x: rect.x, y: y, limit: titleWidth)
            Drawing.progress(state.tally(of: node), into: &grid, x: rect.x + titleWidth + 1, y: y,
                             barWidth: barWidth, countWidth: countWidth)
        }
    }

    /// Next up, due for revisit and recently finished, the cursor's row reversed; scrolled when
    /// they do not fit. What is due comes before what is done, so that at 80×24 a due topic is
    /// on the first screen beside eight recent finishes. Returns the row after the last drawn.
    @discardableResult
    static func lists(_ rows: [DashboardPanel.Row], due: [RevisitLadder.Entry] = [], cursor: Int, today: Int?,
                      into grid: inout Grid, rect: Rect) -> Int {
        var lines: [(text: String, style: CellStyle, row: Int?)] = [("Next up", .bold, nil)]
        let next = rows.enumerated().filter { $0.element.list == .nextUp }
        if next.isEmpty { lines.append(("  nothing left to study", .muted, nil)) }
        for (index, row) in next {
            let mark = row.status == .learning ? "learning  " : "todo      "
            lines.append(("  " + mark + row.resource.title, Drawing.markStyle(row.status), index))
        }
        lines += dueLines(due, firstRow: next.count, today: today)
        lines.append(("", .plain, nil))
        lines.append(("Recently finished", .bold, nil))
        let finished = rows.enumerated().filter { $0.element.list == .finished }
        if finished.isEmpty { lines.append((today == nil ? "  reading the activity…" : "  nothing yet", .muted, nil)) }
        for (index, row) in finished {
            lines.append(("  " + when(row.finishedDay, today: today) + "  " + row.resource.title, .plain, index + due.count))
        }
        guard rect.height > 0 else { return rect.y }
        let cursorLine = lines.firstIndex { $0.row == cursor } ?? 0
        let top = max(0, min(cursorLine - rect.height + 1, lines.count - rect.height))
        for (offset, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            let y = rect.y + offset
            let selected = line.row == cursor
            let style = selected ? line.style.adding(.reverse) : line.style
            if selected { grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: style) }
            grid.put(Drawing.clip(line.text, rect.width), x: rect.x, y: y, style: style, limit: rect.width)
        }
        return rect.y + min(rect.height, lines.count - top)
    }

    /// "Due for revisit": each due topic with how long it has waited and its rung; its rows are
    /// numbered on from `firstRow` (they follow next up under the cursor).
    static func dueLines(_ due: [RevisitLadder.Entry], firstRow: Int,
                         today: Int?) -> [(text: String, style: CellStyle, row: Int?)] {
        var lines: [(text: String, style: CellStyle, row: Int?)] = [("", .plain, nil), ("Due for revisit", .bold, nil)]
        if due.isEmpty { lines.append((today == nil ? "  reading the activity…" : "  nothing due", .muted, nil)) }
        for (offset, entry) in due.enumerated() {
            let late = (today ?? 0) - (entry.dueDay ?? 0)
            let since = late <= 0 ? "today     " : "\(late)d late".padded(toColumns: 10)
            let rung = "\(RevisitLadder.rungs[(entry.rung ?? 1) - 1])-day"
            lines.append(("  \(since)  \(rung.padded(toColumns: 6))  \(entry.topic.title)", .plain, firstRow + offset))
        }
        return lines
    }

    /// What is left at the learner's pace and the finish date, or why there is none yet.
    static func pace(_ activity: ActivityLog?, state: AppState, into grid: inout Grid, x: Int, y: Int, width: Int,
                     rows: Int) {
        // The fullest wording that fits the rows there are, so that none is cut mid-phrase;
        // the shortest, clipped, where even that does not fit.
        let wordings = FinishForecast.Wording.allCases.lazy.map { wording in
            TextWrap.wrap(paceSentence(activity, state: state, wording: wording), width: max(1, width))
        }
        let lines = wordings.first { $0.count <= rows } ?? wordings.last ?? []
        for (row, line) in lines.prefix(rows).enumerated() {
            grid.put(line, x: x, y: y + row, limit: width)
        }
    }

    /// The forecast's sentence; while the activity is still being read, what is left is known
    /// from the progress alone, and the finish date waits for the pace.
    static func paceSentence(_ activity: ActivityLog?, state: AppState, wording: FinishForecast.Wording) -> String {
        let overall = state.rollup.overall
        guard let activity else {
            if overall.remaining == 0 { return "all finished" }
            let left = FinishForecast(overall: overall, finished: [], activeDays: 0, firstDay: nil, today: 0)
            let words = (wording == .full ? "about " : "") + "\(left.remainingText) left"
            return words + (wording == .shortest ? " · reading…" : " · reading the activity for a finish date…")
        }
        return activity.forecast(overall, in: state.index.tree).sentence(overall, today: activity.today, wording: wording)
    }

    // MARK: Helpers

    /// The stats for a heatmap as wide as `width` allows (`Mon ` and two columns a week).
    static func stats(_ panel: DashboardPanel, state: AppState, width: Int) -> ActivityStats? {
        let weeks = max(1, min(ActivityStats.maximumWeeks, (width - 3) / 2))
        return panel.activity?.stats(weeks: weeks)
    }

    static func when(_ day: Int?, today: Int?) -> String {
        guard let day, let today else { return "" }
        switch today - day {
        case 0: return "today     "
        case 1: return "yesterday "
        default: return CivilDate(day: day).description
        }
    }
}
