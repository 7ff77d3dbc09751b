import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import StudyContent
import StudyCore
import StudyTestSupport
import Testing

/// Notes read from the parse cache are kept on disk and read when shown: what is shown is the
/// note of the load (never another file's text, never a half-written one), a damaged note says
/// so and is parsed afresh on the next start, and a cache of another format is ignored.
@Suite struct ParseCacheNotesTests {
    static let longNote = String(repeating: "Object storage keeps whole objects under keys. ", count: 4)
    static let longDescription = "the basics of buckets, keys, storage classes and lifecycle rules, with prices per region"
    static let notes = [
        "README.md": "# Cloud\n\nWhere it starts.\n",
        "storage.md": "# Storage\n\n\(longNote)\n\n- [S3 guide](https://example.com/s3) — the basics\n\n## Glacier\n\nCold, and \(longNote)\n"
            + "\n- [Glacier guide](https://example.com/glacier) — \(longDescription)\n",
    ]

    let notes: TemporaryFolder
    let cacheHome: TemporaryFolder

    init() throws {
        notes = try TemporaryFolder(Self.notes)
        cacheHome = try TemporaryFolder()
        try settle()
    }

    func cache() -> ParseCache { ParseCache(directory: cacheHome.url("studydash"), programVersion: "1.0") }

    /// Files written in the last moments are not kept (see ParseCache.settleNanoseconds).
    func settle() throws {
        let past = Date().addingTimeInterval(-60)
        for name in Self.notes.keys {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: notes.url(name))
        }
        Thread.sleep(forTimeInterval: 0.25)
    }

    func cacheFile() throws -> String {
        let folder = cacheHome.url("studydash")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        return (folder as NSString).appendingPathComponent(name)
    }

    func storage(_ tree: ContentTree) -> Topic? { tree.roots.first?.children.first { $0.title == "Storage" } }

    @Test func aLongNoteFromTheCacheIsReadWhenShownAndIsTheParsedText() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let warm = try ContentLoader.load(folders: [notes.path], cache: cache())
        let topic = try #require(storage(warm))
        let expected = try #require(storage(parsed))
        #expect(!topic.noteText.isHeld, "kept on disk until shown")
        #expect(topic.note == expected.note && topic.note.hasPrefix("Object storage"))
        #expect(topic.children.map(\.note) == expected.children.map(\.note))
        #expect(!topic.isEmpty && warm.roots == parsed.roots)
    }

    @Test func aLongDescriptionFromTheCacheIsReadWhenShownAndIsTheParsedText() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let warm = try ContentLoader.load(folders: [notes.path], cache: cache())
        let glacier = try #require(warm.resources.values.first { $0.title == "Glacier guide" })
        #expect(!glacier.descriptionText.isHeld, "kept on disk until shown")
        #expect(glacier.description == Self.longDescription)
        #expect(warm.resources == parsed.resources)
        // Read again, and after other texts of the cache: the same words each time.
        #expect(storage(warm)?.note == storage(parsed)?.note)
        #expect(warm.resources.values.map(\.description).sorted() == parsed.resources.values.map(\.description).sorted())
    }

    @Test func aFileChangedAfterLoadingStillShowsTheNoteOfTheLoadUntilTheNextLoad() throws {
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let warm = try ContentLoader.load(folders: [notes.path], cache: cache())
        let before = try #require(storage(warm)?.note)
        try notes.write("storage.md", "# Storage\n\nSomething else entirely, and longer than before: \(Self.longNote)\n")
        // The tree on screen is the load's: its note matches its resources and headings.
        #expect(storage(warm)?.note == before)
        // The next start writes a new cache over the old one; the open tree still reads its own.
        let reloaded = try ContentLoader.load(folders: [notes.path], cache: cache())
        #expect(storage(reloaded)?.note.hasPrefix("Something else entirely") == true)
        #expect(storage(warm)?.note == before)
    }

    @Test func aNoteDamagedInTheCacheSaysSoAndTheNextStartParsesAgain() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let reading = cache()
        let warm = try ContentLoader.load(folders: [notes.path], cache: reading)
        #expect(reading.lastHits == 2)
        // Damaged in place, after the outlines were read: only the note's checksum can see it.
        let file = try cacheFile()
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        let at = try #require(whole.range(of: Data("whole objects".utf8)))
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        try handle.seek(toOffset: UInt64(at.lowerBound))
        try handle.write(contentsOf: Data("WHOLE".utf8))
        try handle.close()
        #expect(storage(warm)?.note == CacheNotes.unreadable)
        #expect(!FileManager.default.fileExists(atPath: file), "the damaged cache is deleted")
        let next = cache()
        let again = try ContentLoader.load(folders: [notes.path], cache: next)
        #expect(next.lastHits == 0)
        #expect(storage(again)?.note == storage(parsed)?.note)
    }

    /// A start that saves a new cache (another file changed) while a long note cannot be read
    /// back does not keep the message standing in for it as that note.
    @Test func aNoteThatCannotBeReadBackIsNotSavedAsItsMessage() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let file = try cacheFile()
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        let at = try #require(whole.range(of: Data("whole objects".utf8)))
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        try handle.seek(toOffset: UInt64(at.lowerBound))
        try handle.write(contentsOf: Data("WHOLE".utf8))
        try handle.close()
        try "# Cloud\n\nWhere it starts, again.\n".write(toFile: notes.url("README.md"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-30)], ofItemAtPath: notes.url("README.md"))
        Thread.sleep(forTimeInterval: 0.25)
        let saving = cache()
        _ = try ContentLoader.load(folders: [notes.path], cache: saving)
        #expect(saving.lastHits == 1 && saving.lastMisses == 1, "storage.md from the cache, README.md parsed")
        let next = cache()
        let again = try ContentLoader.load(folders: [notes.path], cache: next)
        #expect(storage(again)?.note == storage(parsed)?.note)
        #expect(storage(again)?.note != CacheNotes.unreadable)
    }

    @Test func aCacheOfTheEarlierFormatIsIgnoredAndWrittenAgain() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let file = try cacheFile()
        // Format 1: the magic line, then the version as 8 bytes, then the program's version.
        var old = Data("studydash parse cache\n".utf8)
        old.append(contentsOf: [1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0])
        old.append(Data("1.0".utf8))
        old.append(Data(repeating: 0, count: 64))
        try old.write(to: URL(fileURLWithPath: file))
        let reading = cache()
        let tree = try ContentLoader.load(folders: [notes.path], cache: reading)
        #expect(reading.lastHits == 0 && tree.roots == parsed.roots)
        let again = cache()
        _ = try ContentLoader.load(folders: [notes.path], cache: again)
        #expect(again.lastHits == 2)
    }

    @Test func blanknessIsKnownWithoutReadingTheNote() {
        #expect(NoteText.isBlank(" \n\t\r"))
        #expect(NoteText.isBlank("\u{00A0}\u{3000} "))
        #expect(!NoteText.isBlank("  a"))
        #expect(!NoteText.isBlank(" é"))
        #expect(NoteText.isBlank(""))
    }
}
