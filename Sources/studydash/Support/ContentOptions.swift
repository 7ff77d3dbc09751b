import ArgumentParser
import StudyContent
import StudyCore

/// `--content PATH` (repeatable: a notes folder, or one notes file), shared by every command
/// that reads notes.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "A notes folder, or one notes file, to read (repeatable). Default: $STUDYDASH_CONTENT, else the bundled Content/.",
        valueName: "path"))
    var folders: [String] = []

    /// The folders to read, by the documented lookup order.
    func resolvedFolders() throws -> [String] {
        if !folders.isEmpty { return folders }
        if let fromEnvironment = Environment.value("STUDYDASH_CONTENT"), !fromEnvironment.isEmpty {
            return fromEnvironment.split(separator: ":").map(String.init)
        }
        guard let bundled = BundledContent.locate() else {
            throw CLIError("the bundled Content/ folder was not found next to this binary; "
                + "pass --content DIR or set STUDYDASH_CONTENT")
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
