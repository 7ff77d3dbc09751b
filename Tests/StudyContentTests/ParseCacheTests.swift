import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StudyContent
import StudyCore
import StudyTestSupport
import Testing

/// The parse cache may make a start faster, never its content wrong: an unchanged file is read
/// from it, a changed one (even with the same size and mtime) is parsed again, and a damaged,
/// deleted or older cache is ignored and written again.
@Suite struct ParseCacheTests {
    static let notes = [
        "README.md": "# Cloud\n\nWhere it starts.\n",
        "storage.md": "# Storage\n\n- [S3 guide](https://example.com/s3) — the basics\n\n## Glacier\n\nCold.\n",
        "compute/README.md": "---\ntitle: Compute\neffort: 20\n---\n- [ ] [EC2](https://example.com/ec2)\n",
    ]

    let notes: TemporaryFolder
    let cacheHome: TemporaryFolder

    init() throws {
        notes = try TemporaryFolder(Self.notes)
        cacheHome = try TemporaryFolder()
        // Files written in the last moments are not kept (see ParseCache.settleNanoseconds).
        try settle()
    }

    func cache(version: String = "1.0") -> ParseCache {
        ParseCache(directory: cacheHome.url("studydash"), programVersion: version)
    }

    func settle() throws {
        let past = Date().addingTimeInterval(-60)
        for name in Self.notes.keys {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: notes.url(name))
        }
        Thread.sleep(forTimeInterval: 0.25)
    }

    func cacheFiles() throws -> [String] {
        let folder = cacheHome.url("studydash")
        return try FileManager.default.contentsOfDirectory(atPath: folder).map { (folder as NSString).appendingPathComponent($0) }
    }

    @Test func aSecondLoadReadsEveryFileFromTheCacheAndGivesTheSameTree() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        let first = cache()
        let cold = try ContentLoader.load(folders: [notes.path], cache: first)
        #expect(first.lastHits == 0 && first.lastMisses == 3)
        let second = cache()
        let warm = try ContentLoader.load(folders: [notes.path], cache: second)
        #expect(second.lastHits == 3 && second.lastMisses == 0)
        #expect(cold.roots == parsed.roots && warm.roots == parsed.roots)
        #expect(warm.resources == parsed.resources && warm.warnings == parsed.warnings)
    }

    @Test func anEditThatKeepsTheSizeAndTheMtimeIsSeen() throws {
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let path = notes.url("storage.md")
        var before = stat()
        #expect(stat(path, &before) == 0)
        let edited = Self.notes["storage.md"]!.replacingOccurrences(of: "Glacier", with: "Archive")
        #expect(edited.utf8.count == Self.notes["storage.md"]!.utf8.count)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        // Back to the exact mtime, to the nanosecond, as `touch -r` or an editor could.
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        let tree = try ContentLoader.load(folders: [notes.path], cache: cache())
        let storage = tree.roots[0].children.first { $0.title == "Storage" }
        #expect(storage?.children.map(\.title) == ["Archive"])
    }

    @Test func aCorruptOrTruncatedCacheIsIgnoredAndWrittenAgain() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let file = try #require(try cacheFiles().first)
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        // One letter of a title changed: every length still reads back, only the checksum sees it.
        var flipped = whole
        let title = try #require(whole.range(of: Data("Glacier".utf8)))
        flipped[title.lowerBound] ^= 0x20
        for damaged in [whole.prefix(whole.count / 2), flipped, Data(repeating: 0xff, count: 100), Data()] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let reading = cache()
            let tree = try ContentLoader.load(folders: [notes.path], cache: reading)
            #expect(tree.roots == parsed.roots && tree.resources == parsed.resources)
            #expect(reading.lastHits < 3)
            let again = cache()
            _ = try ContentLoader.load(folders: [notes.path], cache: again)
            #expect(again.lastHits == 3, "the damaged cache was written again")
        }
    }

    @Test func aDeletedCacheIsRebuilt() throws {
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        try FileManager.default.removeItem(atPath: cacheHome.url("studydash"))
        let rebuilding = cache()
        _ = try ContentLoader.load(folders: [notes.path], cache: rebuilding)
        #expect(rebuilding.lastHits == 0)
        let reading = cache()
        _ = try ContentLoader.load(folders: [notes.path], cache: reading)
        #expect(reading.lastHits == 3)
        #expect(try cacheFiles().count == 1, "no temporary file is left behind")
    }

    @Test func aCacheWrittenByAnotherVersionIsIgnored() throws {
        _ = try ContentLoader.load(folders: [notes.path], cache: cache(version: "1.0"))
        let newer = cache(version: "1.1")
        _ = try ContentLoader.load(folders: [notes.path], cache: newer)
        #expect(newer.lastHits == 0)
        let again = cache(version: "1.1")
        _ = try ContentLoader.load(folders: [notes.path], cache: again)
        #expect(again.lastHits == 3)
    }

    @Test func aFileJustWrittenIsParsedUntilItSettles() throws {
        try notes.write("fresh.md", "# Fresh\n")
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let next = cache()
        _ = try ContentLoader.load(folders: [notes.path], cache: next)
        #expect(next.lastHits == 3 && next.lastMisses == 1)
    }
}
