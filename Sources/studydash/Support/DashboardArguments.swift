import StudyTerminal

/// The dashboard's arguments read without swift-argument-parser, for the start a learner makes
/// every day (`studydash`, `studydash --db PATH --content DIR`, `studydash notes/`).
///
/// The parser reflects over every option and instantiates its generic types on first use: the
/// Swift runtime then scans every protocol conformance of this static binary once per type, a
/// quarter of the instructions the dashboard ran to its first screen. This reads only the shapes
/// it fully understands: each option spelled out (`--db PATH` or `--db=PATH`) with a value that
/// is not empty and does not look like an option, `--content` repeated, each other option and
/// flag at most once, at most one path. Anything else (help, the version, a short option, `--`,
/// a repeated option, a value that is not one of `--color`'s, a word the parser might take for a
/// command) is declined, and the parser answers it as before, so the two never disagree.
enum DashboardArguments {
    /// The dashboard command these arguments ask for, or nil to leave them to the parser.
    /// `commands` are the words the parser takes for a command (`help` included).
    static func command(_ arguments: [String], commands: Set<String>) -> DashboardCommand? {
        guard !arguments.contains(where: commands.contains) else { return nil }
        var read = Read()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                guard read.path == nil, !argument.isEmpty else { return nil }
                read.path = argument
                continue
            }
            if argument == "--fresh" || argument == "--no-cache" {
                guard read.takeFlag(argument) else { return nil }
                continue
            }
            let name: Substring, value: String
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.count else { return nil }
                name = argument[...]
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty, !value.hasPrefix("-"), read.take(name, value) else { return nil }
        }
        return read.command()
    }

    /// What has been read so far.
    private struct Read {
        var path: String?
        var fresh = false
        var noCache = false
        var folders: [String] = []
        var db: String?
        var config: String?
        var color: ColorChoice?

        /// Takes `--fresh` or `--no-cache`; false when it was given already.
        mutating func takeFlag(_ flag: String) -> Bool {
            if flag == "--fresh" {
                defer { fresh = true }
                return !fresh
            }
            defer { noCache = true }
            return !noCache
        }

        /// Takes one option's value; false for an option it does not know, or one given twice.
        mutating func take(_ name: Substring, _ value: String) -> Bool {
            switch name {
            case "--content":
                folders.append(value)
            case "--db" where db == nil:
                db = value
            case "--config" where config == nil:
                config = value
            case "--color" where color == nil:
                guard let choice = ColorChoice(rawValue: value) else { return false }
                color = choice
            default:
                return false
            }
            return true
        }

        /// The command as the parser would have filled it in: every property set, the defaults
        /// of the ones not given (a property left unset would stop the program when read).
        func command() -> DashboardCommand {
            var content = ContentOptions()
            content.folders = folders
            content.noCache = noCache
            var configOptions = ConfigOptions()
            configOptions.file = config
            content.config = configOptions
            var store = StoreOptions()
            store.path = db
            var command = DashboardCommand()
            command.path = path
            command.options = content
            command.store = store
            command.fresh = fresh
            command.color = color ?? .auto
            return command
        }
    }
}
