import Testing
import StudyContent
import StudyText

/// The reader's blocks as their authors wrote them: rules, aligned tables that keep their grid
/// when wider than the pane, framed and coloured code blocks, code spans kept whole.
@Suite struct BlockRenderingTests {
    /// The style of the first span holding `text` (runs of one style are drawn as one span).
    func style(of text: String, in note: RenderedNote) -> TextStyle? {
        note.lines.lazy.flatMap(\.spans).first { $0.text.contains(text) }?.style
    }

    @Test func aThematicBreakIsAMutedRuleAcrossThePane() {
        let note = NoteRenderer.render("Above.\n\n---\n\nBelow.", width: 40)
        #expect(note.plainText == "Above.\n\n" + String(repeating: "─", count: 40) + "\n\nBelow.")
        #expect(note.lines[2].spans.allSatisfy { $0.style.contains(.dim) })
    }

    static let aligned = """
        | Model | Params | Score |
        |:------|-------:|:-----:|
        | tiny | 7 | A |
        | large | 1300 | B+ |
        """

    @Test func tableColumnsAreAlignedAsTheAuthorAsked() {
        let note = NoteRenderer.render(Self.aligned, width: 80)
        #expect(note.plainText == """
            Model │ Params │ Score
            ──────┼────────┼──────
            tiny  │      7 │   A
            large │   1300 │  B+
            """)
    }

    static let wide = """
        | Method | Accuracy | Notes |
        |--------|---------:|-------|
        | Logistic regression | 0.81 | A strong baseline that trains in seconds and is easy to explain to anyone |
        | Gradient boosting | 0.87 | Best on tabular data, needs tuning of depth and learning rate |
        """

    @Test func aTableWiderThanThePaneWrapsCellsInsideTheirColumns() {
        let note = NoteRenderer.render(Self.wide, width: 60)
        #expect(note.lines.allSatisfy { $0.width <= 60 })
        #expect(!note.plainText.contains(" · "), "the grid is kept, not joined by dots")
        // Every line of the table has its column bars in the same columns.
        let bars = note.lines.map { line in line.text.enumerated().filter { "│┼".contains($0.element) }.map(\.offset) }
        #expect(Set(bars).count == 1, "\(note.plainText)")
        #expect(note.plainText.contains("0.81"))
        #expect(note.plainText.contains("tuning of"))
        // The numbers stay right-aligned in their column.
        let row = note.lines.first { $0.text.contains("0.81") }?.text ?? ""
        #expect(row.contains("0.81 │"), "\(row)")
    }

    @Test func aTableThatCannotFitEvenWrappedFallsBackToOneLinePerRow() {
        let header = "|" + (1...14).map { " c\($0) |" }.joined()
        let rule = "|" + String(repeating: "---|", count: 14)
        let row = "|" + (1...14).map { " value\($0) |" }.joined()
        let note = NoteRenderer.render([header, rule, row].joined(separator: "\n"), width: 40)
        #expect(note.lines.allSatisfy { $0.width <= 40 })
        #expect(note.plainText.contains("c1 · c2 · c3"))
    }

    static let python = """
        ```python
        def area(r):  # a circle's
            return 3.14 * r * r, "cm²"
        ```
        """

    @Test func aCodeBlockIsFramedNamedAndColoured() {
        let note = NoteRenderer.render(Self.python, width: 40)
        let text = note.plainText.split(separator: "\n").map(String.init)
        #expect(text.first?.hasPrefix("╭─ python ─") == true, "\(note.plainText)")
        #expect(text[1] == "│ def area(r):  # a circle's")
        #expect(text[2] == "│     return 3.14 * r * r, \"cm²\"")
        #expect(text.last?.hasPrefix("╰─") == true)
        #expect(style(of: "def", in: note) == [.codeBlock, .codeKeyword])
        #expect(style(of: "return", in: note) == [.codeBlock, .codeKeyword])
        #expect(style(of: "# a circle's", in: note) == [.codeBlock, .codeComment])
        #expect(style(of: "3.14", in: note) == [.codeBlock, .codeLiteral])
        #expect(style(of: "\"cm²\"", in: note) == [.codeBlock, .codeLiteral])
        #expect(style(of: "area", in: note) == .codeBlock)
    }

    @Test(arguments: [
        ("bash", "echo \"hi\" # greet", "echo", "# greet"),
        ("yaml", "name: web # the service", "name", "# the service"),
        ("json", "{\"on\": true}", "true", nil),
        ("sql", "SELECT id FROM t -- all", "SELECT", "-- all"),
        ("Dockerfile", "FROM python:3.12 # base", "FROM", "# base"),
    ] as [(String, String, String, String?)])
    func eachCommonLanguageHasItsKeywordsAndComments(language: String, line: String, keyword: String, comment: String?) {
        let note = NoteRenderer.render("```\(language)\n\(line)\n```", width: 60)
        #expect(style(of: keyword, in: note)?.contains(.codeKeyword) == true, "\(note.lines)")
        if let comment { #expect(style(of: comment, in: note)?.contains(.codeComment) == true) }
    }

    @Test func aCodeBlockInAnUnknownLanguageIsFramedButNotColoured() {
        let note = NoteRenderer.render("```\nif x then # y\n```", width: 40)
        #expect(note.lines.count == 3)
        #expect(note.lines[1].spans.dropFirst().allSatisfy { $0.style == .codeBlock })
    }

    @Test func aCodeSpanMovesWholeToTheNextLineRatherThanBreaking() {
        let note = NoteRenderer.render("Run the command `git log --oneline` to see", width: 30)
        #expect(note.lines.map(\.text) == ["Run the command", "git log --oneline to see"])
        let wide = NoteRenderer.render("See `" + (1...12).map { "w\($0)" }.joined(separator: " ") + "`", width: 20)
        #expect(wide.lines.allSatisfy { $0.width <= 20 }, "a span wider than a line still breaks at its spaces")
        #expect(wide.lines.first?.text == "See w1 w2 w3 w4 w5")
    }
}
