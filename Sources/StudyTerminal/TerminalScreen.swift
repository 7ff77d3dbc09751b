import CNcursesw
import CTerminalGuard
import TermGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen terminal session: setting ncurses up and tearing it down, signals, reading
/// keys, drawing a `Grid`, suspending for an editor, and the clipboard. The only place that owns
/// the terminal; one instance at a time, used from one thread.
public final class TerminalScreen {
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What the crash handler writes: attributes off, cursor shown, alternate screen left,
    /// cursor keys and keypad back in normal mode. Plain ANSI/xterm, understood by every
    /// terminal that passed `TerminalCheck` (and ignored where not applicable).
    static let crashReset = "\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\u{1b}[?1l\u{1b}>"

    private let painter: GridPainter
    private var stopped = false
    private var cursorShown = false
    private var currentTimeout: Int32?

    /// Takes over the terminal (alternate screen, no echo, keys one at a time). Check
    /// `TerminalCheck.refusal` first. Throws when ncurses cannot start. `theme`'s colours when
    /// `useColor`, fitted to the terminal's colours (24-bit only when `colorTerm`, `$COLORTERM`,
    /// says truecolor).
    public init(useColor: Bool, theme: Theme = .standard, colorTerm: String? = nil) throws {
        // Signals first: ncurses installs its own SIGINT/SIGTERM handlers where the disposition
        // is still SIG_DFL, and the crash handler must save the shell's termios, not ours.
        sd_install_quit_handlers()
        let reset = Array(Self.crashReset.utf8)
        _ = reset.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { sd_install_crash_handler($0.baseAddress, $0.count) }
        }
        _ = setlocale(LC_ALL, "")
        guard studydash_newterm() != nil else {
            sd_set_crash_reset_armed(0)
            throw SetupError(description: "ncurses could not set up the terminal (newterm failed)")
        }
        // From here until stop(), stderr output is kept for after the screen (see CTerminalGuard.h).
        _ = sd_capture_stderr()
        let screen = studydash_stdscr()
        _ = cbreak()  // keys one at a time, but Ctrl-C still raises SIGINT (raw() would swallow it)
        _ = noecho()
        _ = nonl()  // Enter arrives as CR and output newlines are not translated
        _ = keypad(screen, true)  // arrows, F-keys, Home/End decoded into KEY_* codes
        _ = intrflush(screen, false)
        _ = set_escdelay(25)  // a lone Esc is reported after 25 ms instead of ncurses' 1 s
        _ = curs_set(0)
        _ = leaveok(screen, true)
        // No typeahead check during refresh: ncurses would poll stdin between rows of every
        // frame (about eight extra system calls per key); a frame is small, so finish it.
        _ = typeahead(-1)
        Self.disableFlowControl()
        painter = GridPainter(palette: Palette(useColor: useColor, theme: theme, colorTerm: colorTerm))
    }

    /// Ctrl-S and Ctrl-Q are XON/XOFF flow control by default and never reach the program. This
    /// clears IXON on the current (program) modes and records them with def_prog_mode, so
    /// ncurses keeps it off after a suspend or Ctrl-Z; the shell's modes, saved by newterm before
    /// this, are what endwin restores. (raw() would clear IXON too, but also ISIG: Ctrl-C would
    /// stop raising SIGINT.)
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        _ = def_prog_mode()
    }

    deinit {
        stop()
    }

    /// The terminal's size now (ncurses updates it when it reports a resize).
    public var size: (width: Int, height: Int) {
        var height: Int32 = 0, width: Int32 = 0
        studydash_size(&height, &width)
        return (Int(max(0, width)), Int(max(0, height)))
    }

    /// SIGINT, SIGTERM or SIGHUP, once one has arrived: the caller should stop and exit with
    /// `exitCode(forSignal:)`.
    public var quitSignal: Int32? {
        let signal = sd_quit_signal()
        return signal == 0 ? nil : signal
    }

    /// Takes back a pending Ctrl-C (SIGINT) so the app can answer it itself; false when the
    /// pending quit signal is another one, which still ends the app.
    public func takeInterrupt() -> Bool { sd_take_interrupt() == 1 }

    /// The conventional exit status of a program ended by `signal`.
    public static func exitCode(forSignal signal: Int32) -> Int32 { 128 + signal }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key or a resize. `.tick` on
    /// timeout, when a signal interrupted the wait (check `quitSignal`), or for input that means
    /// nothing.
    public func nextEvent(timeoutMilliseconds: Int32) -> Event {
        guard !stopped, quitSignal == nil else { return .tick }
        if currentTimeout != timeoutMilliseconds {
            wtimeout(studydash_stdscr(), timeoutMilliseconds)
            currentTimeout = timeoutMilliseconds
        }
        var value: Int32 = 0
        switch studydash_get_wch(&value) {
        case OK where value == 27:
            return escapeOrUnknownKey()
        case OK:
            return KeyDecoder.character(value).map(Event.key) ?? .tick
        case KEY_CODE_YES where value == KEY_RESIZE:
            // ncurses has already resized its windows; what the terminal shows is unknown now.
            painter.forget()
            let size = size
            return .resize(width: size.width, height: size.height)
        case KEY_CODE_YES:
            return KeyDecoder.code(value).map(Event.key) ?? .tick
        default:
            return .tick
        }
    }

    /// A key or resize already waiting, taken without waiting for one; nil when none is (or on
    /// input that means nothing). For applying queued keys before drawing once.
    public func waitingEvent() -> Event? {
        let event = nextEvent(timeoutMilliseconds: 0)
        return event == .tick ? nil : event
    }

    /// An Esc with nothing after it is the Esc key. One with more bytes already waiting (ncurses
    /// gave it up as a sequence after its escape delay) is a key it does not know: Alt-d, a
    /// modified key missing from the terminal's description. That is dropped whole, as read
    /// as Esc and then its bytes it would act as several keys: in the search line Esc clears the
    /// search and `d` marks the selection done.
    private func escapeOrUnknownKey() -> Event {
        let screen = studydash_stdscr()
        wtimeout(screen, 0)
        defer { wtimeout(screen, currentTimeout ?? -1) }
        var value: Int32 = 0
        switch studydash_get_wch(&value) {
        case OK:
            // A CSI or SS3 sequence runs to its final byte; Alt and a key is the one character.
            let introducer = value
            var length = 0
            while introducer == 0x5b || (introducer == 0x4f && length == 0), length < 32,
                  studydash_get_wch(&value) == OK {
                length += 1
                if introducer == 0x4f || (0x40...0x7e).contains(value) { break }
            }
            return .tick
        case KEY_CODE_YES where value == KEY_RESIZE:
            painter.forget()
            let size = size
            return .resize(width: size.width, height: size.height)
        case KEY_CODE_YES:
            return .tick
        default:
            return .key(.escape)
        }
    }

    /// Shows `grid` (only what changed since the last draw goes out) with the cursor at
    /// `cursor`, or hidden when nil or outside the screen.
    public func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
        guard !stopped else { return }
        let screen = studydash_stdscr()
        let size = size
        painter.paint(grid, screen: size)
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            _ = leaveok(screen, false)
            _ = wmove(screen, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { _ = curs_set(1) }
            cursorShown = true
        } else {
            // leaveok: ncurses need not move the hidden cursor anywhere after an update.
            _ = leaveok(screen, true)
            if cursorShown { _ = curs_set(0) }
            cursorShown = false
        }
        _ = wnoutrefresh(screen)
        _ = doupdate()
    }

    /// Makes the next `draw` clear the terminal and paint every cell (`Ctrl-L`): whatever else
    /// wrote over the screen is gone.
    public func repaintAll() {
        guard !stopped else { return }
        painter.forget()
        _ = clearok(studydash_curscr(), true)
    }

    /// Gives the terminal back to the shell while `body` runs (an editor, say), then takes it
    /// again; the next `draw` repaints everything.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard !stopped else { return try body() }
        _ = def_prog_mode()
        _ = endwin()
        sd_pause_stderr_capture(1)
        defer {
            sd_pause_stderr_capture(0)
            _ = reset_prog_mode()
            painter.forget()
            _ = clearok(studydash_curscr(), true)
            _ = wrefresh(studydash_stdscr())
        }
        return try body()
    }

    /// Puts `text` on the clipboard through the terminal (OSC 52), after ncurses' own output.
    /// nil when it was sent, else a message for the status bar (too long, or the write failed).
    public func copyToClipboard(_ text: String) -> String? {
        guard !stopped else { return nil }
        guard let bytes = Clipboard.sequence(for: text) else { return Clipboard.tooLong(text) }
        studydash_flush_stdout()
        return bytes.withUnsafeBytes { raw -> String? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return "not copied: writing to the terminal failed (\(String(cString: strerror(errno))))"
                }
            }
            return nil
        }
    }

    /// Leaves the full screen and restores the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = endwin()
        // The terminal is the shell's again: a later crash must not emit the reset sequence.
        sd_set_crash_reset_armed(0)
        sd_release_stderr()
    }
}
