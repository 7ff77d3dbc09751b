import Testing
import StudyContent
import StudyText
import StudyCore

/// The reader's new forms (tables, code blocks, HTML, callouts, footnotes, Obsidian inline forms)
/// fed hostile Markdown at the narrowest and common widths: no line is wider than the pane
/// (a code block's own lines excepted: they are cut by the pane, never wrapped).
@Suite struct HostileReaderTests {
    static let cases: [String] = [
        "| a |\n|:-:|\n| supercalifragilistic word |\n| 中文字符测试中文 |\n",
        "| 名前 | b | c |\n|---|:-:|--:|\n| 中文中文中文 | e\u{301}\u{301}x | \u{200B}\u{200B}zw |\n",
        "> - | a | b |\n>   |---|---|\n>   | xxxxxxxxxx | yyyyyyyy |\n",
        "1. > [!note] A title that is long\n   > body ==hl== #tag\n   > > [!tip] inner\n   > > text\n",
        "- > <details><summary>Summary text here</summary>\n>\n>   hidden text\n>\n>   </details>\n",
        "Text[^1].\n\n[^1]: A note | a |\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n",
        "- ---\n- ```python\n  x = 'a'\n  ```\n",
        "> > > > ---\n",
        "## " + String(repeating: "中", count: 9) + "\n",
        (0..<12).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
            + String(repeating: "  ", count: 12) + "- | aaaa | bbbb | cccc |\n" + String(repeating: "  ", count: 14)
            + "|---|---|---|\n" + String(repeating: "  ", count: 14) + "| 1111 | 2222 | 3333 |\n",
        String(repeating: "> ", count: 30) + "[!note] deep callout title\n" + String(repeating: "> ", count: 30) + "body\n",
        String(repeating: "- ", count: 30) + "```\n" + String(repeating: "  ", count: 30) + "code\n" + String(repeating: "  ", count: 30) + "```\n",
        "<div>" + String(repeating: "<details><summary>s</summary>", count: 40) + "x</div>\n",
        "| " + String(repeating: "👨‍👩‍👧‍👦", count: 9) + " | \u{1F1EF}\u{1F1F5}\u{1F1EF} |\n|---|---|\n| x | y |\n",
    ]

    @Test(arguments: [9, 10, 40, 80, 120])
    func noLineIsWiderThanThePane(width: Int) {
        for markdown in Self.cases {
            let note = NoteRenderer.render(markdown, width: width)
            for line in note.lines where !line.spans.contains(where: { $0.style.contains(.codeBlock) && !$0.style.contains(.dim) }) {
                #expect(line.width <= width, "\(width): '\(line.text)' in\n\(note.plainText)")
            }
        }
    }
}

extension HostileReaderTests {
    /// A code block deep in a list, at the narrowest pane: its frame (top, label, bottom) stays
    /// inside the pane, so the reader never clips it to `…` and the frame stays closed.
    @Test(arguments: [8, 9, 12])
    func aCodeBlocksFrameFitsThePaneWhenDeeplyNested(width: Int) {
        let markdown = String(repeating: "- ", count: 30) + "```python\n" + String(repeating: "  ", count: 30) + "x\n"
            + String(repeating: "  ", count: 30) + "```\n"
        let note = NoteRenderer.render(markdown, width: width)
        let frame = note.lines.filter { $0.text.contains("╭") || $0.text.contains("╰") }
        #expect(frame.count == 2, "\(note.plainText)")
        for line in frame { #expect(line.width <= width, "\(width): '\(line.text)'") }
    }
}

extension HostileReaderTests {
    /// Each section gets the definitions it uses, and a footnote's own footnotes: a chain of
    /// footnotes each citing the next, cited from every section, gave every section the whole
    /// chain (a 70 KB file loaded for a minute, a 144 KB one did not load). What a file's
    /// sections get appended together is bounded by the file's size; the first still resolve.
    @Test func aChainOfFootnotesCitedFromEverySectionIsNotCopiedIntoEach() throws {
        let count = 1_500
        let text = "# T\n" + (0..<count).map { "## S\($0)\nx[^0]\n" }.joined() + "\n"
            + (0..<count).map { "[^\($0)]: see [^\($0 + 1)]\n\n" }.joined()
        let loaded = try Loaded(["t.md": text])
        func noteBytes(_ topic: Topic) -> Int { topic.note.utf8.count + topic.children.reduce(0) { $0 + noteBytes($1) } }
        #expect(noteBytes(loaded.root) <= 8 * text.utf8.count, "\(noteBytes(loaded.root)) bytes of notes from \(text.utf8.count)")
        let first = try #require(loaded.topic("T", "S0"))
        #expect(NoteRenderer.render(first.note, width: 80).plainText.contains("Footnotes"))
    }
}

extension HostileReaderTests {
    /// A callout's title is drawn from its first line's text: a link there lost its URL (not
    /// numbered, not in the note's links), so the reader could not follow it.
    @Test func aLinkInACalloutsTitleIsNumberedAndListed() {
        let note = NoteRenderer.render("> [!tip] See [the docs](https://e.com/docs)\n> and [more](https://e.com/more).", width: 80)
        #expect(note.links == ["https://e.com/docs", "https://e.com/more"])
        #expect(note.lines.first?.text == "┃ Tip: See the docs[1]", "\(note.plainText)")
    }
}
