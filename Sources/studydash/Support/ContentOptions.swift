import ArgumentParser
import StudyContent
import StudyCore

/// `--content PATH` (repeatable: a notes folder, or one notes file), shared by every command
/// that reads notes, with `--config FILE` beside it since every such command reads the config
/// file too. What they say is a `ContentChoice`, which does the work.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "A notes folder, or one notes file, to read (repeatable). Default: $STUDYDASH_CONTENT, else the config file's content, else the bundled Content/.",
        valueName: "path"))
    var folders: [String] = []

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Parse every notes file, neither reading nor writing the parse cache in $XDG_CACHE_HOME/studydash/ (as STUDYDASH_NO_CACHE=1 does)."))
    var noCache = false

    @OptionGroup var config: ConfigOptions

    /// The same options as plain values.
    var choice: ContentChoice { ContentChoice(folders: folders, noCache: noCache, configFile: config.file) }

    func parseCache() -> ParseCache? { choice.parseCache() }
    func resolvedFolders() throws -> [String] { try choice.resolvedFolders() }
    func load() throws -> ContentTree { try choice.load() }
    func loadWalked() throws -> (tree: ContentTree, walk: NotesListing.Walked) { try choice.loadWalked() }
}
