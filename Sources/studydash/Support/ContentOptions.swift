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

    @OptionGroup var config: ConfigOptions

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
    func load() throws -> ContentTree {
        let paths = try resolvedFolders()
        do {
            return try ContentLoader.load(folders: paths)
        } catch {
            throw CLIError(error.description)
        }
    }
}
