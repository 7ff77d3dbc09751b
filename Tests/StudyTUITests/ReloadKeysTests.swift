import StudyContent
import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// `R` and `Ctrl-L`, and the new notes taking the old ones' place: the learner stays where they
/// were (by stable ID, whatever moved around it) and the status row says what changed.
@Suite struct ReloadKeysTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// The fixture's notes as they are on disk now, as the `reloadNotes` effect reads them.
    func reloaded(changedFiles: Int = 1) throws -> NotesReload {
        let tree = try ContentLoader.load(folders: [fixture.folder.url("Course")])
        let model = DashboardModel(tree: tree, renderNote: NoteRenderer.render, resolveLink: NoteLinkResolver(tree: tree).resolve)
        return NotesReload(model: model, progress: LearnerProgress(), changedFiles: changedFiles)
    }

    func select(_ title: String, in state: inout AppState) throws {
        let node = try #require(state.index.nodes.firstIndex { $0.topic.title == title })
        state.reveal(node)
    }

    @Test func rAsksForTheNotesAfreshInTheBrowserAndTheReader() {
        var state = fixture.state()
        #expect(state.press(.char("R")) == [.reloadNotes])
        state.press(.enter)
        #expect(state.press(.char("R")) == [.reloadNotes])
        #expect(state.reader != nil, "the reader stays open")
    }

    @Test func ctrlLRedrawsAndRStillResetsToTodoInLowerCase() {
        var state = fixture.state()
        #expect(state.press(.control("l")) == [.redraw])
        state.press(.enter)
        #expect(state.press(.control("l")) == [.redraw])
        var marking = fixture.state()
        marking.press(.tab)
        #expect(marking.press(.char("r")).contains { if case .setStatus(.todo, _, _) = $0 { true } else { false } })
    }

    @Test func theWatchersNoticeAsksForTheNotes() {
        var state = fixture.state()
        #expect(state.receive(.notesChanged) == [.reloadNotes])
    }

    @Test func theCursorStaysOnTheSameTopicAndResourceWhenOthersAppearAboveThem() throws {
        var state = fixture.state()
        try select("Statistics", in: &state)
        state.press(.tab, .char("j"))
        let topic = try #require(state.selectedNode.map { state.index.nodes[$0].topic.id })
        let resource = try #require(state.selectedResource?.id)
        // A new file sorts first, and the topic gains a resource above the selected one.
        try fixture.folder.write("Course/00-start.md", "# Start\n\n- [First](https://example.com/first)\n")
        let foundations = fixture.folder.url("Course/01-foundations.md")
        let text = try String(contentsOfFile: foundations, encoding: .utf8)
            .replacingOccurrences(of: "- [Seeing Theory]", with: "- [New](https://example.com/new) — new\n- [Seeing Theory]")
        try fixture.folder.write("Course/01-foundations.md", text)
        state.receive(.notesReloaded(try reloaded(changedFiles: 2)))
        #expect(state.selectedNode.map { state.index.nodes[$0].topic.id } == topic)
        #expect(state.selectedResource?.id == resource)
        #expect(state.focus == .detail)
        #expect(state.index.tree.resources.values.contains { $0.title == "First" })
        #expect(state.message?.text == "reloaded 2 files")
    }

    @Test func theReaderStaysOnTheSameLineOfTheFile() throws {
        var state = fixture.state(width: 60, height: 20)
        try select("Foundations", in: &state)
        state.press(.enter)
        // To the resource line "Seeing Theory", past the note and the first section.
        while let reader = state.reader, underCursor(reader, state) != "Seeing Theory" {
            let before = reader.cursor
            state.press(.char("j"))
            if state.reader?.cursor == before { break }
        }
        let path = fixture.folder.url("Course/01-foundations.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "Start with", with: "A new paragraph above.\n\nStart with")
        try fixture.folder.write("Course/01-foundations.md", text)
        state.receive(.notesReloaded(try reloaded()))
        let reader = try #require(state.reader)
        #expect(underCursor(reader, state) == "Seeing Theory")
        #expect(state.message?.text == "reloaded 1 file")
    }

    @Test func anAnnotationBeingTypedSurvivesTheReload() throws {
        var state = fixture.state()
        state.press(.tab, .char("a"))
        for character in "half a thought" { state.press(.character(character)) }
        state.receive(.notesReloaded(try reloaded()))
        guard case .editor(let draft) = state.overlay else {
            Issue.record("the editor closed")
            return
        }
        #expect(draft.editor.text == "half a thought")
    }
}

/// What the reader's cursor line would mark, by label (a test's view of where the cursor is).
private func underCursor(_ reader: AppState.Reader, _ state: AppState) -> String? {
    Reducer.markTargets(reader, state: state)?.label
}
