import TermGrid

/// xterm's SGR 1006 mouse reports, `ESC [ < b ; x ; y M` (press) or `… m` (release), read as
/// the app's `MouseEvent`; and the sequences that turn reporting on and off. Only clicks and the
/// wheel are asked for (mode 1000), not motion: a moving pointer would wake the loop for nothing.
enum MouseReport {
    /// Press and release reports (1000), in the SGR form (1006) that has no 223-column limit.
    static let on = "\u{1b}[?1000h\u{1b}[?1006h"
    static let off = "\u{1b}[?1006l\u{1b}[?1000l"

    /// The report from what follows `ESC [ <`: `b;x;y` and the final `M` or `m`. nil for
    /// anything else (a truncated or malformed report, motion, buttons beyond the wheel's).
    static func decode(_ body: String) -> MouseEvent? {
        guard let final = body.last, final == "M" || final == "m" else { return nil }
        let fields = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCII) }),
              let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
              column >= 1, row >= 1 else { return nil }
        var modifiers: MouseEvent.Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        // Motion (32) is never asked for; a report of it means nothing here.
        guard code & 32 == 0 else { return nil }
        let button: MouseEvent.Button
        switch (code & 64 != 0, code & 3) {
        case (false, 0): button = .left
        case (false, 1): button = .middle
        case (false, 2): button = .right
        case (true, 0): button = .wheelUp
        case (true, 1): button = .wheelDown
        default: return nil  // the horizontal wheel, or X10's "release" code that SGR never sends
        }
        return MouseEvent(button, final == "M" ? .press : .release, x: column - 1, y: row - 1, modifiers: modifiers)
    }

    /// Counts presses into single and double clicks: a press of the same button on the same
    /// cell within `interval` milliseconds of the last one is the second of a double click (a
    /// third starts again). Times are passed in, so the counting is tested without a clock.
    struct ClickCounter {
        static let interval: UInt64 = 400
        private var last: (button: MouseEvent.Button, x: Int, y: Int, at: UInt64, clicks: Int)?

        mutating func count(_ event: MouseEvent, atMilliseconds now: UInt64) -> MouseEvent {
            guard event.action == .press, !event.isWheel else { return event }
            var counted = event
            if let last, last.button == event.button, last.x == event.x, last.y == event.y, last.clicks == 1,
               now >= last.at, now - last.at <= Self.interval {
                counted.clicks = 2
            }
            last = (event.button, event.x, event.y, now, counted.clicks)
            return counted
        }
    }
}
