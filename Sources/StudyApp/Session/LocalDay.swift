import Foundation
import StudyCore
import StudyStore

/// Local days from timestamps, by the time zone's rules on each timestamp's own date: an event
/// from last winter is dated by the winter offset even when today is in summer time, so a late
/// evening never slides into the next day across a daylight-saving change.
public enum LocalDay {
    /// The local time zone's offset from UTC, in seconds, at `time`.
    public static func utcOffset(at time: Timestamp, in zone: TimeZone = .current) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.milliseconds) / 1000))
    }

    /// The local day number of `time`.
    public static func of(_ time: Timestamp, in zone: TimeZone = .current) -> Int {
        time.day(utcOffsetSeconds: utcOffset(at: time, in: zone))
    }
}

extension StudySession {
    /// The whole log as local days, and today by the store's clock: what the dashboard view and
    /// `studydash stats` count, with the revisit ladder's history.
    public func activity(in zone: TimeZone = .current) throws(StoreError) -> ActivityLog {
        let events = try store.activity().map {
            ActivityLog.Event(itemID: $0.itemID, at: $0.at, day: LocalDay.of($0.at, in: zone), madeDone: $0.madeDone)
        }
        return ActivityLog(events: events, today: LocalDay.of(store.clock.now(), in: zone),
                           revisits: try revisitHistory(in: zone))
    }
}
