#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyText

/// Effort estimates in the writer's words. A resource's estimate is a bracketed duration at the
/// very end of its line (a closing full stop may follow) or right after its link:
/// `(45 min)`, `(2 h)`, `(~3h)`, `[30m]`, `(1.5 hours)`, `(1 h 30 min)`, `(2–3 h)` (the larger end),
/// `(12 min read)`. A bracket elsewhere in the line is prose, and a number without a unit of time
/// (`(2019)`, `(5 items)`, `(v2)`) is never an estimate. The text itself is left as written.
enum EffortText {
    /// A thousand hours: anything larger is a typo or not an estimate.
    static let maxMinutes = 1000 * 60

    /// The estimate that `text` (what follows a link, or a task's text) carries, in minutes.
    static func find(in text: String) -> Int? {
        guard mayHoldEstimate(text) else { return nil }
        var trimmed = Substring(text.trimmingWhitespace())
        // Not `dropLast()`: on a Substring it counts every character first, and most
        // descriptions end in a full stop.
        while trimmed.last == "." { trimmed = trimmed[..<trimmed.index(before: trimmed.endIndex)] }
        if let close = trimmed.last, close == ")" || close == "]" {
            let open: Character = close == ")" ? "(" : "["
            if let start = trimmed.lastIndex(of: open),
               let minutes = duration(String(trimmed[trimmed.index(after: start)..<trimmed.index(before: trimmed.endIndex)])) {
                return minutes
            }
        }
        let leading = trimmed.drop { " \t—–-:".contains($0) }
        if let open = leading.first, open == "(" || open == "[" {
            let close: Character = open == "(" ? ")" : "]"
            if let end = leading.firstIndex(of: close) {
                return duration(String(leading[leading.index(after: leading.startIndex)..<end]))
            }
        }
        return nil
    }

    /// Both shapes end in a closing bracket (`)` or `]`, a character of one byte) and every duration
    /// has an ASCII digit: most descriptions lack one of them, which their bytes tell quickly.
    private static func mayHoldEstimate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // memchr reads many bytes a step, and most descriptions have no closing bracket.
            guard let base = bytes.baseAddress,
                  memchr(base, Int32(UInt8(ascii: ")")), bytes.count) != nil
                  || memchr(base, Int32(UInt8(ascii: "]")), bytes.count) != nil else { return false }
            return bytes.contains { $0 &- UInt8(ascii: "0") < 10 }
        }
    }

    /// Words a writer puts before an estimate; dropped in this order, each at most once.
    private static let hedges = ["effort:", "effort", "est.", "about", "approx.", "approx", "ca.", "~", "≈"]
    private static let asciiHedges = hedges.filter { $0.utf8.allSatisfy { $0 < 128 } }.map { Array($0.utf8) }

    /// A duration on its own (`45 min`, `~2 h`, `1 h 30 min`) → minutes; nil when it is not one.
    static func duration(_ text: String) -> Int? {
        // The longest form is a few words; a long bracket is prose, and is not scanned.
        guard text.utf8.count <= 40 else { return nil }
        // Nearly every bracket is ASCII, where each character is one byte (a CR LF pair is one
        // character, but white space either way): read as bytes, it skips the lower-casing and
        // grapheme breaking that cost ~30k instructions per bracket.
        if text.utf8.allSatisfy({ $0 < 128 }) {
            var rest = Array(text.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 + 32 : $0 })[...].trimmingSpaces()
            for hedge in asciiHedges where rest.starts(with: hedge) {
                rest = rest.dropFirst(hedge.count).trimmingSpaces()
            }
            return minutes(Scanner(Array(rest)))
        }
        var rest = Substring(text.lowercased().trimmingWhitespace())
        for hedge in hedges where rest.hasPrefix(hedge) {
            rest = Substring(String(rest.dropFirst(hedge.count)).trimmingWhitespace())
        }
        return minutes(Scanner(Array(rest)))
    }

    /// The estimate in what is left once hedges are gone: an amount (or a range), a unit, and
    /// for hours optionally minutes, then at most a word saying what it is.
    private static func minutes<Unit: ScanUnit>(_ scanner: Scanner<Unit>) -> Int? {
        var scanner = scanner
        guard var amount = scanner.number() else { return nil }
        scanner.skipSpaces()
        if scanner.takeRangeDash() {
            scanner.skipSpaces()
            guard let upper = scanner.number(), upper > amount else { return nil }
            amount = upper
            scanner.skipSpaces()
        }
        guard let unit = TimeUnit(scanner.word()) else { return nil }
        var minutes = amount * unit.minutes
        scanner.skipSpaces()
        if unit == .hours, let extra = scanner.number() {
            scanner.skipSpaces()
            guard TimeUnit(scanner.word()) == .minutes, extra < 60 else { return nil }
            minutes += extra
            scanner.skipSpaces()
        }
        let trailing = scanner.word()
        guard trailing.isEmpty || ["read", "video", "watch", "listen"].contains(trailing), scanner.atEnd else { return nil }
        let rounded = Int(minutes.rounded())
        return (1...maxMinutes).contains(rounded) ? rounded : nil
    }

    private enum TimeUnit {
        case hours, minutes

        init?(_ word: String) {
            switch word {
            case "h", "hr", "hrs", "hour", "hours": self = .hours
            case "m", "min", "mins", "minute", "minutes": self = .minutes
            default: return nil
            }
        }

        var minutes: Double { self == .hours ? 60 : 1 }
    }

    private struct Scanner<Unit: ScanUnit> {
        let characters: [Unit]
        var index = 0

        init(_ characters: [Unit]) { self.characters = characters }

        var atEnd: Bool { index >= characters.count }

        mutating func skipSpaces() {
            while !atEnd, characters[index].isSpace { index += 1 }
        }

        /// `-` or `–` between the ends of a range.
        mutating func takeRangeDash() -> Bool {
            guard !atEnd, characters[index].isRangeDash else { return false }
            index += 1
            return true
        }

        /// Up to four digits, optionally a decimal part (`1.5`, `1,5`).
        mutating func number() -> Double? {
            let start = index
            while !atEnd, characters[index].isDigit { index += 1 }
            guard index > start, index - start <= 4 else { index = start; return nil }
            var digits = Unit.string(characters[start..<index])
            if index + 1 < characters.count, characters[index].isDecimalMark, characters[index + 1].isDigit {
                index += 1
                let fraction = index
                while !atEnd, characters[index].isDigit { index += 1 }
                digits += "." + Unit.string(characters[fraction..<index])
            }
            return Double(digits)
        }

        mutating func word() -> String {
            let start = index
            while !atEnd, characters[index].isWordLetter { index += 1 }
            return Unit.string(characters[start..<index])
        }
    }
}

/// What `EffortText`'s scanner asks of a character: the same answers for a `Character` and,
/// in ASCII text, for its one byte.
private protocol ScanUnit {
    var isSpace: Bool { get }
    var isDigit: Bool { get }
    var isWordLetter: Bool { get }
    var isDecimalMark: Bool { get }
    var isRangeDash: Bool { get }
    static func string(_ units: ArraySlice<Self>) -> String
}

extension Character: ScanUnit {
    fileprivate var isSpace: Bool { isWhitespace }
    fileprivate var isDigit: Bool { isASCII && isNumber }
    fileprivate var isWordLetter: Bool { isLetter }
    fileprivate var isDecimalMark: Bool { self == "." || self == "," }
    fileprivate var isRangeDash: Bool { self == "-" || self == "–" }
    fileprivate static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: ScanUnit {
    /// Unicode's white space among ASCII: tab, line feed, vertical tab, form feed, CR, space.
    fileprivate var isSpace: Bool { self == 32 || self &- 9 < 5 }
    fileprivate var isDigit: Bool { self &- UInt8(ascii: "0") < 10 }
    fileprivate var isWordLetter: Bool { self &- UInt8(ascii: "a") < 26 || self &- UInt8(ascii: "A") < 26 }
    fileprivate var isDecimalMark: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: ",") }
    fileprivate var isRangeDash: Bool { self == UInt8(ascii: "-") }
    fileprivate static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}

private extension ArraySlice<UInt8> {
    /// `trimmingWhitespace` for ASCII bytes.
    func trimmingSpaces() -> ArraySlice<UInt8> {
        var slice = self
        while let first = slice.first, first.isSpace { slice = slice.dropFirst() }
        while let last = slice.last, last.isSpace { slice = slice.dropLast() }
        return slice
    }
}
