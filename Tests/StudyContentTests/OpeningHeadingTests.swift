import Testing
import StudyContent
import StudyCore

/// A file that opens with `##`, `###` or `####` is titled by that heading (issue 15 §2), and
/// its content is not nested a level deeper.
@Suite struct OpeningHeadingTests {
    @Test func aChapterOpeningWithH2IsTitledByItAndNotNested() throws {
        let loaded = try Loaded(["03-chapter.md": "## Chapter 3\n\nintro\n\n### 3.1 Basics\n\ntext\n\n- [R](https://example.com/r)\n"])
        #expect(loaded.root.children.map(\.title) == ["Chapter 3"])
        let chapter = try #require(loaded.topic("Chapter 3"))
        #expect(chapter.kind == .file)
        #expect(chapter.note == "intro")
        #expect(chapter.children.map(\.title) == ["3.1 Basics"])
        #expect(loaded.resources(of: loaded.topic("Chapter 3", "3.1 Basics")).map(\.title) == ["R"])
    }

    @Test func itsTopicsGetTheIDsAnH1WouldGive() throws {
        let deep = try Loaded(["a.md": "### Deep\n\n#### Part\n\n- [ ] a task\n"])
        let h1 = try Loaded(["a.md": "# Deep\n\n#### Part\n\n- [ ] a task\n"])
        #expect(deep.topic("Deep")?.id == h1.topic("Deep")?.id)
        #expect(deep.topic("Deep", "Part")?.id == h1.topic("Deep", "Part")?.id)
        #expect(deep.resource(titled: "a task")?.id == h1.resource(titled: "a task")?.id)
    }

    @Test func frontMatterAndBadgesMayComeFirst() throws {
        let loaded = try Loaded([
            "a.md": "---\norder: 2\n---\n\n<!-- generated -->\n\n### After front matter\n\ntext\n",
            "b.md": "[![CI](https://img.shields.io/b.svg)](https://ci.example/x) ![v](https://img.shields.io/v.svg)\n\n## After badges\n\n### Part\n",
            "c.md": "<p align=\"center\"><img src=\"logo.png\" alt=\"logo\"></p>\n\n---\n\n## After a logo\n",
        ])
        #expect(loaded.root.children.map(\.title) == ["After front matter", "After badges", "After a logo"])
        #expect(loaded.topic("After badges")?.children.map(\.title) == ["Part"])
        // The badge stays where it was counted: its progress is not orphaned.
        #expect(loaded.resources(of: loaded.topic("After badges")).map(\.title) == ["CI"])
    }

    @Test func proseBeforeTheHeadingOrEqualSectionsKeepTheFileName() throws {
        let loaded = try Loaded([
            "prose.md": "Some words first.\n\n## Heading\n",
            "week.md": "## Monday\n\nrest\n\n## Tuesday\n\nrun\n",
            "link.md": "[Home](https://example.com/home)\n\n## Heading\n",
        ])
        #expect(loaded.root.children.map(\.title) == ["link", "prose", "week"])
        #expect(loaded.topic("week")?.children.map(\.title) == ["Monday", "Tuesday"])
        #expect(loaded.topic("prose")?.children.map(\.title) == ["Heading"])
    }
}
