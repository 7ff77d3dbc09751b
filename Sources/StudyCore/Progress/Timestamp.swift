/// A moment in time as whole milliseconds since 1970-01-01 UTC. The core keeps time as a number
/// so that it needs no calendar library; the store and the CLI convert at their edges.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// The local calendar day (days since 1970-01-01) for a UTC offset in seconds.
    public func day(utcOffsetSeconds: Int) -> Int {
        // A time read from a file may be any 64-bit number: the shift saturates instead of trapping.
        let shift = Int64(clamping: utcOffsetSeconds).multipliedReportingOverflow(by: 1000)
        let (sum, overflow) = milliseconds.addingReportingOverflow(shift.overflow ? 0 : shift.partialValue)
        let local = overflow ? (milliseconds < 0 ? Int64.min : Int64.max) : sum
        let days = local / 86_400_000
        return Int(local % 86_400_000 < 0 ? days - 1 : days)
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-11-23T09:41:07.250Z`.
    public var description: String {
        let day = self.day(utcOffsetSeconds: 0)
        let date = CivilDate(day: day)
        var rest = milliseconds % 86_400_000
        if rest < 0 { rest += 86_400_000 }
        let millis = rest % 1000; rest /= 1000
        let seconds = rest % 60; rest /= 60
        let minutes = rest % 60
        let hours = rest / 60
        return "\(date)T\(pad(hours)):\(pad(minutes)):\(pad(seconds)).\(pad(millis, 3))Z"
    }

    /// Parses what `description` prints; also accepts no fraction, and `+hh:mm` offsets.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2),
              let hours = number(11, 2), let minutes = number(14, 2), let seconds = number(17, 2),
              (1...12).contains(month), (1...31).contains(dayOfMonth), hours < 24, minutes < 60, seconds < 61
        else { return nil }
        // The day must exist in its month: converting back catches 02-30 and 04-31, which the
        // day arithmetic below would silently roll over into the next month.
        let civil = CivilDate(year: Int(year), month: Int(month), day: Int(dayOfMonth))
        guard CivilDate(day: civil.dayNumber) == civil else { return nil }
        var index = 19
        var millis: Int64 = 0
        if index < bytes.count && bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57 {
                if digits < 3 { millis = millis * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        var offset: Int64 = 0
        if index < bytes.count && bytes[index] == 90 && index + 1 == bytes.count {
            offset = 0
        } else if index + 6 == bytes.count, bytes[index] == 43 || bytes[index] == 45, bytes[index + 3] == 58,
                  let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2),
                  offsetHours < 24, offsetMinutes < 60 {
            offset = (offsetHours * 60 + offsetMinutes) * 60 * (bytes[index] == 45 ? -1 : 1)
        } else {
            return nil
        }
        let day = Int64(civil.dayNumber)
        milliseconds = ((day * 86_400 + hours * 3600 + minutes * 60 + seconds) - offset) * 1000 + millis
    }
}

private func pad(_ value: Int64, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// A proleptic Gregorian date, converted to and from a day number (days since 1970-01-01) with
/// Howard Hinnant's civil-from-days algorithm.
public struct CivilDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(day dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Monday … 6 = Sunday (ISO order).
    public var weekday: Int { Self.weekday(ofDay: dayNumber) }

    /// The ISO weekday of a day number, 0 = Monday … 6 = Sunday. Swift's `%` keeps the sign of
    /// the dividend, so the remainder is brought back into 0…6 for days before 1970.
    public static func weekday(ofDay day: Int) -> Int {
        ((day % 7) + 7 + 3) % 7  // 1970-01-01 (day 0) was a Thursday
    }

    /// The Monday on or before a day: where its ISO week starts.
    public static func weekStart(ofDay day: Int) -> Int { day - weekday(ofDay: day) }

    /// `2026-11-23`
    public var description: String {
        "\(pad(Int64(year), 4))-\(pad(Int64(month)))-\(pad(Int64(day)))"
    }

    /// `March`: the month's English name, as the finish date and the revisit messages say it.
    public var monthName: String { Self.monthNames[min(max(month, 1), 12) - 1] }

    /// `12 Dec`: short enough for a status bar.
    public var dayAndMonth: String { "\(day) \(monthName.prefix(3))" }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]
}
