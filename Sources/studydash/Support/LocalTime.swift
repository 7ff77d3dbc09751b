import StudyApp
import StudyCore

/// The local time zone at the edge of the program: the core counts days from a UTC offset, which
/// `LocalDay` takes per timestamp (the dashboard counts days the same way).
enum LocalTime {
    /// Today's local day number by `clock` (the store's, so that a test's clock rules here too).
    static func today(_ clock: Clock) -> Int { LocalDay.of(clock.now()) }

    /// `2026-11-23 09:41` in local time, for people; JSON keeps ISO 8601 UTC.
    static func display(_ time: Timestamp) -> String {
        let local = Timestamp(milliseconds: time.milliseconds + Int64(LocalDay.utcOffset(at: time)) * 1000)
        return String(local.description.prefix(16).map { $0 == "T" ? " " : $0 })
    }
}
