import Foundation
import StudyApp
import StudyContent
import StudyCore
import StudyTestSupport
import Testing

/// The live reload with the parse cache: a change to one file parses that file alone, the
/// others come from the cache, and what is shown is the new text.
@Suite struct ContentWatcherCacheTests {
    @Test func aReloadParsesOnlyTheChangedFile() throws {
        let notes = try TemporaryFolder([
            "tools.md": "# Tools\n\n- [Alpha](https://alpha.example) - first.\n",
            "more.md": "# More\n\n- [Gamma](https://gamma.example)\n",
        ])
        let cacheHome = try TemporaryFolder()
        func cache() -> ParseCache { ParseCache(directory: cacheHome.url("studydash"), programVersion: "1.0") }
        // Files written in the last moments are not kept in the cache (ParseCache.settleNanoseconds).
        Thread.sleep(forTimeInterval: 0.25)
        _ = try ContentLoader.load(folders: [notes.path], cache: cache())
        let reading = cache()
        let watcher = ContentWatcher(folders: [notes.path], cache: reading)
        let handle = try #require(FileHandle(forWritingAtPath: notes.url("tools.md")))
        handle.seekToEndOfFile()
        handle.write(Data("- [Beta](https://beta.example) - second.\n".utf8))
        handle.closeFile()
        #expect(!watcher.look())
        #expect(watcher.look())
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(Set(reloaded.tree.resources.values.map(\.title)) == ["Alpha", "Beta", "Gamma"])
        #expect(reading.lastHits == 1 && reading.lastMisses == 1)
    }

    /// The watcher starts from the stamps the load read the tree by, not from a later look: a
    /// file changed after the load but before the watcher started counts as changed.
    @Test func theWatcherComparesWithWhatTheLoadRead() throws {
        let notes = try TemporaryFolder([
            "tools.md": "# Tools\n\n- [Alpha](https://alpha.example) - first.\n",
            "more.md": "# More\n\n- [Gamma](https://gamma.example)\n",
        ])
        let walk = try ContentLoader.loadWalked(folders: [notes.path]).walk
        try notes.write("tools.md", "# Tools\n\n- [Alpha](https://alpha.example) - first, and more.\n")
        let watcher = ContentWatcher(folders: [notes.path], startingFrom: walk)
        try notes.write("more.md", "# More\n\n- [Gamma](https://gamma.example) - third.\n")
        #expect(!watcher.look())
        #expect(watcher.look())
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(reloaded.changedFiles == 2, "tools.md changed after the load, more.md after the watcher started")
    }
}
