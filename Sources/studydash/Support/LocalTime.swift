import Foundation
import StudyApp
import StudyCore

/// The local time zone at the edge of the program: the core counts days from a UTC offset.
enum LocalTime {
    static func utcOffset(at date: Date = Date()) -> Int { TimeZone.current.secondsFromGMT(for: date) }

    /// Today's local day number by `clock` (the store's, so that a test's clock rules here too).
    static func today(_ clock: Clock, offset: Int = utcOffset()) -> Int { clock.now().day(utcOffsetSeconds: offset) }

    /// `2026-11-23 09:41` in local time, for people; JSON keeps ISO 8601 UTC.
    static func display(_ time: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1000)
        let local = Timestamp(milliseconds: time.milliseconds + Int64(utcOffset(at: date)) * 1000)
        return String(local.description.replacingOccurrences(of: "T", with: " ").prefix(16))
    }
}
