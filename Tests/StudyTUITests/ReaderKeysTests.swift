import StudyCore
import Testing
@testable import StudyTUI

/// The reader's keys act on what the reader shows (issue 11: `l` expanded the hidden tree, and
/// `d` then marked a child the reader did not show), and `?` returns to the reader.
@Suite struct ReaderKeysTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// The reader open on the topic "Foundations" (which has a child, Statistics).
    func readingFoundations() -> (state: AppState, ids: [String]) {
        var state = fixture.state()
        let ids = state.selectedResources.map(\.id)
        state.press(.enter)
        return (state, ids)
    }

    func isReading(_ state: AppState, _ subject: AppState.Reader.Subject) -> Bool {
        if case .reader(let reader) = state.overlay { return reader.subject == subject }
        return false
    }

    @Test func lInATopicsReaderMarksTheTopicLearningTwice() throws {
        var (state, ids) = readingFoundations()
        let node = try #require(state.selectedNode)
        #expect(ids.count == 4)
        #expect(state.press(.char("l")) == [.setStatus(.learning, resourceIDs: ids, label: "Foundations")])
        #expect(isReading(state, .topic(node)), "the reader stays open")
        #expect(state.visible.count == 4, "the tree behind it did not expand")
        #expect(state.press(.char("l")) == [.setStatus(.learning, resourceIDs: ids, label: "Foundations")],
                "a second l marks the same topic, not its first child")
        #expect(state.selectedTitle == "Foundations", "the hidden cursor did not move")
    }

    @Test func dsrAndSpaceInATopicsReaderMarkWhatItShows() throws {
        var (state, ids) = readingFoundations()
        let node = try #require(state.selectedNode)
        state.press(.char("l"), .char("l"))
        #expect(state.press(.char("d")) == [.setStatus(.done, resourceIDs: ids, label: "Foundations")])
        #expect(state.press(.char("s")) == [.setStatus(.skipped, resourceIDs: ids, label: "Foundations")])
        #expect(state.press(.char("r")) == [.setStatus(.todo, resourceIDs: ids, label: "Foundations")])
        #expect(state.press(.char(" ")) == [.setStatus(.done, resourceIDs: ids, label: "Foundations")])
        #expect(isReading(state, .topic(node)))
    }

    @Test func keysInAResourcesReaderMarkThatResource() throws {
        var state = fixture.state()
        state.press(.tab, .char("j"))
        let resource = try #require(state.selectedResource)
        state.press(.enter)
        #expect(isReading(state, .resource(resource.id)))
        for (key, status) in [("l", Status.learning), ("d", .done), ("s", .skipped), ("r", .todo)] {
            let effects = state.press(.char(Character(key)))
            #expect(effects == [.setStatus(status, resourceIDs: [resource.id], label: resource.title)], "key \(key)")
        }
        #expect(state.press(.char(" ")) == [.setStatus(.todo, resourceIDs: [resource.id], label: resource.title)],
                "Already Read is [x] in the notes: Space toggles it back to todo")
        #expect(isReading(state, .resource(resource.id)))
    }

    @Test func uInTheReaderUndoesAndStaysInTheReader() throws {
        var (state, _) = readingFoundations()
        let node = try #require(state.selectedNode)
        #expect(state.press(.char("u")) == [.undo])
        #expect(isReading(state, .topic(node)))
    }

    @Test func aInTheReaderAnnotatesWhatItShowsAndReturnsToIt() throws {
        var (state, _) = readingFoundations()
        let node = try #require(state.selectedNode)
        state.press(.char("l"), .char("l"))
        state.press(.char("a"))
        guard case .editor(let draft) = state.overlay else { Issue.record("no editor"); return }
        #expect(draft.itemID == state.index.nodes[node].topic.id, "the topic shown, not a child")
        state.press(.char("x"))
        #expect(state.press(.control("s")) == [.saveAnnotation(itemID: draft.itemID, text: "x")])
        #expect(isReading(state, .topic(node)), "saving returns to the reader")
        #expect(state.press(.char("e")) == [.editInEditor(itemID: draft.itemID, title: "Foundations", text: "")])
    }

    @Test func helpFromTheReaderReturnsToItAtTheSameScroll() throws {
        var state = fixture.state(width: 40, height: 12)
        state.press(.enter)
        for _ in 0..<10 { state.press(.char("j")) }
        guard case .reader(let before) = state.overlay else { Issue.record("no reader"); return }
        try #require(before.scroll == 2, "the note is long enough to scroll at 40×12")
        try #require(before.cursor == 10)
        state.press(.char("?"))
        #expect(state.screen.contains("Keys"))
        state.press(.char("j"))
        state.press(.char("x"))
        guard case .reader(let after) = state.overlay else { Issue.record("help closed to the browser"); return }
        #expect(after.subject == before.subject)
        #expect(after.scroll == 2)
        #expect(after.cursor == 10)
    }
}
