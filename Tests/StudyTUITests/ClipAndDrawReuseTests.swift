import StudyCore
import StudyText
import Testing
@testable import StudyTUI
import TermGrid

/// The short cuts a key's drawing takes must not change a cell: clipping reads a text only as
/// far as its width, ASCII text looks at the bytes that show, and the panes drawn ahead of a
/// move (`Dashboard.prepareNeighbours`) are the panes the move shows.
@Suite struct ClipAndDrawReuseTests {
    /// Texts whose width is not their length: wide, combining, zero-width, emoji, controls.
    static let texts = ["", "a", "abc", "abcdef", "Resources and tools — a long description of it", "漢字かな", "a漢b字c",
                        "e\u{301}te\u{301}", "ab\u{200B}cd", "👍🏽 ok", "©\u{FE0F} x", "\u{1b}[31mred", "tab\there", "x\u{7f}y",
                        "ab\u{301}", "漢", "a\u{300}\u{301}\u{302}b"]

    @Test func clippingGivesWhatMeasuringTheWholeTextGave() {
        for text in Self.texts {
            for width in 0...12 {
                let whole = Self.clipMeasuringTheWholeText(TerminalSafe.escape(text), to: width)
                #expect(Drawing.clip(text, width) == whole, "\(text.debugDescription) at \(width)")
            }
        }
    }

    /// The clipping rule as it was first written: measure the whole text, then keep what fits
    /// in `width - 1` columns before the `…`.
    static func clipMeasuringTheWholeText(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    @Test func asciiCutAtTheEdgeKeepsAMarkThatJoinsItsLastCharacter() {
        // `c` and the accent after it are one character: cut after `c`, the cell holds both.
        var grid = Grid(width: 3, height: 1)
        #expect(grid.put("abc\u{301}def", x: 0, y: 0) == 3)
        #expect(grid[2, 0].character == "c\u{301}")
        // What lies past the cells that show (here a non-ASCII tail) changes none of them.
        for text in Self.texts {
            for x in -2...3 {
                for limit in 1...6 {
                    var tailed = Grid(width: 6, height: 1)
                    var plain = Grid(width: 6, height: 1)
                    let tailedUsed = tailed.put(text + "        é", x: x, y: 0, limit: limit)
                    let plainUsed = plain.put(text + "        ", x: x, y: 0, limit: limit)
                    #expect(tailed.cells == plain.cells, "\(text.debugDescription) at \(x), limit \(limit)")
                    #expect(tailedUsed == plainUsed, "\(text.debugDescription) at \(x), limit \(limit)")
                }
            }
        }
    }

    @Test func panesDrawnAheadOfAMoveAreThePanesTheMoveShows() throws {
        let fixture = try Fixture()
        var ahead = fixture.state(width: 100, height: 30)
        var plain = try Fixture().state(width: 100, height: 30)
        for key in [Key.char("j"), .char("j"), .char("k"), .char("j"), .char("j"), .char("j")] {
            Dashboard.prepareNeighbours(of: ahead)
            ahead.press(key)
            plain.press(key)
            #expect(Snapshot.render(ahead.renderedGrid) == Snapshot.render(plain.renderedGrid), "after \(key)")
        }
    }

    @Test func aHugeNoteIsLeftForTheMoveOntoIt() throws {
        var files = Fixture.files
        let paragraph = "A long paragraph of the huge note, words and more words to wrap. "
        files["Course/01-foundations.md"] = "# Foundations\n\n" + String(repeating: paragraph + "\n\n", count: 1_000)
        let fixture = try Fixture(files: files)
        var state = fixture.state(width: 100, height: 30)
        let huge = try #require(state.visible.firstIndex { fixture.model.index.nodes[$0].topic.title == "Foundations" })
        try #require(huge > 0)
        state.treeCursor = huge - 1
        let node = state.visible[huge]
        #expect(fixture.model.index.nodes[node].topic.note.utf8.count > Dashboard.preparedNoteLimit)
        Dashboard.prepareNeighbours(of: state)
        let noteKey = DashboardCaches.NoteKey(node: node, width: max(8, state.layout.detail.width - 1), firstLink: 1)
        let renderedAhead = fixture.model.caches.notes[noteKey] != nil
        #expect(!renderedAhead, "the huge note is not rendered ahead")
        state.press(.char("j"))
        #expect(state.screen.contains("A long paragraph of the huge note"), "rendered when moved onto")
    }

    @Test func aMoveFindsThePaneOfTheTopicBelowAlreadyDrawn() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 100, height: 30)
        let below = try #require(state.visible.indices.contains(state.treeCursor + 1) ? state.visible[state.treeCursor + 1] : nil)
        let detail = state.layout.detail
        let noteKey = DashboardCaches.NoteKey(node: below, width: max(8, detail.width - 1), firstLink: 1)
        #expect(fixture.model.caches.notes[noteKey] == nil)
        Dashboard.prepareNeighbours(of: state)
        #expect(fixture.model.caches.notes[noteKey] != nil, "the note below is rendered before the key")
        state.press(.char("j"))
        #expect(state.selectedNode == below)
    }
}
