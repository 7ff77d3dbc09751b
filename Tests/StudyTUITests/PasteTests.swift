import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// A bracketed paste is one insert into the text being typed, never keys: the annotation editor
/// keeps its line breaks, a search line turns them into spaces and keeps to its 200 characters,
/// and where nothing is typed a paste does nothing at all.
@Suite struct PasteTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    @Test func aPasteInTheEditorIsOneInsertWithItsLines() throws {
        var state = fixture.state()
        state.press(.char("a"))
        state.send(.paste("first line\nq then Esc\nthird"))
        guard case .editor(let draft) = state.overlay else { Issue.record("the paste closed the editor"); return }
        #expect(draft.editor.text == "first line\nq then Esc\nthird")
        #expect(draft.editor.cursor.line == 2, "the cursor is after the paste")
    }

    @Test func aPasteInTheSearchLineIsOneQueryOnOneLine() throws {
        var state = fixture.state()
        state.press(.char("/"))
        state.send(.paste("seeing\ntheory"))
        guard case .search(let line) = state.overlay else { Issue.record("the search line closed"); return }
        #expect(line.text == "seeing theory")
        #expect(state.screen.contains("1 match"), "the tree is filtered at once:\n\(state.screen)")
    }

    @Test func aLongPasteIsCutToTheSearchLimitAndSaysSo() throws {
        var state = fixture.state()
        state.press(.char("/"), .char("a"))
        state.send(.paste(String(repeating: "x", count: 500)))
        guard case .search(let line) = state.overlay else { Issue.record("the search line closed"); return }
        #expect(line.text.count == SearchLine.maximumLength)
        #expect(state.message?.text == "a search is at most \(SearchLine.maximumLength) characters")
    }

    @Test func aPasteInTheReadersSearchFindsItsFirstMatch() throws {
        var state = fixture.state()
        state.reveal(try #require(state.index.nodes.firstIndex { $0.topic.title == "Foundations" }))
        state.press(.enter, .char("/"))
        state.send(.paste("inference\n"))
        let reader = try #require(state.reader)
        #expect(reader.search?.line.text == "inference ")
        #expect(reader.search?.typing == true, "a pasted line break is no Enter")
        #expect(ReaderView.document(reader, state: state).lines[reader.cursor].text.contains("inference"))
    }

    @Test func aPasteWhereNothingIsTypedTriggersNoKey() throws {
        var state = fixture.state()
        state.press(.char("j"))
        let before = state.treeCursor
        #expect(state.send(.paste("jjdq")).isEmpty, "no mark, no quit")
        #expect(state.treeCursor == before)
        state.bulkMarkThreshold = 0
        state.press(.char("d"))
        #expect(state.pending != nil)
        #expect(state.send(.paste("y")).isEmpty, "a pasted y is no answer")
        #expect(state.pending != nil)
    }
}
