import Testing
import StudyContent
@testable import StudyCore

@Suite struct TopicStructureTests {
    @Test func folderReadmeGivesTitleAndNote() throws {
        let loaded = try Loaded([
            "01-data/README.md": "# Data Storage\n\nWhere the bytes live.\n",
            "01-data/01-sql.md": "# Relational databases\n\nTables and joins.\n",
        ])
        let area = try #require(loaded.topic("Data Storage"))
        #expect(area.kind == .folder)
        #expect(area.note == "Where the bytes live.")
        #expect(area.children.map(\.title) == ["Relational databases"])
        #expect(area.children[0].note == "Tables and joins.")
    }

    @Test func indexMdServesLikeReadme() throws {
        let loaded = try Loaded(["topic/index.md": "# Indexed\n\nProse.\n"])
        #expect(loaded.topic("Indexed")?.note == "Prose.")
    }

    @Test func fileTitleFromFrontMatterThenH1ThenName() throws {
        let loaded = try Loaded([
            "a.md": "---\ntitle: \"From front matter\"\n---\n# Heading one\n\nText.\n",
            "b.md": "# First H1\n\nText.\n",
            "03-file-name_here.md": "Just prose.\n",
        ])
        #expect(loaded.root.children.map(\.title).sorted() == ["First H1", "From front matter", "file name here"])
    }

    @Test func headingsNestByLevelAndSkippedLevelsNestUnderNearestShallower() throws {
        let loaded = try Loaded(["notes.md": """
            # Title
            intro
            ## A
            a text
            #### A.deep
            deep text
            ### A.b
            b text
            ## B
            b
            # Second H1
            x
            """])
        let file = try #require(loaded.topic("Title"))
        #expect(file.note == "intro")
        #expect(file.children.map(\.title) == ["A", "B", "Second H1"])
        #expect(file.children[0].children.map(\.title) == ["A.deep", "A.b"])
        #expect(file.children[0].children[0].note == "deep text")
    }

    @Test func fileWithoutH1FirstKeepsItsNameAndHeadingsAsChildren() throws {
        let loaded = try Loaded(["plan.md": "## Only H2\ntext\n# Later H1\nmore\n"])
        let file = try #require(loaded.topic("plan"))
        #expect(file.children.map(\.title) == ["Only H2", "Later H1"])
    }

    @Test func proseIsKeptAsMarkdownWithoutResources() throws {
        let loaded = try Loaded(["t.md": """
            # T

            Some *emphasis* and `code`.

            > a quote

            - a plain item
            - [Resource](https://example.com/r) — described

            | a | b |
            |---|---|
            | 1 | 2 |

            ```python
            print("hi")
            ```
            """])
        let note = try #require(loaded.topic("T")).note
        #expect(note.contains("Some *emphasis* and `code`."))
        #expect(note.contains("> a quote"))
        #expect(note.contains("- a plain item"))
        #expect(note.contains("| 1 | 2 |"))
        #expect(note.contains("print(\"hi\")"))
        #expect(!note.contains("example.com/r"))
    }

    @Test func orderByPrefixThenFrontMatterThenName() throws {
        let loaded = try Loaded([
            "10-ten.md": "# Ten\n",
            "2-two.md": "# Two\n",
            "zeta.md": "# Zeta\n",
            "alpha.md": "# Alpha\n",
            "first.md": "---\norder: 1\n---\n# Ordered first\n",
            "05-folder/README.md": "# Folder five\n",
        ])
        #expect(loaded.root.children.map(\.title) == ["Ordered first", "Two", "Folder five", "Ten", "Alpha", "Zeta"])
    }

    @Test func frontMatterOrderOverridesPrefix() throws {
        let loaded = try Loaded(["01-a.md": "---\norder: 9\n---\n# A\n", "02-b.md": "# B\n"])
        #expect(loaded.root.children.map(\.title) == ["B", "A"])
    }

    @Test func readsMdMarkdownAndTxtOnly() throws {
        let loaded = try Loaded(["a.md": "# A\n", "b.markdown": "# B\n", "c.txt": "# C\n", "d.html": "<h1>D</h1>",
                                 "e.py": "# E\n", ".hidden/f.md": "# F\n"])
        #expect(loaded.root.children.map(\.title).sorted() == ["A", "B", "C"])
    }

    @Test func noteNamesAreReadInAnyCaseAndOnlyAPlainReadmeIsTheFolderNote() throws {
        let loaded = try Loaded([
            "A.MD": "# A\n", "b.Markdown": "# B\n",
            "one/README.MD": "# One\n\nIts note.\n", "one/readme.txt": "# Plain text\n",
            "two/Index.Markdown": "# Two\n", "two/readme.v2.md": "# Second draft\n",
        ])
        #expect(loaded.root.children.map(\.title).sorted() == ["A", "B", "One", "Two"])
        #expect(loaded.topic("One")?.note == "Its note.")
        #expect(loaded.topic("One")?.children.map(\.title) == ["Plain text"])
        #expect(loaded.topic("Two")?.children.map(\.title) == ["Second draft"])
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: ContentLoader.LoadError.missing("/nonexistent/studydash")) {
            try ContentLoader.load(folders: ["/nonexistent/studydash"])
        }
    }

    @Test func aFileThatIsNotNotesIsRefused() throws {
        let folder = try TemporaryFolderForError()
        #expect(throws: ContentLoader.LoadError.notAFolder(folder.file)) {
            try ContentLoader.load(folders: [folder.file])
        }
    }
}

import StudyTestSupport

private struct TemporaryFolderForError {
    let folder: TemporaryFolder
    let file: String
    init() throws {
        folder = try TemporaryFolder(["x.html": "<h1>X</h1>\n"])
        file = folder.url("x.html")
    }
}
