import Testing
import StudyContent
import StudyText

/// What authors of course repositories, books and vaults write inline, rendered as they meant it:
/// reference links, footnotes, strike-through, raw HTML, Obsidian's forms and right-to-left text.
@Suite struct InlineFormsRenderingTests {
    func render(_ markdown: String, width: Int = 80) -> RenderedNote { NoteRenderer.render(markdown, width: width) }

    func style(of text: String, in note: RenderedNote) -> TextStyle? {
        note.lines.flatMap(\.spans).first { $0.text == text }?.style
    }

    @Test func referenceLinksAreResolvedAndNumbered() {
        let note = render("Read [the docs][docs], [Swift][] and [guide].\n\n[docs]: https://docs.example.org\n[swift]: https://swift.org \"Swift\"\n[Guide]: https://guide.example.org")
        #expect(note.plainText == "Read the docs[1], Swift[2] and guide[3].")
        #expect(note.links == ["https://docs.example.org", "https://swift.org", "https://guide.example.org"])
    }

    @Test func footnotesShowMarkersAndAreListedAtTheEnd() {
        let note = render("A claim[^1] and another[^note].\n\n[^note]: The second source.\n[^1]: The first source.\n[^lost]: Never referred to.")
        let text = note.plainText
        #expect(text.hasPrefix("A claim¹ and another²."))
        #expect(text.contains("Footnotes\n¹ The first source.\n\n² The second source.\n\n³ Never referred to."), "\(text)")
        #expect(!text.contains("[^"))
        #expect(style(of: "¹", in: note)?.contains(.footnote) == true)
        #expect(note.links.isEmpty, "footnotes are not links")
    }

    @Test func strikeThroughIsStyledNotShownAsTildes() {
        let note = render("It costs ~~ten~~ five dollars.")
        #expect(note.plainText == "It costs ten five dollars.")
        #expect(style(of: "ten", in: note) == .strike)
    }

    @Test func htmlBlocksShowTheirTextImagesLinksAndSummaries() {
        let note = render("""
            <div align="center">
              <a href="https://www.youtube.com/watch?v=abc"><img src="thumb.jpg" alt="Lesson 1 video"></a>
              <p>Made with &hearts; &amp; care &#x1F600;</p>
            </div>

            <details>
            <summary>Show the <b>answer</b></summary>

            It is **42**.

            </details>
            """)
        let text = note.plainText
        #expect(!text.contains("<"), "\(text)")
        #expect(text.contains("[image: Lesson 1 video][1]"))
        #expect(text.contains("Made with ♥ & care 😀"))
        #expect(text.contains("▾ Show the answer\n\nIt is 42."), "\(text)")
        #expect(note.links == ["https://www.youtube.com/watch?v=abc"])
        #expect(style(of: "answer", in: note)?.contains(.bold) == true)
    }

    @Test func inlineHTMLBreaksLinesAndLinks() {
        let note = render("First line<br>second with <a href=\"https://e.org\">a link</a>, <kbd>Ctrl</kbd> and <img alt=\"logo\" src=\"l.png\">.")
        #expect(note.plainText == "First line\nsecond with a link[1], Ctrl and [image: logo].")
        #expect(note.links == ["https://e.org"])
        #expect(style(of: "Ctrl", in: note)?.contains(.code) == true)
    }

    @Test func htmlEntitiesAndTagsCannotSmuggleControls() {
        let note = render("<p>bell &#7; esc &#27;[31m &#x202E;evil &#0;</p>\n\nx <span title=\"&#27;\">y</span>")
        #expect(!note.plainText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!note.plainText.unicodeScalars.contains { $0.value == 0x202E })
    }

    @Test func wikilinksShowTheirAliasOrHeading() {
        let note = render("See [[Linear algebra|the basics]], [[Calculus#Limits]] and [[#Local heading]].")
        #expect(note.plainText == "See the basics[1], Calculus > Limits[2] and Local heading[3].")
    }

    @Test func highlightsAndTagsAreStyled() {
        let note = render("Remember ==this part== well. #review #ml/basics but not C#, #1 or a == b.")
        #expect(note.plainText == "Remember this part well. #review #ml/basics but not C#, #1 or a == b.")
        #expect(style(of: "this", in: note) == .highlight)
        #expect(style(of: "part", in: note) == .highlight)
        #expect(style(of: "well.", in: note) == [])
        #expect(style(of: "#review", in: note) == .tag)
        #expect(style(of: "#ml/basics", in: note) == .tag)
        #expect(!note.lines.flatMap(\.spans).contains { $0.style.contains(.tag) && $0.text.contains("1") })
        let later = render("x == y, then ==z== and ==w ==v==.")
        #expect(later.plainText == "x == y, then z and ==w v.")
        #expect(style(of: "z", in: later) == .highlight)
    }

    @Test func calloutsAreTitledBoxes() {
        let note = render("> [!warning] Mind the gap\n> Trains are *fast*.\n>\n> Second paragraph.\n\n> [!tip]\n> Just a tip.\n\n> A plain quote.")
        let lines = note.lines.map(\.text)
        #expect(lines.contains("┃ Warning: Mind the gap"), "\(lines)")
        #expect(lines.contains("┃ Trains are fast."))
        #expect(lines.contains("┃ Second paragraph."))
        #expect(lines.contains("┃ Tip"))
        #expect(lines.contains("│ A plain quote."))
        #expect(!note.plainText.contains("[!"))
    }

    @Test func rightToLeftTextStaysInLogicalOrderWithoutOverrides() {
        let note = render("سلام دنیا and שלום \u{202E}txt\u{2066} end")
        #expect(note.plainText.hasPrefix("سلام دنیا and שלום "))
        #expect(!note.plainText.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }
}
