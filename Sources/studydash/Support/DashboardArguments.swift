import StudyTerminal

/// The dashboard's arguments read without swift-argument-parser, for the start a learner makes
/// every day (`studydash`, `studydash --db PATH --content DIR`, `studydash notes/`).
///
/// The parser reflects over every option and instantiates its generic types on first use: the
/// Swift runtime then scans every protocol conformance of this static binary once per type, a
/// quarter of the instructions the dashboard ran to its first screen. Even creating its option
/// types (`ContentOptions()`) cost 1.4 M instructions, so this hands over plain values (a
/// `DashboardRequest`), not a `DashboardCommand`. This reads only the shapes
/// it fully understands: each option spelled out (`--db PATH` or `--db=PATH`) with a value that
/// is not empty and does not look like an option, `--content` repeated, each other option and
/// flag at most once, at most one path. Anything else (help, the version, a short option, `--`,
/// a repeated option, a value that is not one of `--color`'s, a word the parser might take for a
/// command) is declined, and the parser answers it as before, so the two never disagree.
enum DashboardArguments {
    /// What these arguments ask the dashboard for, or nil to leave them to the parser.
    /// `commands` are the words the parser takes for a command (`help` included).
    static func request(_ arguments: [String], commands: Set<String>) -> DashboardRequest? {
        guard !arguments.contains(where: commands.contains),
              let plain = PlainArguments(arguments, flags: ["--fresh", "--no-cache"]),
              plain.words.count <= 1, plain.words.allSatisfy({ !$0.isEmpty }) else { return nil }
        var read = Read()
        read.path = plain.words.first
        read.fresh = plain.flags.contains("--fresh")
        read.noCache = plain.flags.contains("--no-cache")
        for option in plain.options {
            guard read.take(option.name, option.value) else { return nil }
        }
        return read.request()
    }

    /// What has been read so far.
    private struct Read {
        var path: String?
        var fresh = false
        var noCache = false
        var places = PlainArguments.Places()
        var color: ColorChoice?

        /// Takes one option's value; false for an option it does not know, or one given twice.
        mutating func take(_ name: Substring, _ value: String) -> Bool {
            guard name == "--color" else { return places.take(name, value) }
            guard color == nil, let choice = ColorChoice(rawValue: value) else { return false }
            color = choice
            return true
        }

        /// The request as the parser would have filled it in, the defaults for what was not given.
        func request() -> DashboardRequest {
            DashboardRequest(path: path, options: ContentChoice(folders: places.folders, noCache: noCache, configFile: places.config),
                             store: StoreChoice(path: places.db), fresh: fresh, color: color ?? .auto)
        }
    }
}
