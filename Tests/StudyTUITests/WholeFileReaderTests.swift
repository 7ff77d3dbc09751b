import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The whole-file reader (issue 14 §2): `Enter` on a file or a heading reads the whole file in
/// order, a cursor line that the marking, annotating and link keys act on, `J` / `K` over the
/// headings, `t` for a table of contents, `]` / `[` over what is left to study, into the next
/// file and back, and a header with the section and the position.
@Suite struct WholeFileReaderTests {
    static let files: [String: String] = [
        "Course/README.md": """
            # Course

            The course's own note.

            ## Writing notes

            How the notes are written.
            """,
        "Course/01-one.md": """
            # One

            The first file, with [a link](https://example.com/a).

            - [R1](https://example.com/r1) — the first resource

            ## Alpha

            Alpha's note, with [another link](https://example.com/b).

            - [R2](https://example.com/r2)
            - [x] [R3](https://example.com/r3)

            ### Deep

            Deep's note.

            - [R4](https://example.com/r4)

            ## Beta

            Beta's note.

            - [R5](https://example.com/r5)
            """,
        "Course/02-two.md": """
            # Two

            - [x] [S1](https://example.com/s1)
            - [S2](https://example.com/s2)
            """,
        "Course/03-three.md": """
            # Three

            - [x] [T1](https://example.com/t1)
            """,
    ]

    let fixture: Fixture
    init() throws { fixture = try Fixture(files: Self.files) }

    func node(_ title: String) -> Int { fixture.model.index.nodes.firstIndex { $0.topic.title == title } ?? -1 }
    func id(_ title: String) -> String { fixture.model.index.tree.resources.values.first { $0.title == title }?.id ?? "missing" }

    /// The reader open on the file "One" from the tree.
    func readingOne(width: Int = 80, height: Int = 24) -> AppState {
        var state = fixture.state(width: width, height: height)
        state.reveal(node("One"))
        state.press(.enter)
        return state
    }

    func reader(_ state: AppState) -> AppState.Reader? {
        if case .reader(let reader) = state.overlay { return reader }
        return nil
    }

    func document(_ state: AppState) -> ReaderDocument? { reader(state).map { ReaderView.document($0, state: state) } }

    /// The text of the line under the cursor.
    func cursorLine(_ state: AppState) -> String? {
        guard let reader = reader(state), let document = document(state), document.lines.indices.contains(reader.cursor) else { return nil }
        return document.lines[reader.cursor].text
    }

    /// Moves the cursor (`j` / `k`) to the first line whose text contains `text`.
    func moveTo(_ text: String, _ state: inout AppState) throws {
        let document = try #require(self.document(state))
        let line = try #require(document.lines.firstIndex { $0.text.contains(text) }, "\(text) is in the document")
        let from = try #require(reader(state)).cursor
        for _ in 0..<abs(line - from) { state.press(.char(line > from ? "j" : "k")) }
        try #require(reader(state)?.cursor == line)
    }

    // MARK: Reading the whole file

    @Test func enterOnAFileReadsItWholeInTheAuthorsOrder() throws {
        let state = readingOne(height: 60)
        guard case .topic(let root) = reader(state)?.subject else { Issue.record("no whole-file reader"); return }
        #expect(root == node("One"))
        let screen = state.screen
        let order = ["# One", "The first file", "[ ] R1 — the first resource", "## Alpha", "Alpha's note", "[ ] R2", "[x] R3",
                     "### Deep", "Deep's note", "[ ] R4", "## Beta", "Beta's note", "[ ] R5"]
        let places = order.map { screen.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil), "every part shows:\n\(screen)")
        let found = places.compactMap { $0 }
        #expect(found == found.sorted(), "in the order the author wrote them")
        #expect(!screen.contains("S2"), "the next file is not part of this one")
    }

    @Test func enterOnAHeadingOpensItsFileAtThatHeading() throws {
        var state = fixture.state(width: 80, height: 12)
        state.reveal(node("Deep"))
        state.press(.enter)
        let opened = try #require(reader(state))
        #expect(opened.subject == .topic(node("One")), "the whole file, not the heading's section")
        #expect(cursorLine(state) == "### Deep")
        let rows = state.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[1].hasPrefix(" Course › One › Alpha › Deep"), "the header names the section: \(rows[1])")
        #expect(rows[2] == " ### Deep", "the heading is at the top of the view")
    }

    @Test func theHeaderShowsTheSectionAndHowFarDownTheCursorIs() throws {
        var state = readingOne()
        var header: String { state.screen.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }
        #expect(header.hasPrefix(" Course › One") && header.hasSuffix(" 0%"), "\(header)")
        state.press(.char("G"))
        #expect(header.hasPrefix(" Course › One › Beta") && header.hasSuffix(" 100%"), "\(header)")
        state.press(.char("K"), .char("K"))
        #expect(header.hasPrefix(" Course › One › Alpha › Deep"), "\(header)")
        let document = try #require(self.document(state))
        let percent = try #require(reader(state)).cursor * 100 / (document.lines.count - 1)
        #expect(header.hasSuffix(" \(percent)%"))
    }

    @Test func linksAreNumberedAcrossTheWholeFile() throws {
        var state = readingOne()
        #expect(state.screen.contains("a link[1]"))
        #expect(state.screen.contains("another link[2]"), "the second section numbers on from the first")
        #expect(ReaderReducer.links(try #require(reader(state)), state: state)
                == [.init(written: "https://example.com/a", node: node("One")), .init(written: "https://example.com/b", node: node("Alpha"))],
                "each link with the section whose note holds it")
        #expect(state.press(.char("2")) == [.openLink("https://example.com/b")])
        state.press(.char("3"))
        #expect(state.message?.text == "this note has links 1–2 only")
    }

    @Test func aFolderReadsItsReadmeThenListsWhatIsInIt() throws {
        var state = fixture.state(height: 40)
        state.reveal(node("Course"))
        state.press(.enter)
        let screen = state.screen
        for text in ["# Course", "The course's own note.", "## Writing notes", "▸ One 1/5 done", "▸ Two 1/2 done"] {
            #expect(screen.contains(text), "\(text) in\n\(screen)")
        }
        #expect(!screen.contains("Alpha's note"), "a folder's files open on their own")
        try moveTo("▸ Two", &state)
        #expect(state.press(.char("d")) == [.setStatus(.done, resourceIDs: [id("S1"), id("S2")], label: "Two")],
                "a file's line marks every resource in it")
        state.press(.enter)
        #expect(reader(state)?.subject == .topic(node("Two")), "Enter reads that file")
        state.press(.backspace)
        #expect(reader(state)?.subject == .topic(node("Course")), "Backspace comes back to the folder")
        #expect(cursorLine(state)?.hasPrefix("▸ Two") == true)
        state.press(.char("g"), .enter)
        #expect(state.message?.text == "Enter reads a file or folder that a folder's reader lists")
    }

    // MARK: The cursor line

    @Test func jAndKMoveTheCursorLineAndTheViewFollowsIt() throws {
        var state = readingOne(width: 40, height: 12)
        #expect(reader(state)?.cursor == 0)
        #expect(state.renderedGrid[0, 2].style.attributes.contains(.reverse), "the cursor line is highlighted")
        state.press(.char("j"), .down)
        #expect(reader(state)?.cursor == 2)
        #expect(reader(state)?.scroll == 0, "the view moves only when it must")
        #expect(state.renderedGrid[5, 4].style.attributes.contains(.reverse))
        #expect(!state.renderedGrid[5, 2].style.attributes.contains(.reverse))
        for _ in 0..<12 { state.press(.char("j")) }
        let moved = try #require(reader(state))
        #expect(moved.cursor == 14)
        #expect(moved.scroll == 14 - 8, "the cursor line stays on the last row of the view (9 rows at 40×12)")
        state.press(.char("k"))
        #expect(reader(state)?.cursor == 13)
        #expect(reader(state)?.scroll == 6)
        state.press(.char("g"))
        #expect(reader(state)?.cursor == 0 && reader(state)?.scroll == 0)
    }

    /// A file's reader holds many sections, and the ladder counts the sections that list
    /// resources: `v` asks for the one under the cursor line, not the file.
    @Test func vRevisitsTheSectionUnderTheCursorLine() throws {
        var state = readingOne()
        state.press(.char("J"))
        #expect(state.press(.char("v")) == [.revisit(topicID: fixture.model.index.nodes[node("Alpha")].topic.id)])
        try moveTo("Beta's note", &state)
        #expect(state.press(.char("v")) == [.revisit(topicID: fixture.model.index.nodes[node("Beta")].topic.id)])
    }

    @Test func capitalJAndKGoToTheNextAndPreviousHeading() throws {
        var state = readingOne()
        for heading in ["## Alpha", "### Deep", "## Beta"] {
            state.press(.char("J"))
            #expect(cursorLine(state) == heading)
        }
        state.press(.char("J"))
        #expect(cursorLine(state) == "## Beta")
        #expect(state.message?.text == "this is the last section")
        try moveTo("Beta's note", &state)
        state.press(.char("K"))
        #expect(cursorLine(state) == "## Beta", "from inside a section, first to its own heading")
        state.press(.char("K"), .char("K"), .char("K"))
        #expect(cursorLine(state) == "# One")
        state.press(.char("K"))
        #expect(state.message?.text == "this is the first section")
    }

    @Test func markingKeysActOnTheResourceUnderTheCursorLine() throws {
        var state = readingOne()
        try moveTo("[ ] R2", &state)
        #expect(state.press(.char("d")) == [.setStatus(.done, resourceIDs: [id("R2")], label: "R2")])
        #expect(state.press(.char("l")) == [.setStatus(.learning, resourceIDs: [id("R2")], label: "R2")])
        #expect(state.press(.char("s")) == [.setStatus(.skipped, resourceIDs: [id("R2")], label: "R2")])
        #expect(state.press(.char("r")) == [.setStatus(.todo, resourceIDs: [id("R2")], label: "R2")])
        #expect(state.press(.char(" ")) == [.setStatus(.done, resourceIDs: [id("R2")], label: "R2")])
        #expect(state.press(.char("o")) == [.openLink("https://example.com/r2")])
        #expect(state.press(.char("y")) == [.copy("https://example.com/r2")])
        #expect(state.press(.char("e")) == [.editInEditor(itemID: id("R2"), title: "R2", text: "")])
        state.press(.char("a"))
        guard case .editor(let draft) = state.overlay else { Issue.record("no editor"); return }
        #expect(draft.itemID == id("R2"))
        state.press(.escape)
        #expect(reader(state)?.cursor != nil, "closing the editor returns to the reader")
    }

    @Test func onAHeadingOrANoteTheKeysActOnThatSection() throws {
        var state = readingOne()
        state.press(.char("J"))
        #expect(cursorLine(state) == "## Alpha")
        #expect(state.press(.char("d")) == [.setStatus(.done, resourceIDs: [id("R2"), id("R3"), id("R4")], label: "Alpha")],
                "a heading stands for every resource below it, as the topic does in the tree")
        try moveTo("Beta's note", &state)
        #expect(state.press(.char("l")) == [.setStatus(.learning, resourceIDs: [id("R5")], label: "Beta")])
        #expect(state.press(.char("e")) == [.editInEditor(itemID: fixture.model.index.nodes[node("Beta")].topic.id, title: "Beta", text: "")])
        #expect(state.press(.char("o")).isEmpty)
        #expect(state.message?.text == "o and y act on a resource's line; 1–9 open the note's numbered links")
        state.press(.char("g"))
        #expect(state.press(.char("d")) == [.setStatus(.done, resourceIDs: ["R1", "R2", "R3", "R4", "R5"].map(id), label: "One")],
                "the file's own heading stands for the whole file")
    }

    @Test func aResizeKeepsTheCursorLineOnWhatItWasOn() throws {
        // The course's Foundations, whose prose wraps onto more lines at 40 columns.
        var state = try Fixture().state(width: 80, height: 24)
        state.press(.enter)
        try moveTo("[ ] Seeing Theory", &state)
        let before = try #require(reader(state)).cursor
        state.send(.resize(width: 40, height: 12))
        #expect(cursorLine(state) == "[ ] Seeing Theory — visual statistics", "the same resource")
        #expect(reader(state).map { $0.cursor > before } == true, "the lines above it wrapped onto more")
        state.send(.resize(width: 80, height: 24))
        #expect(cursorLine(state)?.hasPrefix("[ ] Seeing Theory") == true)
        try moveTo("Probability and inference", &state)
        state.send(.resize(width: 40, height: 12))
        #expect(cursorLine(state)?.hasPrefix("Probability and inference") == true, "the same line of a note")
        let grid = state.renderedGrid
        let row = try #require((0..<grid.height).first { grid.line($0).hasPrefix(" Probability and inference") })
        #expect(grid[0, row].style.attributes.contains(.reverse), "and on screen")
    }

    // MARK: Unfinished resources

    @Test func bracketsWalkTheUnfinishedResourcesOfTheFileThenTheNextFile() throws {
        var state = readingOne()
        for title in ["[ ] R1", "[ ] R2", "[ ] R4", "[ ] R5"] {
            state.press(.char("]"))
            #expect(cursorLine(state)?.hasPrefix(title) == true, "\(title), past the done R3: at \(cursorLine(state) ?? "-")")
        }
        #expect(state.message == nil)
        state.press(.char("]"))
        #expect(reader(state)?.subject == .topic(node("Two")), "past the end of One, on into Two")
        #expect(cursorLine(state) == "[ ] S2", "past the done S1")
        #expect(state.message?.text == "on to Two")
        #expect(state.selectedResource?.title == "S2", "the browser behind follows")
        state.press(.char("]"))
        #expect(reader(state)?.subject == .topic(node("Two")), "Three has nothing left: the reader stays")
        #expect(state.message?.text == "no unfinished resource after this one")
        state.press(.char("["))
        #expect(reader(state)?.subject == .topic(node("One")), "back into the previous file")
        #expect(cursorLine(state) == "[ ] R5")
        state.press(.char("g"), .char("["))
        #expect(reader(state)?.subject == .topic(node("One")))
        #expect(state.message?.text == "no unfinished resource before this one")
    }

    @Test func bracketsSkipWhatIsDoneOrSkippedInTheStore() throws {
        var state = fixture.state(progress: LearnerProgress(statuses: [id("R2"): .skipped, id("R4"): .done, id("R5"): .learning]))
        state.reveal(node("One"))
        state.press(.enter, .char("]"), .char("]"))
        #expect(cursorLine(state) == "[~] R5", "learning counts as unfinished; skipped and done do not")
    }

    @Test func inAResourcesReaderBracketsOpenTheNextUnfinishedResource() throws {
        var state = fixture.state()
        state.reveal(node("One"))
        state.press(.tab, .enter)
        #expect(reader(state)?.subject == .resource(id("R1")), "Enter on a resource still reads that resource")
        state.press(.char("]"))
        #expect(reader(state)?.subject == .resource(id("R2")))
        state.press(.char("]"))
        #expect(reader(state)?.subject == .resource(id("R4")), "past the done R3")
        state.press(.char("["), .char("["), .char("["))
        #expect(reader(state)?.subject == .resource(id("R1")))
        #expect(state.message?.text == "no unfinished resource before this one")
        #expect(state.selectedResource?.title == "R1", "the browser behind follows")
    }

    // MARK: The table of contents

    func contents(_ state: AppState) -> ContentsPanel? {
        if case .contents(let panel) = state.overlay { return panel }
        return nil
    }

    @Test func tListsTheHeadingsAndEnterReadsFromOne() throws {
        var state = readingOne(height: 12)
        state.press(.char("J"), .char("t"))
        let panel = try #require(contents(state))
        #expect(panel.cursor == 1, "the section the cursor is in is selected")
        let screen = state.screen
        for row in ["One", "  Alpha", "    Deep", "  Beta"] { #expect(screen.contains("│ " + row), "\(row) indented by level") }
        state.press(.char("j"), .down, .char("j"), .char("k"))
        #expect(contents(state)?.cursor == 2)
        state.press(.enter)
        #expect(cursorLine(state) == "### Deep")
        #expect(reader(state).map { $0.scroll == $0.cursor } == true, "the heading at the top of the view")
        state.press(.char("t"), .char("k"), .char("q"))
        #expect(cursorLine(state) == "### Deep", "q closes it where the reader was")
        state.press(.char("t"), .escape)
        #expect(cursorLine(state) == "### Deep")
    }

    // MARK: Searching the document

    func type(_ text: String, _ state: inout AppState) {
        for character in text { state.press(.character(character)) }
    }

    @Test func slashSearchesTheDocumentAsItIsTypedAndNFindsTheNextMatch() throws {
        var state = readingOne()
        state.press(.char("/"))
        type("ALPHA", &state)
        #expect(cursorLine(state) == "## Alpha", "the first match, whatever the case")
        #expect(state.screen.contains("/ALPHA"), "the query shows in the header row")
        #expect(state.screen.contains("2 lines"))
        #expect(Dashboard.render(state).cursor != nil, "the terminal cursor is in the search line")
        state.press(.enter)
        #expect(reader(state)?.search?.typing == false)
        state.press(.char("n"))
        #expect(cursorLine(state)?.hasPrefix("Alpha's note") == true)
        let grid = state.renderedGrid
        let row = try #require((0..<grid.height).first { grid.line($0).hasPrefix(" Alpha's note") })
        #expect(grid[1, row].style.role == .match && grid[5, row].style.role == .match, "the match is highlighted")
        #expect(grid[6, row].style.role != .match)
        state.press(.char("n"))
        #expect(state.message?.text == "no match below this line")
        state.press(.char("N"))
        #expect(cursorLine(state) == "## Alpha")
    }

    /// Every word must be on the line, as in the dashboard's search: `beta note` is Beta's note
    /// only, not every line with `note` on it (nor `## Beta`, which has no `note`).
    /// The document's search line stops where the browser's does: a paste of 10,000
    /// characters would match the whole document again for each one.
    @Test func aHugePasteInTheDocumentsSearchStopsAtTheLongestQuery() throws {
        var state = readingOne()
        state.press(.char("/"))
        type("beta " + String(repeating: "x", count: 1_000), &state)
        #expect(reader(state)?.search?.line.text.count == SearchLine.maximumLength)
        #expect(state.message?.text == "a search is at most \(SearchLine.maximumLength) characters")
    }

    @Test func aLineMatchesOnlyWhenEveryWordIsOnIt() throws {
        var state = readingOne()
        state.press(.char("/"))
        type("note beta", &state)
        #expect(cursorLine(state) == "Beta's note.", "the first line with both words")
        #expect(state.screen.contains("1 line"), "\(state.screen)")
        state.press(.enter, .char("g"), .char("n"))
        #expect(cursorLine(state) == "Beta's note.", "n skips the lines that hold one word only")
        state.press(.char("n"))
        #expect(state.message?.text == "no match below this line")
        state.press(.char("/"))
        type("\"alpha's note\" link", &state)
        #expect(cursorLine(state)?.hasPrefix("Alpha's note") == true, "a phrase and a word together")
    }

    @Test func escapeWhileTypingGoesBackToWhereTheSearchBegan() throws {
        var state = readingOne()
        state.press(.char("j"), .char("/"))
        type("beta", &state)
        #expect(cursorLine(state) == "## Beta")
        state.press(.escape)
        #expect(reader(state)?.cursor == 1)
        #expect(reader(state)?.search == nil)
        state.press(.char("n"))
        #expect(state.message?.text == "/ searches the document first")
        state.press(.char("/"))
        type("nowhere", &state)
        #expect(reader(state)?.cursor == 1, "no match: the cursor stays")
        state.press(.enter)
        #expect(state.message?.text == "no line matches 'nowhere'")
    }

    // MARK: Speed

    @Test func keysDoNotLayTheDocumentOutAgain() throws {
        var state = readingOne()
        let layouts = fixture.model.caches.readerLines.layouts
        for key in [Key.char("j"), .char("J"), .char("]"), .char("K"), .char("G"), .char("t"), .char("j"), .enter, .char("k")] {
            state.press(key)
            _ = state.renderedGrid
        }
        #expect(fixture.model.caches.readerLines.layouts == layouts)
        state.receive(.reloaded(LearnerProgress(statuses: [id("R1"): .done])))
        _ = state.renderedGrid
        #expect(fixture.model.caches.readerLines.layouts == layouts + 1, "a change of progress lays it out once more")
    }
}
