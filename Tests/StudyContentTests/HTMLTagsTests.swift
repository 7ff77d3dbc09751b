import Testing
import StudyContent
import StudyText

/// The reader and the outline read a note's HTML with one tokenizer: the edges where they used to
/// disagree now mean the same thing to both, the safer way.
@Suite struct HTMLTagsTests {
    @Test func aQuotedGreaterThanSignStaysInsideItsAttribute() throws {
        let note = NoteRenderer.render("<p><img alt=\"a > b\" src=\"x.png\"> after</p>", width: 80)
        #expect(note.plainText == "[image: a > b] after")
        let loaded = try Loaded(["t.md": "# T\n\n<p><a href=\"https://e.org/x\" title=\"1 > 0\">Lesson</a></p>\n"])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.url) == ["https://e.org/x"])
    }

    @Test func theFirstOfTwoHrefsIsTheLinkForTheReaderAndTheOutline() throws {
        let html = "<p><a href=\"https://one.org\" href=\"https://two.org\">Lesson</a></p>\n"
        #expect(NoteRenderer.render(html, width: 80).links == ["https://one.org"])
        let loaded = try Loaded(["t.md": "# T\n\n" + html])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.url) == ["https://one.org"])
    }

    @Test func aNumberThatIsNoCharacterBecomesTheReplacementCharacterInResourceTitles() throws {
        let loaded = try Loaded(["t.md": "# T\n\n<p><a href=\"https://e.org\">Nul&#0;here</a></p>\n"])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.title) == ["Nul\u{FFFD}here"])
    }
}
