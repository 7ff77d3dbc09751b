import StudyCore
import StudyTestSupport
import Testing

/// The dashboard view's "recently finished": each resource once, at its latest finish up to
/// today, newest first, only those still done, at most `limit`. Checked against a plain reading
/// of random logs (repeated finishes, undone ones, days after today, resources reset since).
@Suite struct RecentlyFinishedTests {
    /// The rule read straight off the events, newest first.
    static func expected(_ events: [ActivityLog.Event], today: Int, limit: Int, isDone: (String) -> Bool) -> [String] {
        var seen = Set<String>()
        var finished: [String] = []
        for event in events.reversed() where event.madeDone && event.day <= today {
            guard seen.insert(event.itemID).inserted else { continue }
            if isDone(event.itemID) && finished.count < limit { finished.append(event.itemID + "@\(event.day)") }
        }
        return finished
    }

    @Test func theLatestFinishOfEachResourceStillDoneNewestFirst() {
        var random = SplitMix(seed: 23)
        let today = 100
        for _ in 0..<200 {
            var day = 80
            let events: [ActivityLog.Event] = (0..<random.below(40)).map { _ in
                day += random.below(2)
                return ActivityLog.Event(itemID: "r\(random.below(8))", at: Timestamp(milliseconds: Int64(day) * 86_400_000),
                                         day: day, madeDone: random.below(3) != 0)
            }
            let reset = Set((0..<8).filter { _ in random.below(4) == 0 }.map { "r\($0)" })
            let limit = random.below(6)
            let log = ActivityLog(events: events, today: today)
            let found = log.recentlyFinished(limit: limit) { !reset.contains($0) }.map { $0.itemID + "@\($0.day)" }
            #expect(found == Self.expected(events, today: today, limit: limit) { !reset.contains($0) },
                    "events \(events.map { "\($0.itemID)@\($0.day)\($0.madeDone ? "" : "x")" }), reset \(reset), limit \(limit)")
        }
    }

    /// At midnight the open dashboard moves its log's day on: a finish dated the new day (a
    /// device ahead in time zone synced it in) is now counted.
    @Test func aFinishOnTheNextDayCountsOnceTheDayHasCome() {
        let events = [ActivityLog.Event(itemID: "r1", at: Timestamp(milliseconds: 100 * 86_400_000), day: 100, madeDone: true),
                      ActivityLog.Event(itemID: "r2", at: Timestamp(milliseconds: 101 * 86_400_000), day: 101, madeDone: true)]
        var log = ActivityLog(events: events, today: 100)
        #expect(log.recentlyFinished(limit: 5) { _ in true }.map(\.itemID) == ["r1"])
        log.today = 101
        #expect(log.recentlyFinished(limit: 5) { _ in true }.map(\.itemID) == ["r2", "r1"])
    }
}
