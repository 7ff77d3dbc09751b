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
            var bracket = false
            var digit = false
            for byte in bytes {
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                    bracket = true
                } else if byte &- UInt8(ascii: "0") < 10 {
                    digit = true
                }
                if bracket && digit { return true }
            }
            return false
        }
    }

    /// A duration on its own (`45 min`, `~2 h`, `1 h 30 min`) → minutes; nil when it is not one.
    static func duration(_ text: String) -> Int? {
        // The longest form is a few words; a long bracket is prose, and is not scanned.
        guard text.utf8.count <= 40 else { return nil }
        var rest = Substring(text.lowercased().trimmingWhitespace())
        for hedge in ["effort:", "effort", "est.", "about", "approx.", "approx", "ca.", "~", "≈"] where rest.hasPrefix(hedge) {
            rest = Substring(String(rest.dropFirst(hedge.count)).trimmingWhitespace())
        }
        var scanner = Scanner(Array(rest))
        guard var amount = scanner.number() else { return nil }
        scanner.skipSpaces()
        if scanner.take(["-", "–"]) {
            scanner.skipSpaces()
            guard let upper = scanner.number(), upper > amount else { return nil }
            amount = upper
            scanner.skipSpaces()
        }
        guard let unit = Unit(scanner.word()) else { return nil }
        var minutes = amount * unit.minutes
        scanner.skipSpaces()
        if unit == .hours, let extra = scanner.number() {
            scanner.skipSpaces()
            guard Unit(scanner.word()) == .minutes, extra < 60 else { return nil }
            minutes += extra
            scanner.skipSpaces()
        }
        let trailing = scanner.word()
        guard trailing.isEmpty || ["read", "video", "watch", "listen"].contains(trailing), scanner.atEnd else { return nil }
        let rounded = Int(minutes.rounded())
        return (1...maxMinutes).contains(rounded) ? rounded : nil
    }

    private enum Unit {
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

    private struct Scanner {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { index >= characters.count }

        mutating func skipSpaces() {
            while !atEnd, characters[index].isWhitespace { index += 1 }
        }

        mutating func take(_ options: Set<Character>) -> Bool {
            guard !atEnd, options.contains(characters[index]) else { return false }
            index += 1
            return true
        }

        /// Up to four digits, optionally a decimal part (`1.5`, `1,5`).
        mutating func number() -> Double? {
            let start = index
            while !atEnd, characters[index].isASCII, characters[index].isNumber { index += 1 }
            guard index > start, index - start <= 4 else { index = start; return nil }
            var digits = String(characters[start..<index])
            if index + 1 < characters.count, characters[index] == "." || characters[index] == ",",
               characters[index + 1].isASCII, characters[index + 1].isNumber {
                index += 1
                let fraction = index
                while !atEnd, characters[index].isASCII, characters[index].isNumber { index += 1 }
                digits += "." + String(characters[fraction..<index])
            }
            return Double(digits)
        }

        mutating func word() -> String {
            let start = index
            while !atEnd, characters[index].isLetter { index += 1 }
            return String(characters[start..<index])
        }
    }
}
