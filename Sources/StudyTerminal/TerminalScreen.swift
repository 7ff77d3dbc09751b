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
    /// cursor keys and keypad back in normal mode, mouse reporting and bracketed paste off. Plain
    /// ANSI/xterm, understood by every terminal that passed `TerminalCheck` (and ignored where
    /// not applicable).
    static let crashReset = "\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\u{1b}[?1l\u{1b}>" + MouseReport.off + PasteText.off

    private let painter: GridPainter
    /// The painter's palette, for the cells a hyperlink writes again.
    private let palette: Palette
    private var stopped = false
    private var cursorShown = false
    private var currentTimeout: Int32?
    /// Whether clicks and the wheel are reported (config `mouse`).
    private let mouse: Bool
    private var clicks = MouseReport.ClickCounter()
    /// The hyperlinks written over the last frame: cells that stop being one are written again
    /// plain, as ncurses would not rewrite a cell whose text and style stayed the same.
    private var linked: [ScreenLink] = []
    /// What selects the ASCII character set, sent where the attribute sequences no longer do
    /// (see `CharsetSwitch`): empty when they still do.
    private var asciiSet: [UInt8] = []

    /// Takes over the terminal (alternate screen, no echo, keys one at a time). Check
    /// `TerminalCheck.refusal` first. Throws when ncurses cannot start. `theme`'s colours when
    /// `useColor`, fitted to the terminal's colours (24-bit only when `colorTerm`, `$COLORTERM`,
    /// says truecolor).
    /// With `mouse`, clicks and the wheel are reported (and Shift keeps the terminal's own
    /// selection); pastes are always bracketed.
    public init(useColor: Bool, theme: Theme = .standard, colorTerm: String? = nil, mouse: Bool = false) throws {
        self.mouse = mouse
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
        asciiSet = CharsetSwitch.dropFromRenditions() ?? []
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
        // Before colour starts: taking the screen back would reset the terminal's colours.
        Self.writeFramesWhole()
        palette = Palette(useColor: useColor, theme: theme, colorTerm: colorTerm)
        painter = GridPainter(palette: palette)
        // Taking the screen back has cleared it, so the first frame need not clear it again.
        painter.startFromBlank(screen: size)
        _ = writeOut(Array(inputModes(on: true).utf8) + asciiSet)
    }

    /// The sequences that turn the mouse (when asked for) and bracketed paste on or off: on at
    /// the start and after a suspend, off before the terminal goes back to the shell.
    private func inputModes(on: Bool) -> String {
        (mouse ? (on ? MouseReport.on : MouseReport.off) : "") + (on ? PasteText.on : PasteText.off)
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

    /// ncurses (6.4) writes out what it has after every cursor move it makes until the screen
    /// has once been left and taken back (its state stays "initial" until then): a key's frame
    /// went to the terminal in about thirty writes, one per line it jumped to, each a system
    /// call and a wake-up of the terminal. Leaving and taking the screen back at once, before
    /// anything is drawn (the modes just recorded come back), makes every frame one write.
    /// stdscr is refreshed too: a new screen's first refresh clears the terminal, and here it
    /// is the one that does.
    private static func writeFramesWhole() {
        _ = endwin()
        _ = wrefresh(studydash_stdscr())
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
        case KEY_CODE_YES where value == KEY_MOUSE:
            // terminfo's kmous is `ESC [ <` (xterm): ncurses took that much; the rest is ours.
            return mouseReport()
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
            if introducer == 0x5b { wtimeout(screen, Self.sequenceRestMilliseconds) }
            var body: [Int32] = []
            while introducer == 0x5b || (introducer == 0x4f && body.isEmpty), body.count < 32,
                  studydash_get_wch(&value) == OK {
                body.append(value)
                if introducer == 0x4f || (0x40...0x7e).contains(value) { break }
            }
            guard introducer == 0x5b else { return .tick }
            // The two sequences that are ours, not keys: a mouse report where terminfo does not
            // name `ESC [ <` (screen, tmux), and the start of a paste.
            if body.first == 0x3c { return mouseEvent(String(decoding: body.dropFirst().map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)) }
            if body == Array("200~".unicodeScalars.map { Int32($0.value) }) { return paste() }
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

    /// How long the rest of a sequence already begun may take to arrive: a slow link (ssh) can
    /// cut a report anywhere, and what came late would be read as keys (its digits open links).
    static let sequenceRestMilliseconds: Int32 = 100

    /// The rest of a mouse report after `ESC [ <`: up to its final `M` or `m`.
    private func mouseReport() -> Event {
        let screen = studydash_stdscr()
        wtimeout(screen, Self.sequenceRestMilliseconds)
        defer { wtimeout(screen, currentTimeout ?? -1) }
        var body = ""
        var value: Int32 = 0
        while body.count < 20, studydash_get_wch(&value) == OK, let scalar = Unicode.Scalar(UInt32(bitPattern: value)) {
            body.unicodeScalars.append(scalar)
            if value == 0x4d || value == 0x6d { break }
        }
        return mouseEvent(body)
    }

    private func mouseEvent(_ body: String) -> Event {
        guard mouse, let event = MouseReport.decode(body) else { return .tick }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let milliseconds = UInt64(max(0, now.tv_sec)) * 1000 + UInt64(max(0, now.tv_nsec)) / 1_000_000
        return .mouse(clicks.count(event, atMilliseconds: milliseconds))
    }

    /// A paste's text, up to its end marker `ESC [201~`. A terminal that never sends the end
    /// marker ends it after half a second of silence; keys in it (ncurses' KEY_ codes) and
    /// whatever passes `PasteText.limit` are dropped.
    private func paste() -> Event {
        let screen = studydash_stdscr()
        wtimeout(screen, 500)
        defer { wtimeout(screen, currentTimeout ?? -1) }
        var values: [Int32] = []
        var value: Int32 = 0
        reading: while true {
            switch studydash_get_wch(&value) {
            case OK where value == 27:
                var marker: [Int32] = []
                while marker.count < PasteText.endMarker.count, studydash_get_wch(&value) == OK {
                    // Another Esc (pasted text ending in one) may be the marker's own.
                    if value == 27 {
                        if values.count < PasteText.limit { values += marker }
                        marker = []
                        continue
                    }
                    marker.append(value)
                    if marker.last != PasteText.endMarker[marker.count - 1] { break }
                }
                if marker == PasteText.endMarker { break reading }
                if values.count < PasteText.limit { values += marker }
            case OK:
                if values.count < PasteText.limit { values.append(value) }
            case KEY_CODE_YES where value == KEY_RESIZE:
                painter.forget()
            case KEY_CODE_YES:
                continue
            default:
                break reading
            }
        }
        return .paste(PasteText.clean(values))
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

    /// Makes each of `links` an OSC 8 hyperlink over the cells `draw` has just shown of `grid`:
    /// those cells are written again inside the sequence, between a save and a restore of the
    /// cursor and with the attributes back to normal on both sides, so that ncurses' idea of
    /// the screen (its cursor, its attributes, every cell's text) stays true. A link outside
    /// the screen or with an unsafe URL (see `Hyperlink.safe`) is left plain.
    public func hyperlink(_ links: [ScreenLink], in grid: Grid) {
        guard !stopped else { return }
        let size = size
        let fits = { (link: ScreenLink) in
            link.y >= 0 && link.y < min(size.height, grid.height) && link.x >= 0 && link.width > 0
                && link.x + link.width <= min(size.width, grid.width)
        }
        let shown = links.filter { fits($0) && Hyperlink.safe($0.url) != nil }
        // A cell a link held may now be the right half of a wide character: rewritten from
        // there, the character would land a column left of where ncurses put it.
        let gone = linked.filter { old in fits(old) && !shown.contains(old) }.map { Self.fromLead($0, in: grid) }
        linked = shown
        guard !shown.isEmpty || !gone.isEmpty else { return }
        var bytes = Self.rendition(attributes: 0, pair: 0) + Array("\u{1b}7".utf8)
        for link in gone { bytes += moveTo(link) + cells(of: link, in: grid) }
        for link in shown {
            bytes += moveTo(link) + Array(Hyperlink.open(link.url).utf8) + cells(of: link, in: grid) + Array(Hyperlink.close.utf8)
        }
        bytes += Self.rendition(attributes: 0, pair: 0) + Array("\u{1b}8".utf8)
        _ = writeOut(bytes)
    }

    /// `link` widened to start at the wide character whose right half is its first cell.
    private static func fromLead(_ link: ScreenLink, in grid: Grid) -> ScreenLink {
        var widened = link
        while widened.x > 0, grid[widened.x, widened.y].isContinuation {
            widened.x -= 1
            widened.width += 1
        }
        return widened
    }

    private func moveTo(_ link: ScreenLink) -> [UInt8] { Array("\u{1b}[\(link.y + 1);\(link.x + 1)H".utf8) }

    /// `link`'s cells as `grid` has them, each run of a style in its rendition (the terminal
    /// sequences ncurses would send for it).
    private func cells(of link: ScreenLink, in grid: Grid) -> [UInt8] {
        var bytes: [UInt8] = []
        var current: CellStyle?
        for x in link.x..<(link.x + link.width) where !grid[x, link.y].isContinuation {
            let cell = grid[x, link.y]
            if cell.style != current {
                let rendition = palette.rendition(of: cell.style)
                bytes += Self.rendition(attributes: rendition.attributes, pair: rendition.pair)
                current = cell.style
            }
            bytes += Array(String(cell.character).utf8)
        }
        return bytes
    }

    /// The bytes ncurses sends for these attributes and colour pair (`vid_puts`, collected
    /// instead of written). ncurses takes them as the terminal's attributes from then on.
    private static func rendition(attributes: attr_t, pair: Int16) -> [UInt8] {
        collected = []
        _ = vid_puts(attributes, pair, nil) { byte in
            TerminalScreen.collected.append(UInt8(truncatingIfNeeded: byte))
            return byte
        }
        return collected
    }

    /// Where `rendition` collects: vid_puts takes a C function, which cannot capture. One
    /// screen, used from one thread.
    nonisolated(unsafe) private static var collected: [UInt8] = []

    /// Makes the next `draw` clear the terminal and paint every cell (`Ctrl-L`): whatever else
    /// wrote over the screen is gone.
    public func repaintAll() {
        guard !stopped else { return }
        painter.forget()
        _ = clearok(studydash_curscr(), true)
        // Whatever wrote over the screen may have left the line-drawing set on.
        if !asciiSet.isEmpty { _ = writeOut(asciiSet) }
    }

    /// Gives the terminal back to the shell while `body` runs (an editor, say), then takes it
    /// again; the next `draw` repaints everything.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard !stopped else { return try body() }
        _ = writeOut(inputModes(on: false).utf8)
        _ = def_prog_mode()
        _ = endwin()
        sd_pause_stderr_capture(1)
        defer {
            sd_pause_stderr_capture(0)
            _ = reset_prog_mode()
            // Before any text: the program that ran may have left the line-drawing set on.
            if !asciiSet.isEmpty { _ = writeOut(asciiSet) }
            painter.forget()
            _ = clearok(studydash_curscr(), true)
            _ = wrefresh(studydash_stdscr())
            _ = writeOut(inputModes(on: true).utf8)
        }
        return try body()
    }

    /// Puts `text` on the clipboard through the terminal (OSC 52), after ncurses' own output.
    /// nil when it was sent, else a message for the status bar (too long, or the write failed).
    public func copyToClipboard(_ text: String) -> String? {
        guard !stopped else { return nil }
        guard let bytes = Clipboard.sequence(for: text) else { return Clipboard.tooLong(text) }
        return writeOut(bytes).map { "not copied: \($0)" }
    }

    /// Writes `bytes` to the terminal after ncurses' own pending output; nil when all went out,
    /// else what failed.
    private func writeOut<Bytes: Sequence>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        studydash_flush_stdout()
        return Array(bytes).withUnsafeBytes { raw -> String? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return "writing to the terminal failed (\(String(cString: strerror(errno))))"
                }
            }
            return nil
        }
    }

    /// Leaves the full screen and restores the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = writeOut(inputModes(on: false).utf8)
        _ = endwin()
        // The terminal is the shell's again: a later crash must not emit the reset sequence.
        sd_set_crash_reset_armed(0)
        sd_release_stderr()
    }
}
