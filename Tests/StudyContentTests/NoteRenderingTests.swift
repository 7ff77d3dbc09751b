import Testing
import StudyContent
@testable import StudyCore

/// Rendering a note for the terminal, however it is nested.
@Suite struct NoteRenderingTests {
    @Test func aDeeplyNestedNoteStillWrapsInTheWidth() {
        let quotes = String(repeating: "> ", count: 60) + "a quote nested sixty deep\n\n"
        let list = (0..<60).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        let note = NoteRenderer.render(quotes + list, width: 80)
        #expect(note.lines.allSatisfy { $0.width <= 80 })
        #expect(note.plainText.contains("a quote nested sixty deep"))
        #expect(note.plainText.contains("item 59"))
    }

    @Test func nestedEmphasisKeepsItsStylesAndLinksTheirNumbers() {
        let note = NoteRenderer.render("*a **b [c](https://e.com/c) d** e* ![alt *x*](i.png) [f](https://e.com/f)", width: 80)
        #expect(note.plainText == "a b c[1] d e [image: alt x] f[2]")
        #expect(note.links == ["https://e.com/c", "https://e.com/f"])
        let styles = Dictionary(note.lines[0].spans.map { ($0.text, $0.style) }, uniquingKeysWith: { first, _ in first })
        #expect(styles["b"] == [.italic, .bold])
        #expect(styles["c"] == [.italic, .bold, .link])
        #expect(styles["[1]"] == [.italic, .bold, .link, .dim])
        #expect(styles["x"] == [.dim, .italic])
    }

    /// A note shown after others in one document numbers its links on from theirs, wrapping by
    /// the wider numbers.
    @Test func linksCanBeNumberedFromAGivenFirstNumber() {
        let note = NoteRenderer.render("[c](https://e.com/c) and [f](https://e.com/f)", width: 80, firstLink: 9)
        #expect(note.plainText == "c[9] and f[10]")
        #expect(note.links == ["https://e.com/c", "https://e.com/f"], "the list still starts at the note's first link")
        #expect(NoteRenderer.render("[c](https://e.com/c) and [[Other note]]", width: 80, firstLink: 4).plainText
                == "c[4] and Other note[5]", "a wikilink numbers on too")
    }

    /// A loose list of 100,000 items (the fuzzer's case 519 took 32 s of CPU in `show`: each item
    /// listed the list's items again). Not timed: it must simply finish and keep every item.
    @Test func aLooseListOfAHundredThousandItemsRenders() {
        let note = NoteRenderer.render(String(repeating: "- a\n\n", count: 100_000), width: 80)
        #expect(note.lines.filter { $0.text == "• a" }.count == 100_000)
    }
}
