#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyContent

/// Lets the options every command shares (`--content DIR`, `--db PATH`) stand before the
/// subcommand as well as after it, the way a shell alias puts them (`alias sd='studydash --db …'`).
///
/// swift-argument-parser reads a command's options only after the command's name, and with a
/// default subcommand it hands `studydash --db X status` to `dashboard`, which then trips on
/// `status`. So before parsing, the shared options at the front are moved behind the subcommand
/// name; everything else is left to the parser as typed.
enum LeadingOptions {
    /// The shared options; each takes a value, as `--db PATH` or `--db=PATH`.
    static let names: Set<String> = ["--content", "--db", "--config"]

    enum Arranged: Equatable {
        /// The arguments to give the parser.
        case parse([String])
        /// The first word is not a command: no command takes words before its name.
        case unknownCommand(String)
    }

    /// `arguments` without the program name; `commands` the subcommand names, `help` included.
    static func arrange(_ arguments: [String], commands: Set<String>) -> Arranged {
        var leading: [String] = []
        var index = 0
        while index < arguments.count, let taken = sharedOption(in: arguments, at: index) {
            leading += arguments[index..<(index + taken)]
            index += taken
        }
        let rest = Array(arguments[index...])
        guard let first = rest.first else { return .parse(arguments) }  // the dashboard
        if first == "help" || first == "--help" || first == "-h" || first == "--version" {
            return .parse(rest)  // help and the version read no notes and no store
        }
        if commands.contains(first) { return .parse([first] + leading + rest.dropFirst()) }
        if first.hasPrefix("-") { return .parse(arguments) }  // an option: the parser names it
        // `studydash notes/README.md`, as glow takes a file: the dashboard on that path.
        if namesAPath(first) { return .parse(["dashboard"] + leading + rest) }
        return .unknownCommand(first)
    }

    /// A word that is not a command is a path when it has a `/` or a notes file's ending (so
    /// that a missing one is reported as missing) or names something that exists.
    static func namesAPath(_ word: String) -> Bool {
        if word.contains("/") || ContentLoader.isNotesFile(word) { return true }
        var info = stat()
        return stat(word, &info) == 0
    }

    /// How many arguments the shared option at `index` spans (1 for `--db=PATH`, 2 for
    /// `--db PATH`), or nil when there is none there. An option without its value is left to
    /// the parser, which reports it.
    private static func sharedOption(in arguments: [String], at index: Int) -> Int? {
        let argument = arguments[index]
        if let equals = argument.firstIndex(of: "="), names.contains(String(argument[..<equals])) { return 1 }
        guard names.contains(argument), index + 1 < arguments.count,
              !arguments[index + 1].hasPrefix("-") else { return nil }
        return 2
    }
}
