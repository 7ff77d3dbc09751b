import ArgumentParser
import StudyCore

/// The arguments of `mark` and `status` read without swift-argument-parser, for the lines a
/// learner or a script types every day (`studydash mark URL done --db PATH`, `studydash status`).
///
/// Parsing builds the command's option objects by reflection and looks up conformances of their
/// generic types, which scans every conformance of this static binary: a third of the
/// instructions `mark` ran. Like DashboardArguments, this reads only the shapes it fully
/// understands: each option spelled out (`--db PATH` or `--db=PATH`) with a value that is not
/// empty and does not look like an option, `--content` repeated, each other option and flag at
/// most once, words that are neither empty, options nor command names, and for `mark` at least
/// one item and a status last (what its `validate` asks). Anything else (help, a short option,
/// `--`, a repeated option, a missing status) is declined, and the parser answers it as before,
/// with its message and exit status.
enum ProgressArguments {
    /// What a line read here asks for: `mark` as plain values (creating its parser's property
    /// wrappers cost more than all of this), `status` as its command.
    enum Request {
        case mark(MarkRequest)
        case status(StatusCommand)

        func run() throws {
            switch self {
            case .mark(let mark): try mark.run()
            case .status(let status): try status.run()
            }
        }
    }

    /// What these arguments (the command's name first) ask for, or nil to leave them to the
    /// parser. `commands` are the words the parser takes for a command (`help` included).
    static func request(_ arguments: [String], commands: Set<String>) -> Request? {
        guard let name = arguments.first, name == "mark" || name == "status",
              let read = Read(Array(arguments.dropFirst()), commands: commands) else { return nil }
        return name == "mark" ? read.mark().map(Request.mark) : read.status().map(Request.status)
    }

    /// What the words after the command's name say.
    private struct Read {
        var words: [String]
        var places = PlainArguments.Places()
        var flags: [String]

        init?(_ arguments: [String], commands: Set<String>) {
            guard let plain = PlainArguments(arguments, flags: ["--no-cache", "--json", "--orphans"]),
                  plain.words.allSatisfy({ !$0.isEmpty && !commands.contains($0) }) else { return nil }
            words = plain.words
            flags = plain.flags
            for option in plain.options {
                guard places.take(option.name, option.value) else { return nil }
            }
        }

        /// `mark ITEM… STATUS`, when its `validate` would pass (else the parser says why not).
        func mark() -> MarkRequest? {
            guard !flags.contains("--orphans"), words.count >= 2,
                  let last = words.last, Status(parsing: last) != nil else { return nil }
            return MarkRequest(arguments: words,
                               content: ContentChoice(folders: places.folders, noCache: flags.contains("--no-cache"),
                                                      configFile: places.config),
                               store: StoreChoice(path: places.db), json: flags.contains("--json"))
        }

        /// `status [TOPIC]`.
        func status() -> StatusCommand? {
            guard words.count <= 1 else { return nil }
            var command = StatusCommand()
            command.topic = words.first
            command.orphans = flags.contains("--orphans")
            command.content = content()
            command.store = store()
            command.json = flags.contains("--json")
            return command
        }

        /// The shared options as the parser fills them in: every property set (a property left
        /// unset would stop the program when read).
        private func content() -> ContentOptions {
            var content = ContentOptions()
            content.folders = places.folders
            content.noCache = flags.contains("--no-cache")
            var configOptions = ConfigOptions()
            configOptions.file = places.config
            content.config = configOptions
            return content
        }

        private func store() -> StoreOptions {
            var store = StoreOptions()
            store.path = places.db
            return store
        }
    }
}
