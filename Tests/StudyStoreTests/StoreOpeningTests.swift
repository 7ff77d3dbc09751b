import Foundation
import GRDB
import StudyCore
@testable import StudyStore
import StudyTestSupport
import Testing

/// Opening the store: a new one is created private to the user, and a file (or a database the caller
/// opened) that is not ours is refused and left exactly as it was.
@Suite struct StoreOpeningTests {
    let temp: TemporaryFolder

    init() throws { temp = try TemporaryFolder() }

    @Test func newStoreInMissingFoldersIsPrivate() throws {
        let path = temp.url("data/studydash/progress.sqlite")
        let store = try ProgressStore(path: path)
        try store.setStatus(.done, items: [item("r1")])

        #expect(try mode(temp.url("data")) == 0o700)
        #expect(try mode(temp.url("data/studydash")) == 0o700)
        #expect(try mode(path) == 0o600)
        // SQLite gives its side files the database's mode: the log in the WAL is private too.
        for side in sideFiles(of: path) { #expect(try mode(side) == 0o600, "\(side)") }
        #expect(try store.progress().statuses == ["r1": .done])
    }

    @Test func randomBytesAreRefusedAndUnchanged() throws {
        let path = temp.url("progress.sqlite")
        var generator = SystemRandomNumberGenerator()
        let original = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try temp.write("progress.sqlite", original)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .notSQLite(path: path))
        #expect(try fileBytes(path) == original)
        #expect(sideFiles(of: path).isEmpty)
        #expect(error.description.contains(path))
        #expect(error.description.contains("left unchanged"))
    }

    /// Another program's database, in either journal mode: refused, not a byte or a side file added.
    @Test(arguments: ["delete", "wal"])
    func foreignDatabaseIsRefusedAndUnchanged(journalMode: String) throws {
        let path = temp.url("other.db")
        try Child.sqlite(path, """
            PRAGMA journal_mode=\(journalMode);
            CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('bread');
            """)
        let original = try fileBytes(path)
        #expect(sideFiles(of: path).isEmpty)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .foreign(path: path))
        #expect(try fileBytes(path) == original)
        #expect(sideFiles(of: path).isEmpty, "refusing must not leave SQLite side files beside \(path)")
        #expect(error.description.contains(path))
        #expect(error.description.contains("left unchanged"))
        #expect(try Child.sqlite(path, "SELECT name FROM recipe") == "bread")
    }

    /// Another program that marks its files with its own application ID before making any table:
    /// the mark says whose file it is, so it is refused rather than taken over.
    @Test func otherProgramsApplicationIDIsRefusedEvenWithoutTables() throws {
        let path = temp.url("other.db")
        try Child.sqlite(path, "PRAGMA application_id = 1234")
        let original = try fileBytes(path)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .foreign(path: path))
        #expect(try fileBytes(path) == original)
        #expect(try Child.sqlite(path, "PRAGMA application_id") == "1234")
    }

    @Test func storeFromNewerSchemaIsRefusedAndUnchanged() throws {
        let path = temp.url("progress.sqlite")
        do {
            let store = try ProgressStore(path: path)
            try store.setStatus(.learning, items: [item("r1")])
        }
        try Child.sqlite(path, "INSERT INTO grdb_migrations VALUES ('v99-future')")
        let original = try fileBytes(path)

        #expect(sideFiles(of: path).isEmpty)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .newerSchema(path: path))
        #expect(try fileBytes(path) == original)
        #expect(sideFiles(of: path).isEmpty, "refusing must not leave SQLite side files beside \(path)")
        #expect(error.description.contains(path))
        #expect(error.description.contains("left unchanged"))
        #expect(try Child.sqlite(path, "SELECT status FROM item_state") == "learning")
    }

    /// A store of ours in WAL mode, closed, is taken by its header and checked through the
    /// connection that writes: a file whose header says ours but whose pages are damaged is
    /// still refused as not a database, unchanged and without side files.
    @Test func damagedStoreWithOurHeaderIsRefusedAndUnchanged() throws {
        let path = temp.url("progress.sqlite")
        do { try ProgressStore(path: path).setStatus(.done, items: [item("r1")]) }
        var bytes = try fileBytes(path)
        #expect(bytes[18] == 2 && bytes.count > 4096)  // WAL mode, more than one page
        for index in 100..<bytes.count { bytes[index] = 0xA5 }
        try temp.write("progress.sqlite", bytes)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .notSQLite(path: path) || error.description.contains("malformed"), "\(error)")
        #expect(try fileBytes(path) == bytes)
        #expect(sideFiles(of: path).isEmpty)
    }

    /// A command that only reads (`status`, `next`) leaves the store file byte for byte as it
    /// was: opening it writes nothing (no table made and dropped to start a log file).
    @Test func readingAStoreLeavesItsFileUnchanged() throws {
        let path = temp.url("progress.sqlite")
        do { try ProgressStore(path: path).setStatus(.done, items: [item("r1")]) }
        let before = try fileBytes(path)
        do {
            let store = try ProgressStore(path: path)
            #expect(try store.progress().statuses == ["r1": .done])
            #expect(try store.storedItemCount() == 1)
        }
        #expect(try fileBytes(path) == before)
    }

    /// Each change is on disk when the command ends, even through a power cut: SQLite's full
    /// sync, which a WAL set-up of its own must not lower to NORMAL.
    @Test func changesAreSyncedInFull() throws {
        let store = try ProgressStore(path: temp.url("progress.sqlite"))
        // Asked of the connection that writes.
        let settings = try store.database.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(settings.0 == "wal")
        #expect(settings.1 == 2, "FULL")
    }

    @Test func storeReopensWithItsData() throws {
        let path = temp.url("progress.sqlite")
        do { try ProgressStore(path: path).setStatus(.skipped, items: [item("r1")]) }
        #expect(try ProgressStore(path: path).progress().statuses == ["r1": .skipped])
    }

    @Test func emptyFileBecomesTheStore() throws {
        try temp.write("progress.sqlite", Data())
        let store = try ProgressStore(path: temp.url("progress.sqlite"))
        try store.setStatus(.done, items: [item("r1")])
        #expect(try store.progress().statuses == ["r1": .done])
    }

    @Test func folderAsPathIsRefused() throws {
        let error = try #require(throws: StoreError.self) { try ProgressStore(path: temp.path) }
        #expect(error == .isFolder(path: temp.path))
    }

    /// A file where a folder of the path should be: refused, naming the folder it could not
    /// make, and the file in the way is not touched.
    @Test(arguments: [("notes.txt/progress.sqlite", "notes.txt", "a file of that name is in the way"),
                      ("notes.txt/studydash/progress.sqlite", "notes.txt/studydash", "Not a directory")])
    func parentThatIsAFileIsRefused(relative: String, folder: String, reason: String) throws {
        try temp.write("notes.txt", "my notes")
        let path = temp.url(relative)

        let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
        #expect(error == .cannotCreateFolder(path: temp.url(folder), reason: reason))
        #expect(error.description.contains(temp.url(folder)))
        #expect(try fileBytes(temp.url("notes.txt")) == Data("my notes".utf8))
    }

    /// A folder the user may not write to: the error names the path and the system's reason.
    /// Root ignores permissions, so as root the store is opened by `store-torture` running as
    /// `nobody` (setpriv); otherwise in this process.
    @Test(.disabled(if: geteuid() == 0 && !FileManager.default.isExecutableFile(atPath: Child.setpriv),
                    "as root this needs /usr/bin/setpriv to open the store as another user"),
          arguments: ["progress.sqlite", "sub/progress.sqlite"])
    func readOnlyFolderIsReported(relative: String) throws {
        let readOnly = temp.url("locked")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        #expect(chmod(temp.path, 0o755) == 0)
        #expect(chmod(readOnly, 0o555) == 0)
        defer { chmod(readOnly, 0o755) }
        let path = temp.url("locked/" + relative)
        let named = relative.contains("/") ? temp.url("locked/sub") : path

        if geteuid() == 0 {
            let result = try Child.run(Child.setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                       Child.torture, path, "p", "1"])
            #expect(result.status == 1, "stderr: \(result.err)")
            #expect(result.err.hasPrefix("error: "))
            #expect(result.err.contains(named))
            #expect(result.err.contains("Permission denied"))
            #expect(result.out.isEmpty)
        } else {
            let error = try #require(throws: StoreError.self) { try ProgressStore(path: path) }
            #expect(error.description.contains(named))
            #expect(error.description.contains("Permission denied"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).isEmpty)
    }

    // MARK: a database the caller opened (ProgressStore(writer:))

    @Test func aDatabaseTheCallerOpenedIsClaimedMigratedAndKept() throws {
        let queue = try DatabaseQueue()
        let store = try ProgressStore(writer: queue, clock: .fixed(Timestamp(milliseconds: 42)))
        try store.setStatus(.done, items: [item("r1")])

        #expect(!store.isReadOnly)
        #expect(try store.states() == [ItemState(itemID: "r1", status: .done, updatedAt: Timestamp(milliseconds: 42))])
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0x5344_7368)
        #expect(try ProgressStore(writer: queue).progress().statuses == ["r1": .done])
    }

    @Test func anotherProgramsDatabaseGivenAsAWriterIsRefusedUnchanged() throws {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('bread')") }

        #expect(throws: StoreError.foreign(path: queue.path)) { try ProgressStore(writer: queue) }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["recipe"])
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0)
    }

    @Test func aNewerStoreGivenAsAWriterIsRefused() throws {
        let queue = try DatabaseQueue()
        _ = try ProgressStore(writer: queue)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }

        #expect(throws: StoreError.newerSchema(path: queue.path)) { try ProgressStore(writer: queue) }
    }
}
