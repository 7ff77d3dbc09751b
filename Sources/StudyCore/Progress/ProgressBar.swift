import StudyText

/// Text progress bars and percentages for "done of counted": the one place that decides how much
/// of a bar is filled, so every screen and report rounds the same way.
public enum ProgressBar {
    /// Exactly `width` columns of `█` (done) and `░` (to do), or `=` and `-` when `ascii`.
    ///
    /// Cells are filled by floor, with two exceptions so the bar never lies at a glance: any
    /// progress at all shows at least one cell, and unfinished work never shows a full bar. When a
    /// single cell cannot honour both (width 1, partly done), it stays empty: a full bar would
    /// claim completion. Nothing counted, or nothing done, is an empty bar; more done than
    /// counted is a full one.
    public static func bar(done: Int, of counted: Int, width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let filled = filledCells(done: done, of: counted, width: width)
        let (full, empty) = ascii ? ("=", "-") : ("█", "░")
        return String(repeating: full, count: filled) + String(repeating: empty, count: width - filled)
    }

    /// Whole percent done, rounded down so that 100 appears only when everything counted is done
    /// (29 of 30 is 96, not 97 or 100). Nothing counted is 0; more done than counted is 100.
    public static func percent(done: Int, of counted: Int) -> Int {
        guard counted > 0 else { return 0 }
        let clampedDone = min(max(done, 0), counted)
        return scaledDown(clampedDone, times: 100, over: counted)
    }

    /// A bar followed by the counts and the percentage, e.g. `████░░░░░░░░  12/30   40%`: the
    /// line every report and pane shows, `gap` apart (the dashboard's narrow panes use one space).
    public static func line(done: Int, of counted: Int, width: Int, ascii: Bool = false, countWidth: Int = 0,
                            gap: String = "  ") -> String {
        bar(done: done, of: counted, width: width, ascii: ascii) + gap + counts(done: done, of: counted,
                                                                                countWidth: countWidth, gap: gap)
    }

    /// `12/30   40%`: the counts right-aligned to `countWidth` columns (see `countWidth(_:)`),
    /// then the percentage right-aligned in four, so that stacked lines keep their columns.
    public static func counts(done: Int, of counted: Int, countWidth: Int = 0, gap: String = "  ") -> String {
        "\(done)/\(counted)".rightAligned(toColumns: countWidth) + gap
            + "\(percent(done: done, of: counted))%".rightAligned(toColumns: 4)
    }

    /// The columns the widest `done/counted` of a table can take, given each line's total (done
    /// and counted never exceed it), so the column stays put as progress grows.
    public static func countWidth(_ totals: [Int]) -> Int {
        2 * (totals.map { String(max(0, $0)).count }.max() ?? 1) + 1
    }

    private static func filledCells(done: Int, of counted: Int, width: Int) -> Int {
        guard counted > 0, done > 0 else { return 0 }
        guard done < counted else { return width }
        var filled = scaledDown(done, times: width, over: counted)
        if filled == 0 { filled = 1 }
        if filled >= width { filled = width - 1 }
        return filled
    }

    /// floor(value * factor / divisor) for 0 <= value <= divisor, factor >= 0, divisor > 0,
    /// computed at double width so large counts cannot overflow; the result is at most `factor`.
    private static func scaledDown(_ value: Int, times factor: Int, over divisor: Int) -> Int {
        let product = value.multipliedFullWidth(by: factor)
        return divisor.dividingFullWidth(product).quotient
    }
}
