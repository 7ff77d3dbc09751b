import Foundation
import StudyApp
import StudyCore
import StudyTestSupport
import Testing

/// The live reload's watcher, on a real notes folder: a change is loaded once it held still for
/// a look, a file still being written is never loaded half, and folders that appear are watched.
/// Each `look()` stands for one idle tick of the dashboard (no clock, no sleeps).
@Suite struct ContentWatcherTests {
    let notes: TemporaryFolder
    let watcher: ContentWatcher

    init() throws {
        notes = try TemporaryFolder(["tools.md": "# Tools\n\n- [Alpha](https://alpha.example) - first.\n"])
        watcher = ContentWatcher(folders: [notes.path])
    }

    func append(_ text: String, to relative: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: notes.url(relative)))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    func titles(_ tree: ContentTree) -> Set<String> { Set(tree.resources.values.map(\.title)) }

    @Test func unchangedNotesAreNeverReloaded() {
        #expect(!watcher.look())
        #expect(!watcher.look())
    }

    @Test func aChangeIsLoadedOnceItHeldStillForOneLook() throws {
        try append("- [Beta](https://beta.example) - second.\n", to: "tools.md")
        #expect(!watcher.look(), "the first look sees it change: it may still be being written")
        #expect(watcher.look(), "the next look finds it as it was")
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(titles(reloaded.tree) == ["Alpha", "Beta"])
        #expect(reloaded.changedFiles == 1)
        #expect(!watcher.look(), "what was loaded is not loaded again")
    }

    @Test func aFileStillBeingWrittenIsLoadedOnlyWhenWhole() throws {
        try append("- [Beta](https://beta.exa", to: "tools.md")
        #expect(!watcher.look())
        try append("mple) - second.\n", to: "tools.md")
        #expect(!watcher.look(), "it grew between two looks: not loaded")
        #expect(watcher.look())
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(reloaded.tree.resources.values.contains { $0.url == "https://beta.example" })
    }

    @Test func aFileThatChangesAgainBeforeTheLoadIsReadAgainLater() throws {
        try append("- [Beta](https://beta.exa", to: "tools.md")
        #expect(!watcher.look())
        #expect(watcher.look())
        try append("mple) - second.\n", to: "tools.md")
        #expect(watcher.reload() == nil, "caught mid-write: nothing shown")
        #expect(watcher.look(), "it held still since: loaded at this tick")
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(reloaded.tree.resources.values.contains { $0.url == "https://beta.example" })
    }

    @Test func addedAndRemovedFilesCount() throws {
        try notes.write("more.md", "# More\n\n- [Gamma](https://gamma.example)\n")
        try FileManager.default.removeItem(atPath: notes.url("tools.md"))
        #expect(!watcher.look())
        #expect(watcher.look())
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(titles(reloaded.tree) == ["Gamma"])
        #expect(reloaded.changedFiles == 2)
    }

    @Test func aFolderThatAppearsIsWatchedToo() throws {
        try notes.write("new/one.md", "# One\n\n- [One](https://one.example)\n")
        #expect(!watcher.look())
        #expect(watcher.look())
        _ = try #require(try watcher.reload()?.get())
        try notes.write("new/two.md", "# Two\n\n- [Two](https://two.example)\n")
        #expect(!watcher.look())
        #expect(watcher.look(), "a file in the new folder is seen")
        let reloaded = try #require(try watcher.reload()?.get())
        #expect(titles(reloaded.tree) == ["Alpha", "One", "Two"])
    }

    @Test func aNotesFolderThatVanishedIsReportedOnceNotRetriedEveryTick() throws {
        try FileManager.default.removeItem(atPath: notes.path)
        #expect(!watcher.look())
        #expect(watcher.look())
        let result = try #require(watcher.reload())
        #expect(throws: (any Error).self) { try result.get() }
        #expect(!watcher.look(), "it waits for the next change")
    }

    #if os(Linux)
    @Test func linuxUsesInotify() {
        #expect(watcher.mechanism == .inotify)
    }
    #endif
}
