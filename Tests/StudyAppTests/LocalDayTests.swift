import Foundation
import StudyApp
import StudyCore
import StudyTestSupport
import Testing

/// The dater the activity read uses asks the time zone once per span between transitions; it must
/// date every timestamp as asking each time would, in any order and at the transitions themselves.
@Suite struct LocalDayTests {
    static let hour: Int64 = 3_600_000

    /// Around Berlin's 2026 changes (29 March and 25 October, 01:00 UTC) and its midnights
    /// (22:00 or 23:00 UTC), over two years.
    static var times: [Int64] {
        let march = Int64(1_774_746_000_000)    // 2026-03-29 01:00 UTC
        let october = Int64(1_792_890_000_000)  // 2026-10-25 01:00 UTC
        var times: [Int64] = []
        for change in [march, october, march - 365 * 24 * hour, october + 364 * 24 * hour] {
            for delta in [-25 * hour, -2 * hour, -1, 0, 1, hour, 21 * hour, 22 * hour - 1, 22 * hour, 23 * hour] {
                times.append(change + delta)
            }
        }
        for day in stride(from: Int64(0), to: 700, by: 7) { times.append(march - 300 * 24 * hour + day * 24 * hour) }
        return times
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"])
    func daterAgreesWithAskingEachTime(zoneName: String) throws {
        let zone = try #require(LocalZone.named(zoneName))
        try expectDaterAgrees(zone, at: Self.times, zoneName)
    }

    /// Two changes on one UTC day that do not undo each other: both are found, to the millisecond.
    @Test func daterFindsTwoChangesInOneDay() throws {
        let day = Int64(20_000) * 24 * Self.hour       // 2024-10-04, 00:00 UTC
        let ahead = day + 21 * Self.hour, behind = day + 22 * Self.hour
        // From 21:00 UTC four hours ahead (01:00 the next day), from 22:00 two hours behind.
        let zone = LocalZone { second in
            second < ahead / 1000 ? 0 : second < behind / 1000 ? 4 * 3600 : -2 * 3600
        }
        var times: [Int64] = [day, day + 24 * Self.hour - 1]
        for change in [ahead, behind] {
            for delta in [-Self.hour, -1, 0, 1, Self.hour / 2] { times.append(change + delta) }
        }
        try expectDaterAgrees(zone, at: times, "two changes")
        var dater = LocalDay.Dater(zone)
        #expect([ahead - 1, ahead, behind - 1, behind].map { dater.day($0) } == [20_000, 20_001, 20_001, 20_000])
    }

    /// Dates `times` in time order, backwards and shuffled, and checks each against asking the zone.
    func expectDaterAgrees(_ zone: LocalZone, at times: [Int64], _ zoneName: String) throws {
        let sorted = times.sorted()
        var shuffled = sorted
        var generator = SplitMix(seed: 13)
        shuffled.shuffle(using: &generator)
        for order in [sorted, Array(sorted.reversed()), shuffled] {
            var dater = LocalDay.Dater(zone)
            for time in order {
                #expect(dater.day(time) == LocalDay.of(Timestamp(milliseconds: time), in: zone),
                        "\(zoneName) \(Timestamp(milliseconds: time))")
            }
        }
    }
}
