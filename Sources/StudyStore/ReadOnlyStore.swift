#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB

/// Opens a store this process cannot write, without writing a byte of it: no claim, no
/// migration, and no side files in a folder that cannot take them.
enum ReadOnlyStore {
    static func open(_ path: String) throws(StoreError) -> any DatabaseWriter {
        do {
            let file = try DatabaseQueue(path: connectionPath(path), configuration: configuration)
            if try file.read({ try Schema.migrator.hasCompletedMigrations($0) }) { return file }
            // An older schema (or an empty file) cannot be migrated in place: it is read through
            // a migrated copy in memory. Stores are small; this happens only until it is writable.
            let copy = try DatabaseQueue(configuration: Configuration())
            try file.backup(to: copy)
            try file.close()
            try Schema.migrator.migrate(copy)
            return copy
        } catch {
            throw .cannotOpen(path: path, reason: ProgressStore.describe(error))
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.label = "studydash-readonly"
        return configuration
    }

    /// What to hand SQLite for a read-only connection. To read a WAL database SQLite needs its
    /// `-shm` file, which it cannot create in a folder that cannot be written; when no `-wal` file
    /// is there either, no process can be writing the store (a writer needs one), so the file is
    /// opened as immutable, which needs neither. The URI escapes what SQLite would read as syntax.
    static func connectionPath(_ path: String) -> String {
        let folderWritable = faccessat(AT_FDCWD, StoreLocation.parent(of: path), W_OK, AT_EACCESS) == 0
        guard !folderWritable, access(path + "-wal", F_OK) != 0 else { return path }
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return (path.hasPrefix("/") ? "file://" : "file:") + escaped + "?immutable=1"
    }
}
