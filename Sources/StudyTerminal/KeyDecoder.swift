import CNcursesw
import TermGrid

/// Turns what `wget_wch` returns (a character, or a `KEY_*` code) into the app's `Key`.
/// Control characters never become `.character`; what has no meaning for the app is dropped.
enum KeyDecoder {
    /// A character read by `wget_wch` (its result was OK).
    static func character(_ value: Int32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter  // nonl(): Enter arrives as CR; Ctrl-J as LF
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            guard let letter = Unicode.Scalar(UInt32(value) + 0x60) else { return nil }
            return .control(Character(letter))
        case 0...31, 0x80...0x9f:
            // NUL (Ctrl-Space), Ctrl-\ ] ^ _ and C1 controls mean nothing here.
            return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A key code (the result was KEY_CODE_YES). KEY_RESIZE is the caller's: it knows the size.
    static func code(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up  // KEY_SR: Shift-Up ("scroll reverse")
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        // Keypad corners and the vt220-style Find/Select that `screen`/`tmux` send for Home/End.
        case KEY_HOME, KEY_A1, KEY_SHOME, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SEND, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        case KEY_IC, KEY_SIC: return .insert
        case studydash_key_f(1)...studydash_key_f(63): return .function(Int(code - studydash_key_f(0)))
        default: return extended(code)
        }
    }

    /// xterm's modified keys (Ctrl-Home, Alt-Up, ...) have no fixed codes: ncurses numbers them
    /// at run time from terminfo's extended names (`kHOM5`, `kUP3`), so they are matched by name
    /// and treated as the plain key.
    static func extended(_ code: Int32) -> Key? {
        guard let pointer = keyname(code) else { return nil }
        let name = String(cString: pointer)
        let prefixes: [(String, Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
            ("kHOM", .home), ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown),
            ("kDC", .delete), ("kIC", .insert),
        ]
        for (prefix, key) in prefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if rest.allSatisfy(\.isNumber) { return key }
        }
        return nil
    }
}
