import ArgumentParser
import StudyStore

/// `--db PATH`, shared by every command that reads or writes progress.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The progress database. Default: $STUDYDASH_DB, else $XDG_DATA_HOME/studydash/progress.sqlite "
            + "(~/.local/share/studydash/progress.sqlite).",
        valueName: "path"))
    var path: String?

    var resolvedPath: String {
        StoreLocation.resolve(explicit: path, environment: Environment.value)
    }

    func open() throws -> ProgressStore {
        try storeCall { try ProgressStore(path: resolvedPath) }
    }
}
