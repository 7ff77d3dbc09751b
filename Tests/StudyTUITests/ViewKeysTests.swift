import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// Keys each view's table binds that the other reducer tests do not press by name: the page
/// keys `f` `b` `Ctrl-f` `Ctrl-b`, `F1`, the help's own scrolling, and `Y` at a question.
@Suite struct ViewKeysTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// A tree long enough to page through at 80×24.
    func longTree() throws -> Fixture {
        try Fixture(files: ["Course/README.md": "# Course\n"].merging(
            (1...60).map { ("Course/t\($0).md", "# Topic \($0)\n\n- [R](https://example.com/\($0))\n") },
            uniquingKeysWith: { a, _ in a }))
    }

    @Test(arguments: [(Key.character("f"), Key.character("b")), (.control("f"), .control("b")), (.pageDown, .pageUp)])
    func pageKeysMoveTheTreeByItsHeight(down: Key, up: Key) throws {
        var state = try longTree().state(width: 80, height: 24)
        state.press(down)
        #expect(state.treeCursor == 1 + 22)
        state.press(up)
        #expect(state.treeCursor == 1)
    }

    @Test(arguments: [(Key.character("f"), Key.character("b")), (.control("f"), .control("b"))])
    func pageKeysScrollTheReaderByAPage(down: Key, up: Key) throws {
        var state = fixture.state(width: 40, height: 12)
        state.press(.enter, down)
        guard case .reader(let reader) = state.overlay else { Issue.record("no reader"); return }
        let end = ReaderView.lineCount(reader, state: state) - 9
        #expect(end > 0 && reader.scroll == min(9, end), "a page is the body's height less one")
        state.press(up)
        guard case .reader(let back) = state.overlay else { Issue.record("no reader"); return }
        #expect(back.scroll == 0)
    }

    @Test func f1OpensTheHelpFromTheBrowserAndTheReader() {
        var state = fixture.state()
        state.press(.function(1))
        guard case .help(_, nil, _) = state.overlay else { Issue.record("no help over the browser"); return }
        state.press(.escape, .enter, .function(1))
        guard case .help(_, .some, _) = state.overlay else { Issue.record("no help over the reader"); return }
    }

    func helpScroll(_ state: AppState) -> Int? {
        if case .help(let scroll, _, _) = state.overlay { return scroll }
        return nil
    }

    @Test func theHelpScrollsByLineAndPageAndStopsAtItsEnd() throws {
        var state = fixture.state()
        state.press(.char("?"), .char("j"), .down)
        #expect(helpScroll(state) == 2)
        state.press(.char("k"))
        #expect(helpScroll(state) == 1)
        let end = HelpOverlay.lines(openedFrom: nil).count - 20
        try #require(end > 2, "the help is longer than a page at 80×24")
        state.press(.pageDown)
        let paged = min(21, end)
        #expect(helpScroll(state) == paged, "a page is the box's inside, 20 rows at 80×24")
        state.press(.pageUp)
        #expect(helpScroll(state) == max(0, paged - 20))
        state.press(.char(" "))
        #expect(helpScroll(state) == min(max(0, paged - 20) + 20, end))
        for _ in 0..<10 { state.press(.char(" ")) }
        #expect(helpScroll(state) == end, "no further than the last row")
        #expect(state.screen.contains("yes; any other key cancels"), "the last row shows")
    }

    @Test func capitalYAnswersYesToo() {
        var state = fixture.state()
        state.bulkMarkThreshold = 1
        state.press(.char("d"))
        #expect(state.pending != nil)
        #expect(state.press(.char("Y")).count == 1)
        #expect(state.pending == nil)
    }
}
