import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes the character-set switch out of the terminal's attribute sequences. xterm's `sgr`
/// and `sgr0` select the ASCII set (`ESC ( B`) on every attribute change, for programs that
/// draw boxes with the line-drawing set; StudyDash draws them as Unicode text and never asks
/// for that set (no `A_ALTCHARSET`), so the switch is three bytes of every change that do
/// nothing: about 130 of a key's 2,000. `TerminalScreen` selects the ASCII set itself instead
/// where another program may have left the other set on: when it takes the screen, after a
/// suspend, and on Ctrl-L.
enum CharsetSwitch {
    /// Edits the current terminal's `sgr` and `sgr0` in place (they only get shorter), right
    /// after newterm, before any frame (ncurses parses them again on every use). Returns what
    /// selects the ASCII set (`rmacs`), to be sent at once and again whenever the terminal may
    /// have been written by someone else; nil when the terminal's sequences carry no switch and
    /// nothing was changed.
    static func dropFromRenditions() -> [UInt8]? {
        guard let enter = capability("smacs"), let leave = capability("rmacs"), !leave.isEmpty else { return nil }
        var changed = false
        // sgr's ninth parameter is the alternate set: `%?%p9%t<smacs>%e<rmacs>%;`.
        if let sgr = tigetstr("sgr"), isString(sgr) {
            changed = remove(Array("%?%p9%t".utf8) + enter + Array("%e".utf8) + leave + Array("%;".utf8), from: sgr) || changed
        }
        if let sgr0 = tigetstr("sgr0"), isString(sgr0) {
            changed = remove(leave, from: sgr0) || changed
        }
        return changed ? leave : nil
    }

    /// A string capability's bytes; nil when the terminal has none.
    private static func capability(_ name: String) -> [UInt8]? {
        guard let value = tigetstr(name), isString(value) else { return nil }
        return Array(UnsafeBufferPointer(start: value, count: strlen(value)).map { UInt8(bitPattern: $0) })
    }

    /// tigetstr's answers: NULL for a missing capability, (char *)-1 for a name that is not a
    /// string capability.
    private static func isString(_ value: UnsafeMutablePointer<CChar>) -> Bool {
        Int(bitPattern: value) != -1
    }

    /// Removes the first occurrence of `part` from the C string at `text`, moving the rest
    /// (and its terminating zero) over it. Whether it was there.
    private static func remove(_ part: [UInt8], from text: UnsafeMutablePointer<CChar>) -> Bool {
        let length = strlen(text)
        guard !part.isEmpty, part.count <= length else { return false }
        let bytes = UnsafeMutableRawPointer(text).assumingMemoryBound(to: UInt8.self)
        for start in 0...(length - part.count) where (0..<part.count).allSatisfy({ bytes[start + $0] == part[$0] }) {
            memmove(bytes + start, bytes + start + part.count, length - start - part.count + 1)
            return true
        }
        return false
    }
}
