import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The mouse as the reducer takes it: a click where something is drawn selects it, a double
/// click opens it, a click on a `[N]` opens link N, the wheel scrolls the pane under the pointer.
/// Each click is aimed at where the text is on the rendered screen, as a user aims.
@Suite struct MouseTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// The cell where `text` starts on the screen (its first occurrence, top to bottom).
    func spot(_ text: String, in state: AppState, tree: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (x: Int, y: Int) {
        for (y, line) in state.screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let cells = Array(line)
            let wanted = Array(text)
            guard cells.count >= wanted.count else { continue }
            for x in 0...(cells.count - wanted.count) where Array(cells[x..<x + wanted.count]) == wanted
                && (!tree || x < state.layout.tree.width) { return (x, y) }
        }
        Issue.record("'\(text)' is not on the screen:\n\(state.screen)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    @discardableResult
    func click(_ text: String, _ state: inout AppState, clicks: Int = 1, offset: Int = 0, tree: Bool = false) throws -> [Effect] {
        let at = try spot(text, in: state, tree: tree)
        return state.send(.mouse(MouseEvent(.left, x: at.x + offset, y: at.y, clicks: clicks)))
    }

    func wheel(_ button: MouseEvent.Button, x: Int, y: Int, _ state: inout AppState) {
        state.send(.mouse(MouseEvent(button, x: x, y: y)))
    }

    @Test func aClickSelectsATreeRowAndTheMarkerOpensIt() throws {
        var state = fixture.state()
        try click("▸ Foundations", &state, offset: 3)
        #expect(state.selectedTitle == "Foundations")
        #expect(state.focus == .tree)
        #expect(!state.screen.contains("Statistics"), "a click on the title does not open the topic")
        try click("▸ Foundations", &state)
        #expect(state.screen.contains("▾ Foundations"))
        #expect(state.screen.contains("Statistics"), "a click on ▸ opened it")
    }

    @Test func aDoubleClickOnATreeRowReadsItsFile() throws {
        var state = fixture.state()
        try click("Deployment", &state, tree: true)
        #expect(state.reader == nil, "one click only selects")
        try click("Deployment", &state, clicks: 2, tree: true)
        let reader = try #require(state.reader, "a double click opened the reader")
        #expect(ReaderView.title(reader, state: state).contains("Deployment"), "\(ReaderView.title(reader, state: state))")
        #expect(state.selectedTitle == "Deployment")
    }

    @Test func aClickSelectsAResourceAndADoubleClickOpensIt() throws {
        var state = fixture.state()
        try click("Foundations", &state)
        try click("Already Read", &state)
        #expect(state.focus == .detail)
        #expect(state.selectedResource?.title == "Already Read")
        #expect(state.reader == nil)
        try click("Already Read", &state, clicks: 2)
        #expect(state.reader?.subject == .resource(try #require(state.selectedResource?.id)))
    }

    @Test func aClickOnALinkNumberInTheDetailPaneOpensThatLink() throws {
        var state = fixture.state()
        try click("Foundations", &state)
        let effects = try click("[2]", &state)
        #expect(effects == [.openLink("https://example.com/second")])
        #expect(state.message?.text == "opening https://example.com/second", "the URL is shown first")
        #expect(try click("course page", &state).isEmpty, "the link's text is not its number")
    }

    @Test func aClickOnALinkNumberInTheReaderOpensThatLinkAndAClickMovesTheCursorLine() throws {
        var state = fixture.state()
        try click("Foundations", &state)
        state.press(.enter)
        #expect(try click("[1]", &state) == [.openLink("https://example.com/course")])
        try click("Probability and inference", &state)
        let reader = try #require(state.reader)
        #expect(ReaderView.document(reader, state: state).lines[reader.cursor].text.contains("Probability and inference"))
    }

    @Test func theWheelScrollsThePaneUnderThePointer() throws {
        let long = try Fixture(files: ["Course/README.md": "# Long\n\n" + (1...60).map { "Paragraph \($0).\n\n" }.joined()])
        var state = long.state(height: 24)
        state.press(.enter)
        let before = try #require(state.reader)
        wheel(.wheelDown, x: 10, y: 5, &state)
        let after = try #require(state.reader)
        #expect(after.scroll == before.scroll + Reducer.wheelLines)
        #expect(after.cursor == after.scroll, "the cursor line is kept in view")
        wheel(.wheelUp, x: 10, y: 5, &state)
        #expect(state.reader?.scroll == before.scroll)
    }

    @Test func theWheelOverTheResourcesMovesTheirCursorNotTheTree() throws {
        var state = fixture.state()
        try click("Foundations", &state)
        let list = try spot("Designing ML Systems", in: state)
        wheel(.wheelDown, x: list.x, y: list.y, &state)
        #expect(state.selectedTitle == "Foundations", "the tree stayed where it was")
        #expect(state.detailCursor > 0)
    }

    @Test func theMouseNeitherAnswersAQuestionNorReachesTheEditor() throws {
        var state = fixture.state()
        state.bulkMarkThreshold = 1
        try click("Foundations", &state)
        state.press(.char("d"))
        #expect(state.pending != nil, "marking the topic asks first")
        #expect(try click("Deployment", &state, clicks: 2).isEmpty)
        #expect(state.pending != nil, "a click is no answer")
        #expect(state.selectedTitle == "Foundations")
        state.press(.char("n"))
        state.press(.char("a"))
        guard case .editor = state.overlay else { Issue.record("no editor"); return }
        try click("Deployment", &state, clicks: 2)
        guard case .editor = state.overlay else { Issue.record("a click closed the editor"); return }
    }
}
