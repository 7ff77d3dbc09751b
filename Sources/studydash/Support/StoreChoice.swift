#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyApp
import StudyStore

/// The progress store a command was told to use, as a plain value: what `StoreOptions` parses,
/// and what the dashboard's everyday start reads without the parser (DashboardArguments).
struct StoreChoice {
    /// `--db`.
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
