import StudyApp
import StudyContent
import StudyCore

/// The notes folders and the config file a command was told to read, as plain values: what
/// `ContentOptions` parses, and what the dashboard's everyday start reads without the parser
/// (DashboardArguments), whose option types cost instructions to create.
struct ContentChoice {
    /// `--content`, in the order given.
    var folders: [String] = []
    /// `--no-cache`.
    var noCache = false
    /// `--config`.
    var configFile: String?

    /// The settings, or a `ConfigError` (exit 2) for a file that is named but missing or wrong,
    /// found as `ConfigOptions` finds them.
    func loadConfig() throws -> StudyConfig {
        try ConfigLoader.load(.locate(flag: configFile, environment: Environment.value), home: Environment.value("HOME"))
    }

    /// The parse cache, unless `--no-cache` or `STUDYDASH_NO_CACHE` (any value but empty or 0) says not to.
    func parseCache() -> ParseCache? {
        if noCache { return nil }
        if let off = Environment.value("STUDYDASH_NO_CACHE"), !off.isEmpty, off != "0" { return nil }
        guard let directory = ParseCache.standardDirectory(xdgCacheHome: Environment.value("XDG_CACHE_HOME"),
                                                           home: Environment.value("HOME")) else { return nil }
        return ParseCache(directory: directory, programVersion: StudyDash.version)
    }

    /// The folders to read, by the documented lookup order.
    func resolvedFolders() throws -> [String] {
        // Read even when a flag decides: a wrong config file stops every command.
        try resolvedFolders(config: loadConfig())
    }

    /// The same, with the settings already read: a command that has them hands them on rather
    /// than reading and parsing the file again.
    func resolvedFolders(config: StudyConfig) throws -> [String] {
        let fromConfig = config.content
        if !folders.isEmpty { return folders }
        if let fromEnvironment = Environment.value("STUDYDASH_CONTENT"), !fromEnvironment.isEmpty {
            return fromEnvironment.split(separator: ":").map(String.init)
        }
        if let fromConfig, !fromConfig.isEmpty { return fromConfig }
        guard let bundled = BundledContent.locate() else {
            throw CLIError("the bundled Content/ folder was not found next to this binary; "
                + "pass --content DIR, set STUDYDASH_CONTENT or content in the config file")
        }
        return [bundled]
    }

    /// Loads the content, turning a missing or unreadable folder into a one-line error.
    func load() throws -> ContentTree { try loadWalked().tree }

    /// The same, with the walk the tree was read by (what the notes watcher starts from).
    func loadWalked() throws -> (tree: ContentTree, walk: NotesListing.Walked) {
        try loadWalked(config: loadConfig())
    }

    /// The same, with the settings already read.
    func loadWalked(config: StudyConfig) throws -> (tree: ContentTree, walk: NotesListing.Walked) {
        let paths = try resolvedFolders(config: config)
        do {
            return try ContentLoader.loadWalked(folders: paths, cache: parseCache())
        } catch {
            throw CLIError(error.description)
        }
    }
}
