#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import StudyApp
import StudyStore

/// `--db PATH`, shared by every command that reads or writes progress.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The progress database. Default: $STUDYDASH_DB, else the config file's db, else $XDG_DATA_HOME/studydash/progress.sqlite "
            + "(~/.local/share/studydash/progress.sqlite).",
        valueName: "path"))
    var path: String?

    /// Flag, else environment, else the config file, else the standard place.
    func resolvedPath(config: StudyConfig) -> String {
        let fromEnvironment = !(Environment.value("STUDYDASH_DB") ?? "").isEmpty
        return StoreLocation.resolve(explicit: path ?? (fromEnvironment ? nil : config.db), environment: Environment.value)
    }

    /// Whether the store's file is there already (opening it then creates nothing).
    func exists(config: StudyConfig) -> Bool {
        var info = stat()
        return stat(resolvedPath(config: config), &info) == 0
    }

    func open(config: StudyConfig) throws -> ProgressStore {
        let path = resolvedPath(config: config)
        return try storeCall { try ProgressStore(path: path) }
    }
}
