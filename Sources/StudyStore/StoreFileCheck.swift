#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB

/// Decides whether an existing file may be opened as our store, without changing a byte of it:
/// the SQLite header is read with plain `read(2)`, then the database is opened read-only to look
/// at its application ID and its migrations, unless the header already shows a store of ours that
/// the writing connection can open without writing (see `Verdict.oursByHeader`).
enum StoreFileCheck {
    enum Verdict {
        case missing
        case empty
        case ours
        /// The header carries our application ID and WAL mode, and no log file is beside it: what
        /// a store closed by StudyDash looks like, every start but the first. Opening it for
        /// writing writes nothing (switching to WAL is a no-op, and an empty log has nothing to
        /// fold back on close), so `confirmed` asks that connection for the rest of the verdict
        /// instead of opening a second, read-only one first (most of the check's cost).
        case oursByHeader
    }

    static func inspect(_ path: String) throws(StoreError) -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }  // prepare() says which folder is wrong
            throw .cannotOpen(path: path, reason: StoreLocation.systemError())
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isFolder(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notSQLite(path: path) }
        if info.st_size == 0 { return .empty }

        let header = try readHeader(path)
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else { throw .notSQLite(path: path) }
        if isOursInWAL(header), access(path + "-wal", F_OK) != 0, StoreLocation.isWritable(path) { return .oursByHeader }
        return try inspectOpening(path)
    }

    /// Opens a file `inspect` found `.oursByHeader` with `open` (the writing connection) and reads
    /// the verdict through it before anything is written. A refusal closes the connection and
    /// removes the side files its opening made; a file that cannot be opened gets the refusal the
    /// read-only check gives it (a damaged file is `notSQLite`, as before).
    static func confirmed(_ path: String, open: () throws(StoreError) -> DatabaseQueue) throws(StoreError) -> DatabaseQueue {
        let sideFiles = absentSideFiles(path)
        let queue: DatabaseQueue
        do {
            queue = try open()
        } catch {
            for file in sideFiles { unlink(file) }
            _ = try inspectOpening(path)
            throw error
        }
        do {
            _ = try queue.read { db in try verdict(db, path: path) }
            return queue
        } catch {
            try? queue.close()
            for file in sideFiles { unlink(file) }
            throw error as? StoreError ?? .cannotOpen(path: path, reason: ProgressStore.describe(error))
        }
    }

    /// The read-only look, for every file the header alone does not vouch for.
    private static func inspectOpening(_ path: String) throws(StoreError) -> Verdict {
        // Reading a WAL-mode file makes SQLite create `-wal` and `-shm` beside it. When the file
        // is refused, the side files this check created are removed again, so nothing is left.
        let sideFiles = absentSideFiles(path)
        do {
            return try inspectSQLite(path)
        } catch {
            for file in sideFiles { unlink(file) }
            throw error
        }
    }

    private static func inspectSQLite(_ path: String) throws(StoreError) -> Verdict {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: ReadOnlyStore.connectionPath(path), configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try verdict(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notSQLite(path: path)
        } catch {
            throw .cannotOpen(path: path, reason: ProgressStore.describe(error))
        }
    }

    /// Whether an open database is ours, new (ours to make), or to be refused. It only reads.
    static func verdict(_ db: Database, path: String) throws -> Verdict {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != Schema.applicationID {
            // Another program's ID, or its tables: not ours. A file with no tables but GRDB's
            // empty migration table is our own first run, interrupted or still going in another
            // process: it is ours to finish.
            let foreignTables = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'
                """) ?? 0
            let migrated = try db.tableExists("grdb_migrations")
                ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
            if applicationID != 0 || foreignTables > 0 || migrated > 0 { throw StoreError.foreign(path: path) }
            return .empty
        }
        if try AppliedMigrations.haveBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
        return .ours
    }

    /// The side files SQLite may create for a WAL database that are not there yet.
    private static func absentSideFiles(_ path: String) -> [String] {
        [path + "-wal", path + "-shm"].filter { (file: String) in access(file, F_OK) != 0 }
    }

    /// The database header (sqlite.org/fileformat.html): bytes 18 and 19 are 2 in WAL mode, bytes
    /// 68...71 the application ID, big-endian.
    private static func isOursInWAL(_ header: [UInt8]) -> Bool {
        guard header.count >= 72, header[18] == 2, header[19] == 2 else { return false }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: id) == Schema.applicationID
    }

    private static func readHeader(_ path: String) throws(StoreError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: StoreLocation.systemError()) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        guard count >= 0 else { throw .cannotOpen(path: path, reason: StoreLocation.systemError()) }
        return Array(header.prefix(count))
    }
}
