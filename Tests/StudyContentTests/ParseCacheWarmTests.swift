import Foundation
import StudyContent
import StudyCore
import StudyTestSupport
import Testing

/// A start whose outlines all come from the parse cache reads them while the tree is assembled
/// (several threads at once): the tree must be the one a parse gives, to the order of topics,
/// IDs and warnings, however the reading and the assembling interleave.
@Suite struct ParseCacheWarmTests {
    /// Many files, so that the threads reading them and the one assembling meet often: repeated
    /// titles (ranked IDs across files), links shared by files and written differently, tasks
    /// without links, front-matter order, folders with and without a README, a binary file, an
    /// empty one, and a README that is binary.
    static func notes() -> [String: Data] {
        var files: [String: Data] = [:]
        func text(_ name: String, _ body: String) { files[name] = Data(body.utf8) }
        for area in 0..<12 {
            text("area\(area)/README.md", "---\norder: \(12 - area)\n---\n# Area \(area % 5)\n\nAbout it.\n")
            for note in 0..<25 {
                let shared = "https://Example.com/shared/\(note % 7)"
                text("area\(area)/n\(note).md", """
                    # Resources

                    - [Shared \(note % 7)](\(note.isMultiple(of: 2) ? shared : shared.lowercased() + "/")) (30 min)
                    - [Own](https://example.com/\(area)/\(note))
                    - [ ] A task without a link

                    ## Resources

                    - [Again](https://example.com/\(area)/\(note)#part)

                    ## Resources #2

                    Prose under a heading that looks like a rank.
                    """)
            }
            files["area\(area)/data.md"] = Data([0x23, 0x20, 0x00, 0x01, 0x02])
            text("area\(area)/empty.md", "")
        }
        files["binary-readme/README.md"] = Data([0x00, 0xff, 0x00])
        text("binary-readme/inside.md", "# Inside\n\n- <https://example.com/inside>\n")
        return files
    }

    let notes: TemporaryFolder
    let cacheHome: TemporaryFolder

    init() throws {
        notes = try TemporaryFolder()
        for (name, data) in Self.notes() { try notes.write(name, data) }
        cacheHome = try TemporaryFolder()
        // Files written in the last moments are not kept (see ParseCache.settleNanoseconds).
        let past = Date().addingTimeInterval(-60)
        for name in Self.notes().keys {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: notes.url(name))
        }
        Thread.sleep(forTimeInterval: 0.25)
    }

    func cache() -> ParseCache { ParseCache(directory: cacheHome.url("studydash"), programVersion: "1.0") }

    func expectSame(_ tree: ContentTree, _ parsed: ContentTree, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(tree.roots == parsed.roots, sourceLocation: sourceLocation)
        #expect(tree.resources.values == parsed.resources.values, "the same resources in the same order",
                sourceLocation: sourceLocation)
        #expect(tree.warnings == parsed.warnings, sourceLocation: sourceLocation)
        let sameNumbers = ItemIndex(tree: tree).resourceIDs == ItemIndex(tree: parsed).resourceIDs
        #expect(sameNumbers, "the resources numbered alike", sourceLocation: sourceLocation)
    }

    @Test func everyOutlineFromTheCacheGivesTheParsedTree() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        #expect(parsed.warnings.count >= 13, "the binary files are warned about")
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        for _ in 0..<5 {
            let reading = cache()
            let warm = try ContentLoader.load(folders: [notes.path], cache: reading)
            #expect(reading.lastMisses == 0 && reading.lastHits == Self.notes().count,
                    "every file is read from the cache, the binary ones as skipped")
            expectSame(warm, parsed)
        }
    }

    @Test func oneFileAsTheContentIsReadFromTheCacheToo() throws {
        let file = notes.url("area3/n4.md")
        let parsed = try ContentLoader.load(folders: [file])
        _ = try ContentLoader.load(folders: [file], cache: cache())
        let reading = cache()
        let warm = try ContentLoader.load(folders: [file], cache: reading)
        #expect(reading.lastHits == 1)
        expectSame(warm, parsed)
    }

    @Test func anOutlineDamagedInTheCacheIsParsedAndTheCacheWrittenAgain() throws {
        let parsed = try ContentLoader.load(folders: [notes.path])
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let folder = cacheHome.url("studydash")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let path = (folder as NSString).appendingPathComponent(file)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // One letter of one file's outline: every length reads back, only its checksum sees it.
        let own = try #require(bytes.range(of: Data("example.com/7/13".utf8)))
        bytes[own.lowerBound] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))

        let reading = cache()
        let tree = try ContentLoader.load(folders: [notes.path], cache: reading)
        #expect(reading.lastMisses == 1)
        expectSame(tree, parsed)
        let again = cache()
        let warm = try ContentLoader.load(folders: [notes.path], cache: again)
        #expect(again.lastMisses == 0, "the damaged outline was written again")
        expectSame(warm, parsed)
    }
}
