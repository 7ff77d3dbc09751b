import CTerminalGuard

/// What a crash of the dashboard leaves behind: the terminal as the shell had it and one line on
/// stderr. Left alone, the Swift runtime's backtracer prints a coloured backtrace over the screen
/// and then holds the terminal for 30 s (echo and line mode off) asking for a key.
///
/// Our handlers take every fatal signal first, before the notes are read. A backtrace is kept
/// only on request: with `SWIFT_BACKTRACE` set (e.g. `enable=yes,interactive=no,output-to=DIR`)
/// the crash goes on to the runtime after the terminal is restored. Asking for one on every start
/// would mean starting the program twice (the runtime reads its settings only at start-up), and
/// the statically linked release build has no backtracer helper beside it to write one anyway.
public enum CrashReport {
    /// The one line a crash prints when no backtrace was asked for.
    static let note = "studydash crashed. To keep a backtrace next time, run it with "
        + "SWIFT_BACKTRACE=enable=yes,interactive=no,output-to=DIR and report the file."

    /// Call first thing in the dashboard, before the notes are read.
    public static func prepare(environment: [String: String]) {
        if environment["SWIFT_BACKTRACE"] == nil {
            install(note: note, handOn: .no)
        } else {
            install(note: "studydash crashed.", handOn: .yes)
        }
    }

    /// Whether a crash goes on to the runtime's backtracer after our note.
    enum HandOn: Int32 {
        case no = 0, yes = 1
    }

    static func install(note: String, handOn: HandOn) {
        sd_install_fatal_handlers()
        sd_set_crash_note(note + "\n", handOn.rawValue)
    }
}
