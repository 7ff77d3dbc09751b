#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// The local time zone as the one thing local days need from it: the UTC offset in force at a
/// moment. The system zone asks libc (`localtime_r`, which reads `TZ` or `/etc/localtime` as every
/// other program here does) instead of Foundation's `TimeZone`, whose ICU data alone would add
/// over a megabyte to the dashboard's memory. A test gives a zone with rules it knows.
public struct LocalZone: Sendable {
    private let offsetAtSecond: @Sendable (Int64) -> Int

    /// A zone whose offset at a moment, given as whole seconds since 1970 UTC, is `offset(second)`.
    public init(offsetAtSecond offset: @escaping @Sendable (Int64) -> Int) { offsetAtSecond = offset }

    /// The offset from UTC, in seconds, in force at `time`.
    public func utcOffset(at time: Timestamp) -> Int { utcOffset(atSecond: Self.second(of: time.milliseconds)) }

    /// The offset from UTC, in seconds, in force during the second `second` since 1970 UTC.
    func utcOffset(atSecond second: Int64) -> Int { offsetAtSecond(second) }

    /// The second that holds `milliseconds`: rounded down, also before 1970.
    static func second(of milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / 1000 : -((-(milliseconds + 1)) / 1000) - 1
    }

    /// The zone libc gives this process. A moment libc cannot convert (beyond its years) is
    /// taken as UTC, as a day number there means nothing to a learner anyway.
    public static let system = LocalZone { second in
        guard let time = time_t(exactly: second) else { return 0 }
        var seconds = time
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// A zone that is always `seconds` ahead of UTC.
    public static func fixed(_ seconds: Int) -> LocalZone { LocalZone { _ in seconds } }
}
