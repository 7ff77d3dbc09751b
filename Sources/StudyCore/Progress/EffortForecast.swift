/// Time left from effort estimates: the compact figure shown beside a bar, and the day a pace
/// would finish it.
public enum EffortFormat {
    /// `45m` under an hour, else whole hours: `3h` when exact, `~3h` when rounded (half up).
    public static func compact(_ minutes: Int) -> String {
        guard minutes >= 60 else { return "\(max(0, minutes))m" }
        let hours = (minutes + 30) / 60
        return (minutes % 60 == 0 ? "" : "~") + "\(hours)h"
    }

    /// `~3h left` for a tally whose resources carry estimates; nil when none does, so notes
    /// without estimates show nothing new.
    public static func left(_ tally: Tally) -> String? {
        tally.effortMinutes > 0 ? compact(tally.remainingMinutes) + " left" : nil
    }
}

public enum EffortForecast {
    /// The local day number on which `remainingMinutes` of study would be finished, studying
    /// `minutesPerActiveDay` on each active day, with `activeDayShare` of the calendar days active
    /// (active days ÷ days since the first activity; 1 when every day is). A part day counts as a
    /// whole one. Today when nothing remains; nil when the pace says nothing (no minutes, no active
    /// days) or the day would be absurdly far (more than a century).
    public static func finishDay(remainingMinutes: Int, minutesPerActiveDay: Double, activeDayShare: Double = 1,
                                 today: Int) -> Int? {
        guard remainingMinutes > 0 else { return today }
        let minutesPerDay = minutesPerActiveDay * min(1, activeDayShare)
        guard minutesPerDay > 0, minutesPerDay.isFinite else { return nil }
        let days = (Double(remainingMinutes) / minutesPerDay).rounded(.up)
        guard days <= maximumDays else { return nil }
        return today + Int(days)
    }

    static let maximumDays = 36_525.0
}
