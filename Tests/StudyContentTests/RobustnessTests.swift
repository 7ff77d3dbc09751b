import Foundation
import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// Whatever a folder holds, loading never crashes; what it cannot use becomes a warning with
/// `file:line` and a reason, and the rest loads.
@Suite struct RobustnessTests {
    @Test func byteOrderMarkAndCRLF() throws {
        let folder = try TemporaryFolder()
        try folder.write("t.md", Data([0xEF, 0xBB, 0xBF]) + Data("# Title\r\n\r\nText.\r\n- [R](https://a.org/r)\r\n".utf8))
        let loaded = try Loaded(folder: folder)
        let topic = try #require(loaded.topic("Title"))
        #expect(topic.note == "Text.")
        #expect(loaded.resources(of: topic).first?.source.line == 4)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write("t.md", Data("# T\nfine\nbad \u{00}".utf8.dropLast()) + Data([0xC3, 0x28, 0x0A]))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.topic("T")?.note.contains("\u{FFFD}") == true)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasSuffix("t.md:3: invalid UTF-8 replaced with U+FFFD") == true)
    }

    @Test func emptyAndWhitespaceFilesGiveEmptyTopics() throws {
        let loaded = try Loaded(["empty.md": "", "blank.md": "  \n\n\t\n"])
        #expect(loaded.root.children.map(\.title).sorted() == ["blank", "empty"])
        #expect(loaded.root.children.allSatisfy { $0.isEmpty })
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.tree.emptyTopics.count == 2)
    }

    @Test func binaryFilesAreSkippedWithAWarning() throws {
        let folder = try TemporaryFolder(["ok.md": "# OK\n"])
        try folder.write("image.md", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.root.children.map(\.title) == ["OK"])
        #expect(loaded.warnings.contains { $0.contains("image.md") && $0.contains("binary") })
    }

    @Test func filesOverTheSizeLimitAreSkipped() throws {
        let folder = try TemporaryFolder(["ok.md": "# OK\n"])
        try folder.write("huge.md", Data(repeating: UInt8(ascii: "a"), count: 9 * 1024 * 1024))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.root.children.map(\.title) == ["OK"])
        #expect(loaded.warnings.contains { $0.contains("huge.md") && $0.contains("larger than") })
    }

    @Test func symlinkLoopsAreNotFollowedTwice() throws {
        let folder = try TemporaryFolder(["a/note.md": "# Note\n- [R](https://a.org/r)\n"])
        try folder.symlink("a/loop", to: folder.url("a"))
        try folder.symlink("b", to: folder.url("a"))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.tree.resources.count == 1)
        #expect(loaded.warnings.filter { $0.contains("already read") }.count == 2)
    }

    @Test func foldersNestedTooDeepAreSkippedWithAWarning() throws {
        let deep = (1...40).map { "d\($0)" }.joined(separator: "/")
        let loaded = try Loaded([deep + "/bottom.md": "# Bottom\n", "d1/top.md": "# Top\n"])
        var depth = 0
        var node = loaded.root
        while let next = node.children.first(where: { $0.kind == .folder }) {
            depth += 1
            node = next
        }
        #expect(depth == 32)
        #expect(loaded.topic("d1", "Top") != nil)
        let skipped = (1...33).map { "d\($0)" }.joined(separator: "/")
        #expect(loaded.warnings == [loaded.folder.url(skipped) + ": skipped: folders nested deeper than 32 levels"])
    }

    @Test func unreadableEntriesAreWarningsAndTheRestLoads() throws {
        let folder = try TemporaryFolder(["ok.md": "# OK\n"])
        try folder.symlink("dangling.md", to: folder.url("nowhere.md"))
        let loaded = try Loaded(folder: folder)
        #expect(loaded.root.children.map(\.title) == ["OK"])
        #expect(loaded.warnings.contains { $0.contains("dangling.md") && $0.contains("cannot read") })
    }

    @Test func badFrontMatterOrderIsAWarning() throws {
        let loaded = try Loaded(["t.md": "---\norder: soon\n---\n# T\n"])
        #expect(loaded.warnings.first?.hasSuffix("t.md:2: front matter 'order' is not a number: soon") == true)
    }

    @Test func hostileMarkdownNeverCrashes() throws {
        var files: [String: String] = [:]
        let nasty = ["", "#", "######", "- ", "* [", "[x]", "| a |\n|-", "```\nunclosed", "<!--", "[a]: ",
                     "\u{1B}[31m# red", String(repeating: ">", count: 500) + " deep",
                     String(repeating: "- ", count: 300) + "[x](https://a.org/deep)",
                     String(repeating: "[", count: 1000), "# \u{0}", "---\ntitle:\n---", "---\n---\n---"]
        for (index, text) in nasty.enumerated() { files["f\(index).md"] = text }
        let loaded = try Loaded(files)
        // The one with a NUL byte is taken for binary and skipped; every other file is a topic.
        // The two deep ones are read only to 128 columns of markers, and say so.
        #expect(loaded.root.children.count == nasty.count - 1)
        #expect(loaded.warnings.count == 3)
        #expect(loaded.warnings.filter { $0.contains("nested deeper than") }.count == 2)
    }
}
