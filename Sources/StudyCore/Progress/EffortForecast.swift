import StudyText

/// Time left from effort estimates, and the day the learner's pace would finish it: the compact
/// figure beside a bar, the longer one that says how much of the work is estimated, and the
/// forecast the dashboard view and `studydash stats` tell.
public enum EffortFormat {
    /// `45m` under an hour, else whole hours: `3h` when exact, `~3h` when rounded (half up).
    public static func compact(_ minutes: Int) -> String {
        guard minutes >= 60 else { return "\(max(0, minutes))m" }
        let hours = (minutes + 30) / 60
        return (minutes % 60 == 0 ? "" : "~") + "\(hours)h"
    }

    /// `compact`, with a `+` when some counted resources carry no estimate (there is more to do
    /// than the figure says): the tree's rows have no room for more. Nil without any estimate,
    /// and with no estimated time left (a finished topic has nothing to tell).
    public static func marked(_ tally: Tally) -> String? {
        guard tally.hasEstimates, tally.remainingMinutes > 0 else { return nil }
        return compact(tally.remainingMinutes) + (tally.isFullyEstimated ? "" : "+")
    }

    /// `~3h left` for a tally whose resources all carry estimates, `~41h left (24 of 404
    /// estimated)` when only some do; nil when none does, so notes without estimates show
    /// nothing new, nor when no estimated time is left.
    public static func left(_ tally: Tally) -> String? {
        guard tally.hasEstimates, tally.remainingMinutes > 0 else { return nil }
        return compact(tally.remainingMinutes) + " left" + coverage(tally).map { " (\($0))" }.orEmpty
    }

    /// `24 of 404 estimated`, or nil when every counted resource is.
    public static func coverage(_ tally: Tally) -> String? {
        tally.isFullyEstimated ? nil : "\(tally.estimated) of \(tally.counted) estimated"
    }

    /// `45 min` under an hour, else `14 h` (rounded, half up): the words of a sentence.
    public static func spoken(_ minutes: Int) -> String {
        minutes < 60 ? "\(max(0, minutes)) min" : "\((minutes + 30) / 60) h"
    }
}

extension Optional<String> {
    fileprivate var orEmpty: String { self ?? "" }
}

public enum EffortForecast {
    /// The local day on which `remaining` (minutes, or resources) would be finished at the rate of
    /// `finished` over `overDays` calendar days: today + ⌈remaining × overDays ÷ finished⌉, in
    /// whole numbers so an exact number of days never rounds up to one more. Today when nothing
    /// remains; nil when the rate says nothing (nothing finished, no days) or the day would be
    /// absurdly far (more than a century).
    public static func finishDay(remaining: Int, finished: Int, overDays: Int, today: Int) -> Int? {
        guard remaining > 0 else { return today }
        guard finished > 0, overDays > 0 else { return nil }
        let (scaled, overflow) = remaining.multipliedReportingOverflow(by: overDays)
        guard !overflow else { return nil }
        let days = scaled / finished + (scaled % finished == 0 ? 0 : 1)
        guard days <= maximumDays else { return nil }
        return today + days
    }

    static let maximumDays = 36_525
}

/// The learner's pace and the finish date it implies, measured over the days since the first
/// activity (not a window that would count weeks before the learner began). In effort minutes
/// when the notes carry estimates: the minutes of the resources finished, per active day, against
/// the minutes left. Otherwise in resources: those finished per active day against those left.
public struct FinishForecast: Sendable, Equatable {
    public enum Basis: String, Sendable {
        case effort, resources
    }

    public enum NoDateReason: String, Sendable {
        /// Fewer than `activeDaysNeeded` active days so far.
        case notEnoughHistory
        /// Nothing (with an estimate, on the effort basis) finished yet.
        case noPace
        /// The date would be impossibly far away.
        case tooFarAway
    }

    /// Fewer active days than this give no finish date: a pace from a day or two says nothing.
    public static let activeDaysNeeded = 7

    public let basis: Basis
    /// Minutes (effort) or resources still to finish: neither done nor skipped.
    public let remaining: Int
    /// Minutes (effort) or resources finished in the log, each resource once.
    public let finished: Int
    /// Days with at least one recorded activity.
    public let activeDays: Int
    /// Days from the first activity to today, both counted (0 without any activity).
    public let daysSinceFirst: Int
    /// The finish day; today when nothing remains, nil with `reason` when the history cannot say.
    public let finishDay: Int?
    public let reason: NoDateReason?

    /// Minutes (effort) or resources finished per active day; 0 without activity.
    public var perActiveDay: Double { activeDays > 0 ? Double(finished) / Double(activeDays) : 0 }

    /// - Parameters:
    ///   - overall: what is left, and how much of it carries estimates.
    ///   - finished: per resource finished in the log, its estimate, or nil for none; each
    ///     resource once.
    ///   - activeDays / firstDay / today: the history's active days, its first day, today.
    public init(overall: Tally, finished: [Int?], activeDays: Int, firstDay: Int?, today: Int) {
        // Estimates all finished while unestimated resources remain say nothing about those.
        basis = overall.hasEstimates && (overall.remainingMinutes > 0 || overall.remaining == 0) ? .effort : .resources
        remaining = basis == .effort ? overall.remainingMinutes : overall.remaining
        self.finished = basis == .effort ? finished.reduce(0) { $0 + ($1 ?? 0) } : finished.count
        self.activeDays = activeDays
        daysSinceFirst = firstDay.map { max(0, today - $0 + 1) } ?? 0
        if remaining == 0 {
            (finishDay, reason) = (today, nil)
        } else if activeDays < Self.activeDaysNeeded {
            (finishDay, reason) = (nil, .notEnoughHistory)
        } else if self.finished == 0 {
            (finishDay, reason) = (nil, .noPace)
        } else if let day = EffortForecast.finishDay(remaining: remaining, finished: self.finished,
                                                     overDays: daysSinceFirst, today: today) {
            (finishDay, reason) = (day, nil)
        } else {
            (finishDay, reason) = (nil, .tooFarAway)
        }
    }

    /// `14 h` or `120 resources`: what is left, in the forecast's unit.
    public var remainingText: String {
        basis == .effort ? EffortFormat.spoken(remaining) : Plural.count(remaining, "resource")
    }

    /// `45 min` or `1.5 resources` finished per active day.
    public var paceText: String {
        switch basis {
        case .effort: return EffortFormat.spoken(Int(perActiveDay.rounded()))
        case .resources:
            let rate = (perActiveDay * 10).rounded() / 10
            return (rate == rate.rounded() ? String(Int(rate)) : String(rate)) + (rate == 1 ? " resource" : " resources")
        }
    }
}

extension FinishForecast {
    /// How many words the sentence takes: `short` for a narrow screen
    /// (`14 h left · finish ~12 March`), `shortest` without the parentheses (how many carry
    /// estimates, how much history there is) for a row too narrow even for that.
    public enum Wording: Sendable, CaseIterable {
        case full, short, shortest
    }

    /// `12 March`, with the year when it is not today's: `3 January 2028`.
    public static func spokenDate(_ day: Int, today: Int) -> String {
        let date = CivilDate(day: day)
        return "\(date.day) \(date.monthName)" + (date.year == CivilDate(day: today).year ? "" : " \(date.year)")
    }

    /// `about 14 h left at your pace, finishing around 12 March`, or why there is no date: the
    /// line the dashboard view and `studydash stats` both print. When only some resources carry
    /// estimates it says how many (`about 41 h left (24 of 404 estimated) …`).
    public func sentence(_ overall: Tally, today: Int, wording: Wording = .full) -> String {
        if overall.remaining == 0 { return "all finished" }
        let coverage = basis == .effort && wording != .shortest
            ? EffortFormat.coverage(overall).map { " (\($0))" } ?? "" : ""
        let left = (wording == .full ? "about " : "") + "\(remainingText) left" + coverage
        let date = Self.spokenDate(finishDay ?? today, today: today)
        let history = "\(activeDays) of \(Self.activeDaysNeeded)"
        switch (reason, wording != .full) {
        case (nil, false): return left + " at your pace, finishing around " + date
        case (nil, true): return left + " · finish ~" + date
        case (.notEnoughHistory, false):
            return left + "; not enough history yet for a finish date (\(history) active days needed)"
        case (.notEnoughHistory, true): return left + " · no date yet" + (wording == .short ? " (\(history) active days)" : "")
        case (.noPace, false):
            return left + (basis == .effort ? "; finish an estimated resource to see a finish date"
                                           : "; finish a resource to see a finish date")
        case (.noPace, true): return left + " · no pace yet"
        case (.tooFarAway, false): return left + "; at this pace the finish is too far away to date"
        case (.tooFarAway, true): return left + " · finish too far to date"
        }
    }
}
