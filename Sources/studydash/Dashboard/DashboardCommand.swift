import ArgumentParser
import Foundation
import StudyApp
import StudyTUI
import StudyTerminal

/// `studydash` with no subcommand (or `studydash dashboard`): the full-screen dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default when no subcommand is given).",
        discussion: """
            Browse the topic tree, read notes, mark resources and annotate them by keyboard; press ? \
            in the dashboard for every key. Every change is saved at once in the progress store, \
            the same one the other subcommands read.

            It needs a terminal: when standard input or output is not one, or TERM cannot move the \
            cursor (unset, unknown, dumb), it says so and exits 1 without touching the terminal; use \
            `studydash tree` or `studydash status` there. NO_COLOR (set to anything) turns colours \
            off unless --color=always. The colours are the config's [theme] (default, light or mono, \
            roles as red, bright-blue, 0-255 or #rrggbb): 16 unless terminfo has 256, 24-bit only \
            on a direct-colour terminfo with COLORTERM=truecolor. [keys.VIEW] action = "key" \
            rebinds a key; ? shows the keys in effect. Links open with $BROWSER (':'-separated \
            commands, %s for the URL, words quoted as in \
            a shell, never run by one), else xdg-open (open on macOS), only for http and https \
            links with // and a host, and file: links with a path. Without $BROWSER, the config file's \
            browser is used; one with terminal = true (w3m, lynx) gets the terminal until it exits, \
            as $EDITOR does.

            On quit it remembers where you were (the selected topic and resource, the open \
            topics, the reader and its scroll) per set of notes folders, in \
            $XDG_STATE_HOME/studydash/ (default ~/.local/state/studydash/), and reopens there; \
            --fresh opens at the top.

            Exit status: 0 after q; 1 an error; 129, 130, 143 after SIGHUP, SIGINT, SIGTERM. Any \
            other signal that ends a program restores the terminal first; SIGPIPE is ignored. A \
            crash restores the terminal and prints one line; to keep a backtrace, run with \
            SWIFT_BACKTRACE=enable=yes,interactive=no,output-to=DIR.
            """)

    @Argument(help: ArgumentHelp("A notes folder or file to open, as --content takes (`studydash notes/README.md`).",
                                 valueName: "path"))
    var path: String?

    @OptionGroup var options: ContentOptions

    @OptionGroup var store: StoreOptions

    @Flag(help: "Open at the top, not where you left off last time.")
    var fresh = false

    @Option(help: ArgumentHelp("Colours: auto (unless NO_COLOR is set), always (even then), never.", valueName: "when"))
    var color: ColorChoice = .auto

    /// The keys in effect with this command's config (`--config`, `STUDYDASH_CONFIG` or the
    /// standard file), for its `--help`; with a config that cannot be read, why instead.
    func keysInEffect() -> String {
        do {
            let keymap = try KeysAndTheme.keymap(try request.content.loadConfig())
            return "KEYS (in effect, from the config file where it rebinds them; ? shows the same):\n"
                + KeyHelpText.text(keymap: keymap)
        } catch {
            return "KEYS: the config file cannot be read (\(error)); `studydash config --check` says more."
        }
    }

    /// The same arguments as plain values, which the run takes.
    var request: DashboardRequest {
        DashboardRequest(path: path, options: options.choice, store: store.choice, fresh: fresh, color: color)
    }

    func run() throws {
        try request.run()
    }
}

extension ColorChoice: ExpressibleByArgument {}
