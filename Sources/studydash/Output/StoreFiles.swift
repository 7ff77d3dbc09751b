#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress store's files: the database and the journal files SQLite keeps beside it.
struct StoreFiles {
    static let sideSuffixes = ["-wal", "-shm", "-journal"]

    let store: String

    init(_ store: String) { self.store = store }

    /// Throws when `path` names the store or one of its side files, by a resolved path (a symlink,
    /// `x/../db`) or by being the same file (a hard link).
    func refuse(_ path: String) throws(CLIError) {
        let output = try OutputPath.target(of: path)
        var outputInfo = stat()
        let outputExists = stat(path, &outputInfo) == 0
        // SQLite keeps the side files beside the database as named and as resolved.
        let bases = [store, (try? OutputPath.target(of: store)) ?? store]
        for suffix in [""] + Self.sideSuffixes {
            for base in bases {
                let candidate = base + suffix
                var info = stat()
                let sameFile = outputExists && stat(candidate, &info) == 0
                    && info.st_dev == outputInfo.st_dev && info.st_ino == outputInfo.st_ino
                if sameFile || (try? OutputPath.target(of: candidate)) == output {
                    let what = suffix.isEmpty ? "the progress store" : "the progress store's \(suffix) file"
                    throw CLIError("refusing to write \(path): it is \(what) (\(store)); nothing was written")
                }
            }
        }
    }
}
