import StudyCore
import StudyStore

/// Local days from timestamps, by the time zone's rules on each timestamp's own date: an event
/// from last winter is dated by the winter offset even when today is in summer time, so a late
/// evening never slides into the next day across a daylight-saving change.
public enum LocalDay {
    /// The local time zone's offset from UTC, in seconds, at `time`.
    public static func utcOffset(at time: Timestamp, in zone: LocalZone = .system) -> Int {
        zone.utcOffset(at: time)
    }

    /// The local day number of `time`.
    public static func of(_ time: Timestamp, in zone: LocalZone = .system) -> Int {
        time.day(utcOffsetSeconds: utcOffset(at: time, in: zone))
    }

    /// Dates many timestamps, asking the zone about each UTC day they fall on only once: a log of
    /// 1,000,000 events spans a few hundred days, and the zone's answer is the slow part.
    ///
    /// A day whose first and last second have the same offset is taken to have it throughout;
    /// one whose ends differ is halved until each change is found to the second. Two changes that
    /// undo each other within one day would go unseen: the shortest such round trip in the tz
    /// database (2025b, 1800–2100) lasts four days (Africa/Freetown, 1939).
    public struct Dater {
        let zone: LocalZone
        private var offset = 0
        /// The offset holds for `from ..< until` (milliseconds); empty until the first call.
        private var from = Int64.max, until = Int64.min
        /// The offsets of each day asked about, by UTC day: a log read out of time order (states
        /// by item) comes back to the same days.
        private var days: [Int64: [Piece]] = [:]

        /// From `start` (seconds since 1970 UTC) until the next piece, the zone is `offset` ahead.
        struct Piece {
            var start: Int64
            var offset: Int
        }

        public init(_ zone: LocalZone = .system) { self.zone = zone }

        public mutating func day(_ milliseconds: Int64) -> Int {
            if milliseconds < from || milliseconds >= until { learn(milliseconds) }
            return Timestamp(milliseconds: milliseconds).day(utcOffsetSeconds: offset)
        }

        /// The offset at `time` and the span of its day it holds for.
        private mutating func learn(_ time: Int64) {
            let second = LocalZone.second(of: time)
            let day = second >= 0 ? second / 86_400 : -((-(second + 1)) / 86_400) - 1
            let start = day * 86_400, end = start + 86_400
            let pieces = days[day] ?? offsets(from: start, to: end - 1)
            days[day] = pieces
            let index = pieces.lastIndex { $0.start <= second } ?? 0
            offset = pieces[index].offset
            from = Self.milliseconds(pieces[index].start)
            until = Self.milliseconds(index + 1 < pieces.count ? pieces[index + 1].start : end)
        }

        /// The pieces of `first ... last` (seconds), each with the offset that holds through it.
        private func offsets(from first: Int64, to last: Int64) -> [Piece] {
            let atFirst = zone.utcOffset(atSecond: first), atLast = zone.utcOffset(atSecond: last)
            var pieces = [Piece(start: first, offset: atFirst)]
            if atFirst != atLast { changes(between: (first, atFirst), and: (last, atLast), into: &pieces) }
            return pieces
        }

        /// Appends, in time order, where the offset changes after `low` up to `high`, whose offsets
        /// differ.
        private func changes(between low: (second: Int64, offset: Int), and high: (second: Int64, offset: Int),
                             into pieces: inout [Piece]) {
            if high.second - low.second == 1 {
                pieces.append(Piece(start: high.second, offset: high.offset))
                return
            }
            let middle = low.second + (high.second - low.second) / 2
            let atMiddle = (second: middle, offset: zone.utcOffset(atSecond: middle))
            if atMiddle.offset != low.offset { changes(between: low, and: atMiddle, into: &pieces) }
            if atMiddle.offset != high.offset { changes(between: atMiddle, and: high, into: &pieces) }
        }

        /// A second as milliseconds, held at the ends of the range for times no clock reaches.
        private static func milliseconds(_ second: Int64) -> Int64 {
            let (product, overflow) = second.multipliedReportingOverflow(by: 1000)
            return overflow ? (second < 0 ? Int64.min : Int64.max) : product
        }
    }
}

extension StudySession {
    /// The whole log as local days, and today by the store's clock: what the dashboard view and
    /// `studydash stats` count, with the revisit ladder's history. Events are counted per day as
    /// they are read (runs of one day added at once), never made into a value each.
    public func activity(in zone: LocalZone = .system) throws(StoreError) -> ActivityLog {
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
    public func today(in zone: LocalZone = .system) -> Int {
        LocalDay.of(store.clock.now(), in: zone)
    }
}
