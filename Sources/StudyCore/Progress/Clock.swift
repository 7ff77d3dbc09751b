#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The application's idea of "now": every time the program writes (a change in the store, an
/// export's date, what the notes said about an item and when) is read from one of these, so that
/// a test can give the store a clock it controls instead of sleeping or editing times afterwards.
public struct Clock: Sendable {
    public var now: @Sendable () -> Timestamp

    public init(now: @escaping @Sendable () -> Timestamp) { self.now = now }

    /// The wall clock, to the millisecond.
    public static let system = Clock {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(milliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    /// A clock that always says `time`.
    public static func fixed(_ time: Timestamp) -> Clock { Clock { time } }
}
