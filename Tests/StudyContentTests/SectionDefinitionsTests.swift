import StudyContent
import StudyCore
import StudyTestSupport
import StudyText
import Testing

/// A file's reference definitions and footnotes reach every section that uses them: the reader
/// renders each section's note on its own, and books put their definitions at the file's end.
@Suite struct SectionDefinitionsTests {
    static let book = """
        # Chapter

        Intro with [the docs][docs] and a claim[^1].

        ## Part one

        More in [the guide][guide], see also [[Other]].[^2]

        ```
        [fake]: https://not-a-definition.example
        ```

        ## Part two

        Only [fake] text here, and a note no one cites below.

        [^orphan]: Written here, cited nowhere.

        ## Links

        [docs]: https://docs.example.org
        [guide]: https://guide.example.org
        [^1]: The first source, with [the docs][docs].
        [^2]: The second source.
        """

    func note(_ title: String, in tree: ContentTree) throws -> RenderedNote {
        var found: Topic?
        tree.forEachTopic { topic, _ in if topic.title == title && found == nil { found = topic } }
        return NoteRenderer.render(try #require(found, "no topic \(title)").note, width: 80)
    }

    @Test func eachSectionResolvesTheDefinitionsAtTheFilesEnd() throws {
        let folder = try TemporaryFolder(["book/chapter.md": Self.book])
        let tree = try ContentLoader.load(folders: [folder.url("book")])
        let intro = try note("Chapter", in: tree)
        #expect(intro.plainText.hasPrefix("Intro with the docs[1] and a claim¹."), "\(intro.plainText)")
        #expect(intro.plainText.contains("¹ The first source, with the docs[2]."), "\(intro.plainText)")
        #expect(intro.links == ["https://docs.example.org", "https://docs.example.org"])
        let one = try note("Part one", in: tree)
        #expect(one.plainText.hasPrefix("More in the guide[1], see also Other[2].¹"), "\(one.plainText)")
        #expect(one.plainText.contains("¹ The second source."))
        #expect(!one.plainText.contains("first source"), "a section lists only the notes it cites")
        let two = try note("Part two", in: tree)
        #expect(two.plainText.contains("Only [fake] text"), "a definition inside code is no definition")
        #expect(two.plainText.contains("¹ Written here, cited nowhere."), "an uncited footnote is kept where written")
    }
}
