import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// A symlink is followed only when what it points to lies inside one of the content folders:
/// a notes folder must not pull in /etc or the folder around it.
@Suite struct SymlinkTests {
    @Test func aFolderSymlinkOutOfTheNotesIsSkippedWithAWarning() throws {
        let outside = try TemporaryFolder(["secret/keys.md": "# Keys\n- [K](https://a.org/key)\n"])
        let folder = try TemporaryFolder(["notes/ok.md": "# OK\n- [R](https://a.org/r)\n"])
        try folder.symlink("notes/etc", to: outside.url("secret"))
        try folder.symlink("notes/loop", to: "..")
        let tree = try ContentLoader.load(folders: [folder.url("notes")])
        #expect(tree.roots[0].children.map(\.title) == ["OK"])
        #expect(tree.resources.values.map(\.title) == ["R"])
        let warnings = tree.warnings.map(\.description)
        #expect(warnings.contains(folder.url("notes/etc") + ": symlink leaves the notes"))
        #expect(warnings.contains(folder.url("notes/loop") + ": symlink leaves the notes"))
    }

    @Test func aFileSymlinkOutOfTheNotesIsSkippedWithAWarning() throws {
        let outside = try TemporaryFolder(["passwd.md": "# Secret\n"])
        let folder = try TemporaryFolder(["ok.md": "# OK\n"])
        try folder.symlink("passwd.md", to: outside.url("passwd.md"))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.root.children.map(\.title) == ["OK"])
        #expect(loaded.warnings == [folder.url("passwd.md") + ": symlink leaves the notes"])
    }

    @Test func symlinksInsideTheNotesAreFollowedAndAFolderIsReadOnce() throws {
        let folder = try TemporaryFolder(["a/note.md": "# Note\n- [R](https://a.org/r)\n"])
        try folder.symlink("alias.md", to: folder.url("a/note.md"))
        try folder.symlink("a/up", to: "..")
        let loaded = try Loaded(folder: folder)
        // The file link is read as a topic of its own; the link back to the root is not walked again.
        #expect(loaded.root.children.map(\.title).sorted() == ["Note", "a"])
        #expect(loaded.tree.resources.count == 1)
        #expect(loaded.tree.resources.values.first?.occurrences.count == 2)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("already read") == true)
    }

    @Test func aSymlinkIntoAnotherContentFolderIsFollowed() throws {
        let one = try TemporaryFolder(["a.md": "# A\n"])
        let two = try TemporaryFolder(["shared/b.md": "# B\n- [R](https://a.org/r)\n"])
        try one.symlink("shared", to: two.url("shared"))
        let tree = try ContentLoader.load(folders: [one.path, two.path])
        #expect(tree.roots[0].children.map(\.title).sorted() == ["A", "shared"])
        #expect(!tree.warnings.contains { $0.reason.contains("leaves the notes") })
    }
}
