import Foundation
import StudyTestSupport
import Testing

/// One notes file as the content (`studydash notes/README.md`, `--content FILE`), a folder with
/// no notes at its top, and section-numbered chapters (issue 15 §2), through `tree --json`.
@Suite struct SingleFileContentTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    private func titles(_ topic: [String: Any]) -> [String] {
        (topic["children"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    private func root(_ content: String) throws -> [String: Any] {
        let result = try CLI.run(["tree", "--json", "--content", content])
        #expect(result.status == 0, "\(result.err)")
        return try #require((result.json()["roots"] as? [[String: Any]])?.first)
    }

    @Test func aFileIsReadAsItsOwnRoot() throws {
        let chapter = try root("book/en/chapters/1.1-introduction.md")
        #expect(chapter["title"] as? String == "1.1 Introduction")
        #expect(titles(chapter) == ["What you need"])
        #expect(chapter["resourceCount"] as? Int == 1)
    }

    @Test func aReadmeAloneGivesTheIDsItsFolderGives() throws {
        let alone = try root("book/en/README.md")
        let folder = try root("book/en")
        let aloneHeadings = (alone["children"] as? [[String: Any]] ?? []).map { $0["id"] as? String }
        let folderHeadings = (folder["children"] as? [[String: Any]] ?? [])
            .filter { $0["title"] as? String == "Reading list" }.map { $0["id"] as? String }
        #expect(alone["title"] as? String == "The Field Guide")
        #expect(aloneHeadings == folderHeadings)
        #expect(titles(folder) == ["Reading list", "chapters"])
    }

    @Test func aFolderWithNotesOnlyInSubFoldersAndNumberedChapters() throws {
        let book = try root("book")
        #expect(book["title"] as? String == "book")
        #expect(titles(book) == ["The Field Guide", "野外指南"])
        let english = try #require((book["children"] as? [[String: Any]])?.first)
        let chapters = try #require((english["children"] as? [[String: Any]])?.first { $0["title"] as? String == "chapters" })
        #expect(titles(chapters) == ["1.1 Introduction", "1.1.1 Working in research", "1.2 Setting up", "wrapping up"])
    }

    @Test func everyCommandTakesAFile() throws {
        let marked = try CLI.run(["mark", "Pro Git", "done", "--content", "book/en/chapters/1.1-introduction.md", "--db", db])
        #expect(marked.status == 0, "\(marked.err)")
        let status = try CLI.run(["--content", "book/en/chapters/1.1-introduction.md", "status", "--db", db])
        #expect(status.out.contains("1/1"), "\(status.out)")
    }

    @Test func aMissingFileOrOneThatIsNotNotesIsOneLine() throws {
        let missing = try CLI.run(["tree", "--content", "book/no-such-chapter.md"])
        #expect(missing.status == 1)
        #expect(missing.err == "studydash: notes file not found: book/no-such-chapter.md\n")
        let image = try CLI.run(["tree", "--content", "book/cover.png"])
        #expect(image.status == 1)
        #expect(image.err == "studydash: content path is neither a folder nor a notes file (.md, .markdown, .txt): book/cover.png\n")
    }

    @Test func anExportIsNotWrittenOverTheFileRead() throws {
        let copy = try TemporaryFolder(["README.md": "# Mine\n\n- [A](https://a.example/)\n"])
        let file = copy.url("README.md")
        let result = try CLI.run(["export", "--format", "markdown", "-o", file, "--content", file, "--db", db])
        #expect(result.status == 1)
        #expect(result.err.contains("it is a notes file"), "\(result.err)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "# Mine\n\n- [A](https://a.example/)\n")
    }

    /// Without a terminal the dashboard refuses as always, but a path is taken for one, not for
    /// an unknown command, and a typo is still named as one.
    @Test func aPathAsTheFirstWordIsTheDashboardOnIt() throws {
        for arguments in [["book/en/README.md"], ["--db", db, "book"], ["missing.md"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.err.contains("needs a terminal"), "\(arguments): \(result.err)")
        }
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }
}
