import ArgumentParser
import StudyCore
import StudyText

/// The `studydash` executable: command-line parsing and wiring of the modules. Each subcommand
/// lives in Commands/, its output format in Output/.
@main
struct StudyDash: ParsableCommand {
    static let version = Release.version

    static let configuration = CommandConfiguration(
        commandName: "studydash",
        abstract: "Study a subject kept as Markdown notes: browse the topic tree, read notes, track progress.",
        discussion: """
            With no subcommand it opens the full-screen dashboard (`studydash help dashboard`). Content comes from --content DIR (repeatable), else the folders in \
            STUDYDASH_CONTENT (separated by ':'), else the config file's content, else the bundled curriculum (see `studydash help tree`). \
            Progress is kept in --db PATH, else $STUDYDASH_DB, else the config file's db, else \
            $XDG_DATA_HOME/studydash/progress.sqlite (~/.local/share/studydash/progress.sqlite). \
            Both options, and --config FILE, may stand before the subcommand too (`studydash --db PATH status`), so that one \
            shell alias serves every command.

            Settings are read from --config FILE, else $STUDYDASH_CONFIG, else \
            $XDG_CONFIG_HOME/studydash/config.toml (~/.config/studydash/config.toml). Precedence: flags > \
            environment > config file > defaults; `studydash config` shows each setting and where it came \
            from, `studydash config --default` prints a commented file.

            Exit status: 0 success; 1 an error (missing content folder, unknown or ambiguous item); \
            2 a config file that is wrong (file:line:column) or named but missing; 64 a usage error.
            """,
        version: version,
        subcommands: [DashboardCommand.self, TreeCommand.self, CheckCommand.self, ConfigCommand.self, ShowCommand.self,
                      StatusCommand.self, MarkCommand.self, NoteCommand.self, NextCommand.self, SearchCommand.self, StatsCommand.self,
                      RevisitCommand.self, UndoCommand.self, RelinkCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Moves the shared options typed before the subcommand behind it (see LeadingOptions), then
    /// parses as usual.
    static func main() {
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        let names = Set(commands + ["help"])
        switch LeadingOptions.arrange(Array(CommandLine.arguments.dropFirst()), commands: names) {
        case .parse(let arguments):
            run(arguments, commands: names)
        case .unknownCommand(let name):
            Output.error(unknownCommandMessage(name))
            exit(withError: ExitCode(64))
        }
    }

    /// swift-argument-parser's `main`, but help, usage and the version go out through `Output`,
    /// so that a failed write (`--help > /dev/full`) is an error as for every other output.
    private static func run(_ arguments: [String], commands: Set<String>) {
        do {
            if let dashboard = dashboardAlone(arguments, commands: commands) {
                try dashboard.run()
            } else if let request = ProgressArguments.request(arguments, commands: commands) {
                try request.run()
            } else {
                var command = try commandAlone(arguments) ?? parseAsRoot(arguments)
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    Output.write(message + "\n" + dashboardKeys(arguments))
                } else {
                    Output.usage(message)
                }
            }
            exit(withError: code)  // prints nothing more for an ExitCode
        }
    }

    /// The dashboard's arguments read by DashboardArguments when it knows their shape, else
    /// parsed by the dashboard's own command: the whole parse builds the parser of every
    /// subcommand to reach the default one, a quarter of the instructions the dashboard ran to its
    /// first screen. Only for arguments that name no command, which the whole parse could only
    /// hand to the dashboard as they are; any error (help, `--version`, a wrong option) goes to
    /// the whole parse, so that its message and exit status stay what they were.
    private static func dashboardAlone(_ arguments: [String], commands: Set<String>) -> DashboardRequest? {
        let rest = arguments.first == "dashboard" ? Array(arguments.dropFirst()) : arguments
        guard !rest.contains(where: commands.contains) else { return nil }
        return DashboardArguments.request(rest, commands: commands) ?? (try? DashboardCommand.parse(rest))?.request
    }

    /// A subcommand's arguments parsed by that command alone, for a command that opts in by naming
    /// this program as its super command (`MarkCommand`): the whole parse first tries the
    /// arguments as a request for a completion script, which builds two parsers of its own and,
    /// with the root's, was a third of the instructions `mark` ran. A command parsed as the root
    /// skips that only when it names a super command, which only the root's help reads, so the
    /// subcommand's own help stays the same. Only a parse that succeeds is kept: help, a wrong
    /// option or a completion request go to the whole parse, with its message and exit status.
    private static func commandAlone(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first,
              let type = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
              type.configuration._superCommandName == configuration.commandName else { return nil }
        return parseAlone(type, Array(arguments.dropFirst()))
    }

    private static func parseAlone<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Command? {
        try? Command.parse(arguments)
    }

    /// After the dashboard's own help (`studydash dashboard --help`, `studydash help dashboard`),
    /// the keys in effect: the same arguments without the help request name the config to read.
    private static func dashboardKeys(_ arguments: [String]) -> String {
        let helpWords: Set<String> = ["--help", "-h", "help"]
        guard arguments.contains("dashboard"), arguments.contains(where: helpWords.contains) else { return "" }
        let rest = arguments.filter { !helpWords.contains($0) }
        guard let dashboard = (try? parseAsRoot(rest)) as? DashboardCommand else { return "" }
        return "\n" + TerminalSafe.escape(dashboard.keysInEffect(), keepNewlines: true) + "\n"
    }

    /// One line naming the word, then every command with what it does.
    static func unknownCommandMessage(_ name: String) -> String {
        let commands = configuration.subcommands.map { ($0.configuration.commandName ?? "", $0.configuration.abstract) }
        let width = commands.map { $0.0.count }.max() ?? 0
        var lines = ["unknown command '\(name)'; the commands are:"]
        for (command, abstract) in commands { lines.append("  \(command.padded(toColumns: width))  \(abstract)") }
        lines.append("`studydash help COMMAND` shows one in full.")
        return lines.joined(separator: "\n")
    }
}
