import StudyCore
import Testing
@testable import StudyTUI

/// Every default key: state + key → state and effects, with no terminal involved.
@Suite struct ReducerTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// The browser on "Foundations", its resources listed.
    var onFoundations: AppState { fixture.state() }

    @Test func opensOnTheFirstArea() {
        let state = fixture.state()
        #expect(state.selectedTitle == "Foundations")
        #expect(state.screen.contains("Foundations"))
        #expect(state.screen.contains("Deployment"))
    }

    @Test func jkAndArrowsMoveInTheFocusedPane() {
        var state = fixture.state()
        state.press(.char("j"))
        #expect(state.selectedTitle == "Deployment")
        state.press(.down)
        #expect(state.selectedTitle == "日本語のノート 🎉")
        state.press(.char("k"), .up)
        #expect(state.selectedTitle == "Foundations")
        state.press(.up, .up, .up)
        #expect(state.selectedTitle == "Course", "stops at the top")
        state = onFoundations
        state.press(.tab, .char("j"))
        #expect(state.selectedResource?.title == "Already Read")
        state.press(.down, .down, .down)
        #expect(state.selectedResource?.title == "Practice problems without a link",
                "the list holds the sub-topics' resources too, and stops at the last")
        state.press(.up)
        #expect(state.selectedResource?.title == "Seeing Theory")
        #expect(state.selectedTitle == "Foundations", "the tree cursor stays")
    }

    @Test func hlAndArrowsCollapseExpandAndGoToParentOrChild() {
        var state = fixture.state()
        #expect(state.visible.count == 4)
        state.press(.char("l"))
        #expect(state.visible.count == 5, "Foundations opened, showing Statistics")
        state.press(.char("l"))
        #expect(state.selectedTitle == "Statistics", "l on an open topic goes to its child")
        state.press(.char("h"))
        #expect(state.selectedTitle == "Foundations", "h on a leaf goes to the parent")
        state.press(.left)
        #expect(state.visible.count == 4, "h on an open topic collapses it")
        #expect(state.selectedTitle == "Foundations")
        state.press(.right, .right)
        #expect(state.selectedTitle == "Statistics")
        state.press(.right)
        #expect(state.focus == .detail, "→ on a leaf with resources moves into its list")
        state.press(.left)
        #expect(state.focus == .tree, "← in the list goes back to the tree")
    }

    @Test func enterOpensTheNoteOrTheResourceAndQGoesBack() {
        var state = onFoundations
        state.press(.enter)
        guard case .reader(let reader) = state.overlay else { Issue.record("no reader"); return }
        #expect(reader.subject == .topic(state.selectedNode ?? -1))
        #expect(state.screen.contains("Start with the basics"))
        state.press(.char("q"))
        #expect(state.overlay == nil)
        state.press(.tab, .enter)
        guard case .reader(let detail) = state.overlay else { Issue.record("no resource reader"); return }
        #expect(detail.subject == .resource(state.selectedResource?.id ?? ""))
        #expect(state.screen.contains("https://example.com/dmls"))
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func tabAndShiftTabSwitchPanes() {
        var state = onFoundations
        state.press(.tab)
        #expect(state.focus == .detail)
        state.press(.tab)
        #expect(state.focus == .tree)
        state.press(.backTab)
        #expect(state.focus == .detail)
        state.press(.backTab)
        #expect(state.focus == .tree)
    }

    @Test func jumpsGoToEndsAndByPages() {
        var state = fixture.state(width: 80, height: 24)
        state.press(.char("G"))
        #expect(state.treeCursor == state.visible.count - 1)
        state.press(.char("g"))
        #expect(state.treeCursor == 0)
        state.press(.end)
        #expect(state.treeCursor == state.visible.count - 1)
        state.press(.home)
        #expect(state.treeCursor == 0)
        state.press(.pageDown)
        #expect(state.treeCursor == state.visible.count - 1, "a page is longer than this tree")
        state.press(.pageUp)
        #expect(state.treeCursor == 0)
        state.press(.control("d"))
        #expect(state.treeCursor == state.visible.count - 1)
        state.press(.control("u"))
        #expect(state.treeCursor == 0)
        // In a long tree a page moves by the pane's height and keeps the cursor on screen.
        let long = try? Fixture(files: ["Course/README.md": "# Course\n"].merging(
            (1...60).map { ("Course/t\($0).md", "# Topic \($0)\n\n- [R](https://example.com/\($0))\n") },
            uniquingKeysWith: { a, _ in a }))
        guard let long else { Issue.record("fixture"); return }
        var big = long.state(width: 80, height: 24)
        big.press(.pageDown)
        #expect(big.treeCursor == 1 + 22)
        #expect(big.treeScroll > 0)
        big.press(.control("u"))
        #expect(big.treeCursor == 1 + 22 - 11)
    }

    @Test func spaceTogglesBetweenTodoAndDone() {
        var state = onFoundations
        state.press(.tab)
        let id = state.selectedResource?.id ?? ""
        let effects126 = state.press(.char(" "))
        #expect(effects126 == [.setStatus(.done, resourceIDs: [id], label: "Designing ML Systems")])
        state.update(LearnerProgress(statuses: [id: .done]), for: [id])
        let effects129 = state.press(.char(" "))
        #expect(effects129 == [.setStatus(.todo, resourceIDs: [id], label: "Designing ML Systems")])
    }

    @Test func dlsrMarkTheResourceOrEveryResourceUnderTheTopic() {
        var state = onFoundations
        state.press(.tab)
        let id = state.selectedResource?.id ?? ""
        let effects137 = state.press(.char("d"))
        #expect(effects137 == [.setStatus(.done, resourceIDs: [id], label: "Designing ML Systems")])
        let effects139 = state.press(.char("l"))
        #expect(effects139 == [.setStatus(.learning, resourceIDs: [id], label: "Designing ML Systems")])
        let effects141 = state.press(.char("s"))
        #expect(effects141 == [.setStatus(.skipped, resourceIDs: [id], label: "Designing ML Systems")])
        let effects143 = state.press(.char("r"))
        #expect(effects143 == [.setStatus(.todo, resourceIDs: [id], label: "Designing ML Systems")])
        state.press(.tab)
        guard case .setStatus(.done, let ids, "Foundations")? = state.press(.char("d")).first else {
            Issue.record("d in the tree marks the topic"); return
        }
        #expect(ids.count == 4, "Foundations and Statistics list four resources")
        let closed = state.visible.count
        let effects150 = state.press(.char("l"))
        #expect(effects150.isEmpty, "l in the tree expands instead")
        #expect(state.visible.count == closed + 1, "Foundations opened, showing Statistics")
        #expect(state.selectedTitle == "Foundations")
    }

    @Test func barsFollowTheProgress() throws {
        var state = onFoundations
        let node = try #require(state.selectedNode)
        #expect(state.tally(of: node).done == 1, "the [x] in the notes counts")
        #expect(state.tally(of: node).total == 4, "Foundations and Statistics list four resources")
        let ids = state.selectedResources.map(\.id)
        try #require(ids.count == 4, "the list matches the bar: Foundations and Statistics")
        state.update(LearnerProgress(statuses: [ids[0]: .done]), for: ids)
        #expect(state.tally(of: node).done == 2)
        #expect(state.screen.contains("2/4"))
        state.update(LearnerProgress(statuses: [ids[0]: .done, ids[1]: .skipped]), for: ids)
        #expect(state.tally(of: node).counted == 3, "skipped resources do not count")
        #expect(state.screen.contains("1/3"))
    }

    @Test func uUndoes() {
        var state = onFoundations
        let effects167 = state.press(.char("u"))
        #expect(effects167 == [.undo])
    }

    @Test func aOpensTheEditorAndCtrlSSavesEscCancels() {
        var state = onFoundations
        state.press(.tab, .char("a"))
        guard case .editor = state.overlay else { Issue.record("no editor"); return }
        #expect(state.screen.contains("Ctrl-S save · Esc cancel"))
        state.press(.char("H"), .char("i"), .enter, .char("漢"))
        let id = state.selectedResource?.id ?? ""
        let effects178 = state.press(.control("s"))
        #expect(effects178 == [.saveAnnotation(itemID: id, text: "Hi\n漢")])
        #expect(state.overlay == nil)
        state.press(.char("a"), .char("x"), .escape, .char("y"))
        #expect(state.overlay == nil)
        #expect(state.message?.text == "annotation discarded")
        // The tree's `a` annotates the topic; saving it empty deletes it.
        state.press(.tab)
        let topic = state.index.nodes[state.selectedNode ?? 0].topic.id
        state.update(LearnerProgress(annotations: [topic: Annotation(itemID: topic, text: "ab", createdAt: Timestamp(milliseconds: 1), updatedAt: Timestamp(milliseconds: 1))]), for: [topic])
        state.press(.char("a"), .backspace, .backspace)
        let effects189 = state.press(.control("s"))
        #expect(effects189 == [.saveAnnotation(itemID: topic, text: nil)])
        // Keys that mean something in the browser are text in the editor.
        state.press(.char("a"), .char("q"), .char("d"), .char("u"))
        guard case .editor(let draft) = state.overlay else { Issue.record("q closed the editor"); return }
        #expect(draft.editor.text == "abqdu", "the editor opens on the saved text")
    }

    @Test func eEditsInTheEditor() {
        var state = onFoundations
        state.press(.tab)
        let id = state.selectedResource?.id ?? ""
        let effects201 = state.press(.char("e"))
        #expect(effects201 == [.editInEditor(itemID: id, title: "Designing ML Systems", text: "")])
    }

    @Test func oOpensOnlySafeLinksAndSaysWhich() {
        var state = onFoundations
        let effects207 = state.press(.char("o"))
        #expect(effects207.isEmpty, "the tree has no resource selected")
        state.press(.tab)
        let effects210 = state.press(.char("o"))
        #expect(effects210 == [.openLink("https://example.com/dmls")])
        #expect(state.message?.text == "opening https://example.com/dmls", "the URL is shown first")
        let refused = state.press(.char("3"))
        #expect(refused.isEmpty, "the note's javascript: link is not opened")
        #expect(state.message?.isError == true)
        state.press(.tab, .char("l"), .char("j"), .tab, .char("j"))
        #expect(state.selectedResource?.title == "Practice problems without a link")
        let none = state.press(.char("o"))
        #expect(none.isEmpty)
        #expect(state.message?.text == "'Practice problems without a link' has no link")
        #expect(LinkPolicy.refusal("file:///tmp/x.html") == nil)
        #expect(LinkPolicy.refusal("HTTPS://EXAMPLE.COM") == nil)
        #expect(LinkPolicy.refusal("ftp://example.com") != nil)
        #expect(LinkPolicy.refusal("example.com/page") != nil)
        #expect(LinkPolicy.refusal("https://x.com/a b") != nil, "no spaces that a shell could split")
    }

    @Test func digitsOpenTheNumberedLinksOfTheNote() {
        var state = onFoundations
        let effects227 = state.press(.char("1"))
        #expect(effects227 == [.openLink("https://example.com/course")])
        let effects229 = state.press(.char("2"))
        #expect(effects229 == [.openLink("https://example.com/second")])
        let effects231 = state.press(.char("4"))
        #expect(effects231.isEmpty)
        #expect(state.message?.text == "this note has links 1–3 only")
        let one = try? Fixture(files: ["Course/README.md": "# Course\n", "Course/a.md": "# A\n\nSee [one](https://example.com/1).\n"])
        var single = one?.state()
        single?.press(.char("2"))
        #expect(single?.message?.text == "this note has one link only: 1", "not 'links 1–1'")
        state.press(.enter)
        #expect(state.screen.contains("[1]"), "the reader numbers links in the text")
        let effects236 = state.press(.char("2"))
        #expect(effects236 == [.openLink("https://example.com/second")])
    }

    @Test func yCopiesTheLink() {
        var state = onFoundations
        state.press(.tab)
        let effects243 = state.press(.char("y"))
        #expect(effects243 == [.copy("https://example.com/dmls")])
        #expect(state.message?.text == "copied https://example.com/dmls")
    }

    @Test func questionMarkShowsHelpAndAnyKeyClosesIt() {
        var state = onFoundations
        state.press(.char("?"))
        guard case .help = state.overlay else { Issue.record("no help"); return }
        #expect(state.screen.contains("undo the last change"))
        state.press(.char("x"))
        #expect(state.overlay == nil)
        #expect(state.selectedTitle == "Foundations", "the closing key does nothing else")
    }

    @Test func qQuitsFromTheBrowser() {
        var state = onFoundations
        let effects260 = state.press(.char("q"))
        #expect(effects260 == [.quit])
    }

    @Test func resizeKeepsTheCursorVisible() {
        var state = fixture.state(width: 120, height: 40)
        state.press(.char("G"))
        state.send(.resize(width: 40, height: 12))
        #expect(state.width == 40 && state.height == 12)
        #expect(state.screen.contains("日本語"), "the selected row is still on screen")
        state.send(.resize(width: 20, height: 5))
        #expect(state.screen.contains("small"))
    }
}
