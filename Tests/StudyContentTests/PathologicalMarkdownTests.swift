import Testing
import StudyContent
@testable import StudyCore
import StudyText

/// Markdown built to break a parser (found by fuzzing, issue 11): every one of these loads, its
/// note renders, and what had to be limited is a warning with `file:line`. None of these cases
/// is timed; the time they take against their size is measured by `scripts/fuzz`.
@Suite struct PathologicalMarkdownTests {
    private func renders(_ topic: Topic?) -> Bool {
        guard let topic else { return false }
        return !NoteRenderer.render(topic.note, width: 80).lines.isEmpty
    }

    @Test func aListNestedTwentyThousandDeepLoadsWithAWarning() throws {
        let loaded = try Loaded(["t.md": "# T\n" + String(repeating: "- ", count: 20_000) + "[x](https://e.com/x)\n"])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.url) == ["https://e.com/x"])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasSuffix("t.md:2: nested deeper than 128 columns of list and quote markers: "
            + "the deeper markers are ignored") == true)
    }

    @Test func quotesAndListsNestedDeepAcrossLinesLoadAndRender() throws {
        var text = "# T\n" + String(repeating: "> ", count: 20_000) + "quoted\n\n"
        text += (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        text += "\n" + String(repeating: "> - 1. ", count: 5_000) + "mixed\n"
        let loaded = try Loaded(["t.md": text])
        let topic = try #require(loaded.topic("T"))
        #expect(topic.note.contains("quoted"))
        #expect(renders(topic))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("t.md:2: nested deeper than 128 columns") == true)
        #expect(loaded.warnings.first?.hasSuffix("(and 1937 more lines)") == true)
    }

    @Test func aMegabyteLineOfStarsLoadsAndRenders() throws {
        let stars = String(repeating: "*", count: 600_000)
        let loaded = try Loaded([
            "rule.md": "# Rule\n" + stars + "\n",
            // Strong emphasis nested 150,000 deep around one letter.
            "nested.md": "# Nested\n" + stars + "a" + stars + "\n",
            "words.md": "# Words\n" + String(repeating: "*a ", count: 100_000) + "b" + String(repeating: " a*", count: 100_000) + "\n",
        ])
        #expect(loaded.root.children.map(\.title).sorted() == ["Nested", "Rule", "Words"])
        #expect(loaded.warnings.isEmpty)
        #expect(renders(loaded.topic("Nested")))
        #expect(renders(loaded.topic("Words")))
        let note = NoteRenderer.render(try #require(loaded.topic("Nested")).note, width: 80)
        #expect(note.plainText.trimmingWhitespace() == "a")
    }

    @Test func nestedEmphasisInAHeadingAndALinkIsReadAsItsText() throws {
        let deep = String(repeating: "*", count: 100_000)
        let loaded = try Loaded(["t.md": "# T\n## \(deep)Deep\(deep)\n- [\(deep)x\(deep)](https://e.com/x)\n"])
        let heading = try #require(loaded.topic("T")?.children.first)
        #expect(heading.title == "Deep")
        #expect(loaded.resources(of: heading).map(\.title) == ["x"])
    }

    @Test func unclosedHTMLOpeningsAreReadAsTextPastALimitWithAWarning() throws {
        let loaded = try Loaded(["t.md": "# T\nfirst\n" + String(repeating: "a<?", count: 50_000) + "\n\nafter <?x?>\n"])
        let topic = try #require(loaded.topic("T"))
        #expect(loaded.warnings == [loaded.folder.url("t.md") + ":3: more than 32 '<?' or '<!' in one paragraph: "
            + "the rest are read as text"])
        let rendered = NoteRenderer.render(topic.note, width: 80).plainText
        #expect(rendered.contains("a<?a<?a<?"))
        #expect(!rendered.contains("\\<"))
    }

    @Test func aTableThatWouldBePaddedToManyMoreCellsThanItHasBytesIsReadAsText() throws {
        let header = "|" + String(repeating: " a |", count: 150) + "\n" + "|" + String(repeating: "---|", count: 150) + "\n"
        let loaded = try Loaded(["t.md": "# T\n" + header + String(repeating: "x\n", count: 4_000)])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasSuffix("t.md:3: table too large for its size (short rows padded to many columns): "
            + "read as text") == true)
        #expect(renders(loaded.topic("T")))
    }

    /// Fuzz case 1091: tens of thousands of link reference definitions running straight into a
    /// table's delimiter row took cmark-gfm 10 s (it re-reads the paragraph above the row once
    /// per line of it). Past 500 lines of one paragraph the table is text; a table after a blank
    /// line is still a table.
    @Test func aTableUnderAVeryLongParagraphIsReadAsText() throws {
        let definitions = (0..<20_000).map { "[a\($0)]: https://e.com/\($0)\n" }.joined()
        let loaded = try Loaded(["t.md": "# T\n" + definitions + "| x | y |\n|---|---|\n| 1 | 2 |\n",
                                 "u.md": "# U\n" + String(repeating: "text\n", count: 600) + "\n| x | y |\n|---|---|\n"])
        #expect(loaded.warnings.count == 1, "\(loaded.warnings)")
        #expect(loaded.warnings.first?.hasSuffix("t.md:20003: table directly under more than 500 lines of one paragraph: "
            + "read as text (a blank line before it makes it a table)") == true, "\(loaded.warnings)")
        #expect(renders(loaded.topic("U")))
    }

    /// Fuzz case 200: a table row of 124,000 cells took seconds (cmark-gfm appends each cell
    /// by walking the row's list of cells).
    @Test func pipesPastTwoHundredOnALineAreReadAsText() throws {
        let loaded = try Loaded(["t.md": "# T\n| a |\n|---|\n" + String(repeating: "| x ", count: 50_000) + "|\n"])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasSuffix("t.md:4: more than 200 '|' on a line: the rest are read as text") == true)
        #expect(renders(loaded.topic("T")))
    }

    /// Fuzz case 989: a resource whose description was 100 KB of `|` and spaces took 22 s, its
    /// separators being trimmed one re-slice at a time.
    @Test func aDescriptionOfOnlySeparatorsIsTrimmedToNothing() throws {
        let separators = String(repeating: "||||| ", count: 20_000)
        let loaded = try Loaded(["t.md": "# T\n- [R](https://e.com/r) \(separators)\n  \(separators)\n"])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.description) == [""])
    }

    /// Fuzz case 46: emphasis on 123,000 lines of one paragraph, then links, took minutes in
    /// cmark-gfm (each link walks every pending `*`).
    @Test func emphasisInAParagraphWithManyLinksIsReadAsTextPastALimit() throws {
        let text = "# T\n" + String(repeating: "*a*\n", count: 30_000) + String(repeating: "[r](https://e.com/r)\n", count: 1_000)
        let loaded = try Loaded(["t.md": text])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("t.md:34: more than 64 runs of '*', '_' or '~' in a paragraph") == true)
        #expect(loaded.resources(of: loaded.topic("T")).map(\.url) == ["https://e.com/r"])
    }

    @Test func aLongListWithEmphasisAndLinksInEveryItemIsLeftAlone() throws {
        let loaded = try Loaded(["t.md": "# T\n" + (0..<3_000).map { "- *new* [r\($0)](https://e.com/\($0)) _fast_\n" }.joined()])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.resources(of: loaded.topic("T")).count == 3_000)
    }

    @Test func anOrdinaryTableAndFewOpeningsAreLeftAlone() throws {
        let loaded = try Loaded(["t.md": """
            # T
            | Name | Link |
            |------|------|
            | One  | [one](https://e.com/1) |
            | Two  | [two](https://e.com/2) |

            <?php echo 1; ?> and <!-- a comment --> stay as they are.
            """])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.resources(of: loaded.topic("T")).map(\.title) == ["one", "two"])
    }
}
