import ArgumentParser
import StudyApp
import StudyStore

/// `--db PATH`, shared by every command that reads or writes progress. What it says is a
/// `StoreChoice`, which does the work.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The progress database. Default: $STUDYDASH_DB, else the config file's db, else $XDG_DATA_HOME/studydash/progress.sqlite "
            + "(~/.local/share/studydash/progress.sqlite).",
        valueName: "path"))
    var path: String?

    /// The same option as a plain value.
    var choice: StoreChoice { StoreChoice(path: path) }

    func resolvedPath(config: StudyConfig) -> String { choice.resolvedPath(config: config) }
    func exists(config: StudyConfig) -> Bool { choice.exists(config: config) }
    func open(config: StudyConfig) throws -> ProgressStore { try choice.open(config: config) }
}
