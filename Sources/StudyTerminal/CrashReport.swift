/// What a crash of the dashboard leaves behind: the terminal as the shell had it, one line on
/// stderr, and the backtrace in a file. Left alone, the Swift runtime's backtracer prints a
/// coloured backtrace over the screen and then holds the terminal for 30 s (echo and line mode
/// off) asking for a key. It reads its settings (`SWIFT_BACKTRACE`) only when the process
/// starts, so the dashboard starts itself once more with them set; a `SWIFT_BACKTRACE` the
/// user set is theirs and is followed, after the terminal is restored.
import CTerminalGuard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum CrashReport {
    /// Call first thing in the dashboard, before the notes are read. May not return: the
    /// program is started again in its place. Returns the environment for programs the
    /// dashboard starts (our `SWIFT_BACKTRACE` taken out: it was for this process only).
    public static func prepare(environment: [String: String]) -> [String: String] {
        let folder = crashFolder(environment: environment)
        let ours = folder.map(settings(folder:)) ?? "enable=no"
        var rest = environment
        switch environment["SWIFT_BACKTRACE"] {
        case nil:
            restart(settings: ours)
            // Could not start again: the runtime keeps its interactive defaults, so our handlers
            // take every crash and do not hand it on.
            install(note: "studydash crashed.", handOn: .no)
        case ours?:
            rest["SWIFT_BACKTRACE"] = nil
            unsetenv("SWIFT_BACKTRACE")
            // The runtime's own progress line would only repeat where the backtrace goes.
            install(note: folder.map { "studydash crashed; the backtrace is in \($0)" } ?? "studydash crashed.",
                    handOn: folder == nil ? .yes : .quietly)
        default:
            install(note: "studydash crashed.", handOn: .yes)
        }
        return rest
    }

    /// `$XDG_STATE_HOME/studydash/crashes` (default `~/.local/state`), made private (0700) if
    /// new; nil when there is no such absolute folder, or its name cannot be written into
    /// `SWIFT_BACKTRACE` (a comma) or shown (a control character): then no backtrace is kept.
    static func crashFolder(environment: [String: String]) -> String? {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            state = home + "/.local/state"
        } else {
            return nil
        }
        let folder = state + "/studydash/crashes"
        guard !folder.contains(","), !folder.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) }),
              makeFolders(folder) else { return nil }
        return folder
    }

    /// The runtime's settings: no questions, no colour, the backtrace to a new file in `folder`.
    static func settings(folder: String) -> String {
        "enable=yes,interactive=no,color=no,output-to=\(folder)"
    }

    /// `mkdir -p`, new folders 0700. True when `path` is a folder now.
    static func makeFolders(_ path: String) -> Bool {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST { return false }
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Starts this program again, same arguments, with `SWIFT_BACKTRACE=settings`. Returns only
    /// when that failed (and then leaves the environment as it was).
    static func restart(settings: String) {
        #if os(Linux)
        // The file behind /proc/self/exe, so that the runtime names the backtrace after it.
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &path, path.count - 1)
        guard length > 0, setenv("SWIFT_BACKTRACE", settings, 1) == 0 else { return }
        _ = execv(path, CommandLine.unsafeArgv)
        unsetenv("SWIFT_BACKTRACE")
        #endif
    }

    /// Whether a crash goes on to the runtime's backtracer after our note.
    enum HandOn: Int32 {
        case no = 0, yes = 1, quietly = 2  // quietly: with stderr on /dev/null
    }

    static func install(note: String, handOn: HandOn) {
        sd_install_fatal_handlers()
        sd_set_crash_note(note + "\n", handOn.rawValue)
    }
}
