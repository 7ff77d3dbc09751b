import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, before anything touches the terminal, whether the full-screen dashboard can run
/// here: stdin and stdout must be terminals and TERM must name a terminfo entry that can move
/// the cursor. ncurses itself does not refuse a `dumb` terminal; it draws junk instead.
public enum TerminalCheck {
    static let suggestion = "try 'studydash tree' or 'studydash status'"

    /// nil when the dashboard can start, else one line saying why not, without the program
    /// name: the CLI's error output adds the `studydash: ` prefix.
    public static func refusal(environment: [String: String]) -> String? {
        guard isatty(STDOUT_FILENO) == 1 else { return needsTerminal("stdout is not a terminal") }
        guard isatty(STDIN_FILENO) == 1 else { return needsTerminal("stdin is not a terminal") }
        guard let term = environment["TERM"], !term.isEmpty else { return needsTerminal("TERM is not set") }
        switch capability(term: term) {
        case .usable:
            return nil
        case .unknown:
            return "the dashboard does not know the terminal TERM=\(printable(term)) (no terminfo entry); "
                + "set TERM to your terminal's type, or \(suggestion)"
        case .noCursorAddressing:
            return "the dashboard cannot run on TERM=\(printable(term)) (it cannot move the cursor); "
                + "use a full terminal, or \(suggestion)"
        }
    }

    enum Capability { case usable, unknown, noCursorAddressing }

    /// Looks `term` up with setupterm's error out-parameter (so nothing is printed), asks for
    /// `cup`, and frees the loaded entry again so that the later newterm starts clean.
    static func capability(term: String) -> Capability {
        var error: Int32 = 0
        let loaded = setupterm(term, STDOUT_FILENO, &error) == OK
        defer {
            if let terminal = studydash_cur_term() { _ = del_curterm(terminal) }
        }
        guard loaded, error == 1 else { return .unknown }
        guard let cup = tigetstr("cup"), Int(bitPattern: cup) != -1, cup.pointee != 0 else {
            return .noCursorAddressing
        }
        return .usable
    }

    static func needsTerminal(_ reason: String) -> String {
        "the dashboard needs a terminal (\(reason)); \(suggestion)"
    }

    /// TERM comes from the environment: keep escape sequences in it out of the message.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(64).map {
            $0.value < 0x20 || (0x7f...0x9f).contains($0.value) ? "?" : $0
        }))
    }
}
