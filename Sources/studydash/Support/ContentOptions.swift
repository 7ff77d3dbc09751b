import ArgumentParser
import StudyContent
import StudyCore

/// `--content PATH` (repeatable: a notes folder, or one notes file), shared by every command
/// that reads notes, with `--config FILE` beside it since every such command reads the config
/// file too.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "A notes folder, or one notes file, to read (repeatable). Default: $STUDYDASH_CONTENT, else the config file's content, else the bundled Content/.",
        valueName: "path"))
    var folders: [String] = []

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Parse every notes file, neither reading nor writing the parse cache in $XDG_CACHE_HOME/studydash/ (as STUDYDASH_NO_CACHE=1 does)."))
    var noCache = false

    @OptionGroup var config: ConfigOptions

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
        let fromConfig = try config.load().content
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
        let paths = try resolvedFolders()
        do {
            return try ContentLoader.loadWalked(folders: paths, cache: parseCache())
        } catch {
            throw CLIError(error.description)
        }
    }
}
