import Foundation
import StudyCore
import StudyStore

/// Local days from timestamps, by the time zone's rules on each timestamp's own date: an event
/// from last winter is dated by the winter offset even when today is in summer time, so a late
/// evening never slides into the next day across a daylight-saving change.
public enum LocalDay {
    /// The local time zone's offset from UTC, in seconds, at `time`.
    public static func utcOffset(at time: Timestamp, in zone: TimeZone = .current) -> Int {
        zone.secondsFromGMT(for: date(time.milliseconds))
    }

    /// The local day number of `time`.
    public static func of(_ time: Timestamp, in zone: TimeZone = .current) -> Int {
        time.day(utcOffsetSeconds: utcOffset(at: time, in: zone))
    }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Dates many timestamps, asking the time zone only when one falls outside the span between
    /// two of its transitions that the last answer came from: a log of 100,000 events spans a
    /// handful of them, and the time zone's answer is the slow part.
    public struct Dater {
        let zone: TimeZone
        private var offset = 0
        /// The offset holds for `from ..< until` (milliseconds); empty until the first call.
        private var from = Int64.max, until = Int64.min

        public init(_ zone: TimeZone = .current) { self.zone = zone }

        public mutating func day(_ milliseconds: Int64) -> Int {
            if milliseconds < from || milliseconds >= until { learn(milliseconds) }
            return Timestamp(milliseconds: milliseconds).day(utcOffsetSeconds: offset)
        }

        /// The offset at `time`, and the transitions either side of it: the next one is asked
        /// for, the last one before is the latest next one after a point a year and more back
        /// (no zone changes its offset more than a few times a year).
        private mutating func learn(_ time: Int64) {
            offset = zone.secondsFromGMT(for: LocalDay.date(time))
            let next = zone.nextDaylightSavingTimeTransition(after: LocalDay.date(time))
            until = next.map { Self.milliseconds($0) } ?? Int64.max
            var start = time - Self.lookBack
            while let transition = zone.nextDaylightSavingTimeTransition(after: LocalDay.date(start)),
                  Self.milliseconds(transition) <= time, Self.milliseconds(transition) > start {
                start = Self.milliseconds(transition)
            }
            from = start
            // Whatever the zone's data, the span must hold `time`, or every call would ask again.
            if !(from...max(from, until - 1)).contains(time) { (from, until) = (time, time + 1) }
        }

        private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

        /// 400 days, in milliseconds.
        private static let lookBack: Int64 = 400 * 86_400_000
    }
}

extension StudySession {
    /// The whole log as local days, and today by the store's clock: what the dashboard view and
    /// `studydash stats` count, with the revisit ladder's history. Events are counted per day as
    /// they are read (runs of one day added at once), never made into a value each.
    public func activity(in zone: TimeZone = .current) throws(StoreError) -> ActivityLog {
        let records = try store.activity()
        var dater = LocalDay.Dater(zone)
        var perDay: [Int: Int] = [:]
        var run = (day: 0, count: 0)
        for time in records.times {
            let day = dater.day(time)
            if day == run.day { run.count += 1; continue }
            if run.count > 0 { perDay[run.day, default: 0] += run.count }
            run = (day, 1)
        }
        if run.count > 0 { perDay[run.day, default: 0] += run.count }
        let finishes = records.finishes.map {
            ActivityLog.Event(itemID: $0.itemID, at: $0.at, day: dater.day($0.at.milliseconds), madeDone: true)
        }
        return ActivityLog(eventsPerDay: perDay, finishes: finishes, today: today(in: zone),
                           revisits: try revisitHistory(revisits: records.revisits, in: zone))
    }

    /// Today's local day number by the store's clock.
    public func today(in zone: TimeZone = .current) -> Int {
        LocalDay.of(store.clock.now(), in: zone)
    }
}
