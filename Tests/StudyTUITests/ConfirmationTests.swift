import StudyCore
import Testing
@testable import StudyTUI

/// Questions in the status row before a key changes many resources at once or throws typing
/// away, each answered by the next key: `y` goes ahead, anything else cancels.
@Suite struct ConfirmationTests {
    /// An area of twelve resources (over the default threshold of ten) with a small topic of two.
    static let bigArea: [String: String] = [
        "Course/README.md": "# Course\n",
        "Course/01-area.md": "# Area\n\n" + (1...10).map { "- [R\($0)](https://example.com/\($0))\n" }.joined()
            + "\n## Small\n\n- [S1](https://example.com/s1)\n- [S2](https://example.com/s2)\n",
    ]

    @Test func dOnAnAreaOverTheThresholdAsksFirstAndYDoesIt() throws {
        let fixture = try Fixture(files: Self.bigArea)
        var state = fixture.state()
        #expect(state.selectedTitle == "Area")
        let ids = state.selectedResources.map(\.id)
        try #require(ids.count == 12)
        #expect(state.press(.char("d")).isEmpty, "nothing is marked before the answer")
        #expect(state.screen.contains("mark 12 resources done? (y/n)"))
        #expect(state.press(.char("y")) == [.setStatus(.done, resourceIDs: ids, label: "Area")])
        #expect(!state.screen.contains("(y/n)"))
    }

    @Test func anyOtherKeyCancelsWithAMessage() throws {
        let fixture = try Fixture(files: Self.bigArea)
        var state = fixture.state()
        state.press(.char(" "))
        #expect(state.screen.contains("mark 12 resources done? (y/n)"), "Space asks too")
        #expect(state.press(.char("j")).isEmpty)
        #expect(state.selectedTitle == "Area", "the answering key does nothing else")
        #expect(state.message?.text == "cancelled: nothing marked")
        state.press(.char("s"))
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.screen.contains("cancelled: nothing marked"))
    }

    @Test func aSmallTopicOrOneResourceIsMarkedAtOnce() throws {
        let fixture = try Fixture(files: Self.bigArea)
        var state = fixture.state()
        state.press(.char("l"), .char("l"))
        #expect(state.selectedTitle == "Small")
        guard case .setStatus(.done, let ids, "Small")? = state.press(.char("d")).first else {
            Issue.record("two resources are marked without a question"); return
        }
        #expect(ids.count == 2)
        state.press(.char("h"), .tab)
        #expect(state.press(.char("d")).count == 1, "one resource in the list: no question")
    }

    @Test func theReaderAsksToo() throws {
        let fixture = try Fixture(files: Self.bigArea)
        var state = fixture.state()
        state.press(.enter, .char("l"))
        #expect(state.screen.contains("mark 12 resources learning? (y/n)"))
        #expect(state.press(.char("y")).count == 1)
        guard case .reader = state.overlay else { Issue.record("the answer closed the reader"); return }
    }

    // MARK: The annotation editor

    @Test func escWithoutChangesJustCloses() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.tab, .char("a"), .escape)
        #expect(state.overlay == nil)
        #expect(state.message?.text == "annotation unchanged")
        state.press(.char("a"), .char("x"), .backspace, .escape)
        #expect(state.overlay == nil, "typed and deleted again: nothing to lose")
    }

    @Test func escWithChangesAsksAndNKeepsTheText() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.tab, .char("a"), .char("H"), .char("i"))
        #expect(state.press(.escape).isEmpty)
        #expect(state.screen.contains("discard changes? (y/n)"))
        guard case .editor = state.overlay else { Issue.record("Esc threw the text away"); return }
        state.press(.char("n"))
        guard case .editor(let draft) = state.overlay else { Issue.record("n closed the editor"); return }
        #expect(draft.editor.text == "Hi", "the answer is not typed into the text")
        state.press(.char("!"), .escape, .char("y"))
        #expect(state.overlay == nil)
        #expect(state.message?.text == "annotation discarded")
    }

    @Test func ctrlCInTheEditorAsksBeforeQuitting() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.tab, .char("a"))
        #expect(!Reducer.wantsInterrupt(state), "nothing typed: Ctrl-C may quit at once")
        state.press(.char("x"))
        #expect(Reducer.wantsInterrupt(state), "unsaved text: Ctrl-C must reach the editor")
        #expect(state.send(.interrupt).isEmpty)
        #expect(state.screen.contains("discard changes? (y/n)"))
        #expect(!Reducer.wantsInterrupt(state), "a second Ctrl-C at the question quits")
        state.press(.char("n"))
        guard case .editor(let draft) = state.overlay else { Issue.record("the editor closed"); return }
        #expect(draft.editor.text == "x")
    }

    @Test func ctrlSRefusesATextOverTheLimitAndKeepsIt() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.tab, .char("a"))
        guard case .editor(var draft) = state.overlay else { Issue.record("no editor"); return }
        draft.editor = TextEditor(text: String(repeating: "x", count: AnnotationLimit.bytes + 1))
        state.overlay = .editor(draft)
        #expect(state.press(.control("s")).isEmpty, "nothing is saved")
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("limited to 1 MB") == true)
        guard case .editor(let kept) = state.overlay else { Issue.record("the text was lost"); return }
        #expect(kept.editor.text.utf8.count == AnnotationLimit.bytes + 1)
    }
}
