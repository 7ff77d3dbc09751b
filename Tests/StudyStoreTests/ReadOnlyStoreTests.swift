import Foundation
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// A store that cannot be written (a read-only file, a read-only folder, a backup on read-only
/// media) can still be read, and every change to it is refused naming the file, changing nothing.
@Suite(.enabled(if: Unwritable.isAvailable, Comment(rawValue: Unwritable.reason)), .serialized)
struct ReadOnlyStoreTests {
    let temp: TemporaryFolder

    init() throws { temp = try TemporaryFolder() }

    /// A store with a mark and a note, closed again.
    func filledStore(at path: String) throws {
        let store = try ProgressStore(path: path)
        try store.setStatus(.done, items: [item("rPaper")])
        try store.setAnnotation("a thought", item: item("rPaper"))
    }

    func expectReadableAndRefusingWrites(_ path: String) throws {
        let before = try fileBytes(path)
        let store = try ProgressStore(path: path)
        #expect(store.isReadOnly)
        #expect(try store.progress().statuses == ["rPaper": .done])
        #expect(try store.progress(of: ["rPaper"]).annotation(of: "rPaper")?.text == "a thought")
        #expect(try store.document().events.count == 2)
        #expect(try store.activity().times.count == 2)
        #expect(try store.knownItems().count == 1)

        let refusals: [() throws -> Void] = [
            { try store.setStatus(.todo, items: [item("rPaper")]) },
            { try store.setAnnotation("new", item: item("rPaper")) },
            { _ = try store.undo() },
            { try store.relink(from: "rPaper", to: item("rOther")) },
            { _ = try store.merge(try store.document()) },
        ]
        for refusal in refusals {
            let error = try #require(throws: StoreError.self) { try refusal() }
            #expect(error == .readOnly(path: path))
            #expect(error.description.hasPrefix("the progress database \(path) is read-only"))
        }
        #expect(try fileBytes(path) == before)
    }

    @Test func anUnwritableFileIsReadAndNeverChanged() throws {
        let path = temp.url("progress.sqlite")
        try filledStore(at: path)
        Unwritable.lock(path)
        defer { Unwritable.unlock(path) }
        try expectReadableAndRefusingWrites(path)
    }

    /// SQLite cannot create its `-shm` file beside the store here, and no one else can write it.
    @Test func aStoreInAnUnwritableFolderIsRead() throws {
        let folder = temp.url("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let path = folder + "/progress.sqlite"
        try filledStore(at: path)
        #expect(sideFiles(of: path).isEmpty)
        Unwritable.lock(folder)
        defer { Unwritable.unlock(folder) }
        try expectReadableAndRefusingWrites(path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.sqlite"])
    }

    /// An older schema cannot be migrated in place: it is read through a migrated copy in memory.
    @Test func aFirstVersionStoreIsReadWithoutMigratingIt() throws {
        let path = temp.url("progress.sqlite")
        try temp.write("progress.sqlite", try fileBytes(MigrationTests.fixture))
        Unwritable.lock(path)
        defer { Unwritable.unlock(path) }
        let before = try fileBytes(path)
        let store = try ProgressStore(path: path)
        #expect(try store.progress().statuses == ["r3k7q9xz2ab": .done, "r8mn4p2c6de": .learning, "t5hw0j3v9fg": .skipped])
        #expect(try store.knownItems().count == 4)
        #expect(try store.document().schemaVersion == 2)
        #expect(throws: StoreError.readOnly(path: path)) { try store.setStatus(.done, items: [item("r8mn4p2c6de")]) }
        #expect(try fileBytes(path) == before)
    }

    @Test func anEmptyUnwritableFileReadsAsAnEmptyStore() throws {
        let path = temp.url("progress.sqlite")
        try temp.write("progress.sqlite", Data())
        Unwritable.lock(path)
        defer { Unwritable.unlock(path) }
        let store = try ProgressStore(path: path)
        #expect(try store.progress().statuses.isEmpty)
        #expect(try fileBytes(path).isEmpty)
    }
}
