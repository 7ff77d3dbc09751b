import Testing
import StudyCore

/// ISO 8601 times as exports carry them: what `description` prints parses back, and a date that
/// no calendar has is refused rather than rolled over into the next month.
@Suite struct TimestampTests {
    @Test func printedTimesParseBack() {
        for milliseconds: Int64 in [0, 1_700_000_000_123, -86_400_001, 253_402_300_799_999] {
            let time = Timestamp(milliseconds: milliseconds)
            #expect(Timestamp(iso8601: time.description) == time, "\(time)")
        }
        #expect(Timestamp(iso8601: "2024-02-29T12:00:00+01:30")?.description == "2024-02-29T10:30:00.000Z")
    }

    @Test(arguments: [
        "2026-02-30T10:00:00.000Z", "2026-02-29T10:00:00Z", "2025-04-31T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-06-31T23:59:59.999Z", "2026-11-23T09:41:07+24:00", "2026-11-23T09:41:07+05:60",
    ])
    func impossibleDatesAreRefused(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    /// A time read from a file may be any 64-bit number: turning it into a day must not trap.
    @Test func extremeTimesHaveADay() {
        #expect(Timestamp(milliseconds: .max).day(utcOffsetSeconds: 3600) > 0)
        #expect(Timestamp(milliseconds: .min).day(utcOffsetSeconds: -3600) < 0)
        #expect(!Timestamp(milliseconds: .min).description.isEmpty)
    }
}
