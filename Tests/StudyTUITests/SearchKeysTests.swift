import StudyCore
import StudyText
import Testing
@testable import StudyTUI
import TermGrid

/// The search line (`/`) and its filter: typing filters the tree at once to the matches and the
/// topics above them, `Backspace` widens it, `Enter` keeps it, `Esc` takes the cursor and the
/// open topics back to where they were, `n`/`N` go through the matches (wrapping, and saying
/// so), `↑`/`↓` recall this session's queries, and a query with a problem is an error, not a
/// filter. The matching is the core's; these check what the dashboard does with its answer.
@Suite struct SearchKeysTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func searching(_ query: String, in state: inout AppState) {
        state.press(.char("/"))
        for character in query { state.press(.character(character)) }
    }

    func titles(_ state: AppState) -> [String] { state.visible.map { state.index.nodes[$0].topic.title } }

    /// The styles of the cells on the screen's row that shows `text`, from where it starts.
    func styles(of text: String, in state: AppState) -> [CellStyle.Role] {
        let grid = state.renderedGrid
        for y in 0..<grid.height {
            let line = grid.line(y)
            guard let range = line.range(of: text) else { continue }
            let start = DisplayWidth.of(String(line[..<range.lowerBound]))
            return (start..<start + DisplayWidth.of(text)).map { grid[$0, y].style.role }
        }
        return []
    }

    @Test func typingFiltersTheTreeToTheMatchesAndTheTopicsAboveThem() {
        var state = fixture.state()
        #expect(titles(state).contains("Deployment"), "the whole tree at first")
        searching("seeing", in: &state)
        #expect(titles(state) == ["Course", "Foundations", "Statistics"], "the match's topic and its ancestors, opened")
        #expect(state.selectedTitle == "Statistics", "the cursor is on the first match")
        #expect(state.selectedResource?.title == "Seeing Theory")
        #expect(state.screen.contains("1 match"), "the count is in the status row")
        #expect(state.screen.contains("/seeing"))
    }

    /// The rows a search shows are made from its matches, not by a walk of the tree: they are
    /// the rows that walk gives, for every key of several queries (one letter matches most).
    @Test func theSearchRowsAreTheRowsOfTheFilteredTree() {
        for query in ["e", "stat", "de", "in:title course", "zzz"] {
            var state = fixture.state()
            state.press(.char("/"))
            for character in query {
                state.press(.character(character))
                var walked = state
                walked.replaceExpanded(state.expanded)
                #expect(state.visible == walked.visible, "typing \(query)")
                #expect(state.selectedNode == walked.selectedNode)
            }
        }
    }

    /// A letter typed on looks only among the last key's matches, unless the progress changed
    /// meanwhile (another process wrote to the store): then an annotation may match anew.
    @Test func typingOnAfterTheProgressChangedSearchesEverythingAgain() throws {
        var state = fixture.state()
        searching("zebr", in: &state)
        #expect(state.screen.contains("no matches"))
        let id = try #require(state.index.tree.resources.keys.sorted().first)
        var fresh = state.progress
        fresh.annotations[id] = Annotation(itemID: id, text: "zebra crossing", createdAt: .init(milliseconds: 0),
                                           updatedAt: .init(milliseconds: 0))
        state.replace(fresh)
        state.press(.character("a"))
        #expect(state.screen.contains("1 match"), "the annotation written meanwhile matches")
    }

    @Test func backspaceWidensTheFilterAgain() {
        var state = fixture.state()
        searching("statx", in: &state)
        #expect(state.visible.isEmpty, "nothing matches")
        #expect(state.screen.contains("no matches"))
        state.press(.backspace)
        #expect(titles(state).contains("Statistics"))
        #expect(!titles(state).contains("Deployment"))
        #expect(Dashboard.render(state).cursor != nil, "the caret is in the search line")
    }

    @Test func theMatchedTextIsHighlightedInTheTreeAndTheList() {
        var state = fixture.state()
        searching("statis", in: &state)
        #expect(styles(of: "Statistics", in: state).prefix(6).allSatisfy { $0 == .match }, "the matched letters")
        #expect(styles(of: "Statistics", in: state).dropFirst(6).allSatisfy { $0 != .match }, "only those")
        state.press(.escape)
        #expect(!state.renderedGrid.cells.contains { $0.style.role == .match }, "no highlight without a search")
    }

    @Test func enterKeepsTheFilterAndTheStatusRowShowsIt() {
        var state = fixture.state()
        searching("seeing", in: &state)
        state.press(.enter)
        #expect(state.overlay == nil, "back to browsing")
        #expect(titles(state) == ["Course", "Foundations", "Statistics"], "the tree stays filtered")
        #expect(state.message?.text.hasPrefix("/seeing: 1 match") == true)
        state.press(.char("j"))
        #expect(state.screen.contains("/seeing · 1 match"), "the status row keeps the query and the count")
    }

    @Test func escInTheLineRestoresTheCursorAndTheOpenTopics() {
        var state = fixture.state()
        state.press(.char("j"), .char("j"), .char("h"))
        let selected = state.selectedTitle, expanded = state.expanded, rows = state.visible
        searching("kserve", in: &state)
        #expect(state.selectedTitle == "Deployment")
        state.press(.escape)
        #expect(state.overlay == nil)
        #expect(state.search == nil)
        #expect(state.selectedTitle == selected)
        #expect(state.expanded == expanded)
        #expect(state.visible == rows, "every topic is back")
    }

    @Test func escOverAKeptFilterRestoresTheCursorAndTheOpenTopics() {
        var state = fixture.state()
        state.press(.tab, .char("j"))
        let selected = state.selectedResource?.title, expanded = state.expanded, rows = state.visible
        searching("kserve", in: &state)
        state.press(.enter, .char("n"))
        state.press(.escape)
        #expect(state.search == nil, "the filter is cleared")
        #expect(state.visible == rows)
        #expect(state.expanded == expanded)
        #expect(state.focus == .detail)
        #expect(state.selectedResource?.title == selected, "the cursor is back in the list where it was")
        let before = state.visible
        state.press(.escape)
        #expect(state.visible == before, "Esc without a filter does nothing to the tree")
    }

    @Test func nAndNGoThroughTheMatchesAndWrapAroundSayingSo() throws {
        var state = fixture.state()
        searching("serv", in: &state)
        state.press(.enter)
        let search = try #require(state.search)
        let count = search.hits.count
        try #require(count >= 2, "the query matches more than once: \(search.hits)")
        #expect(search.current == 0)
        for number in 1..<count {
            state.press(.char("n"))
            #expect(state.search?.current == number)
            #expect(state.message?.text == "match \(number + 1) of \(count)")
            let hit = search.hits[number]
            if hit.kind == .resource {
                #expect(state.selectedResource?.id == hit.id, "n selects the matching resource")
            } else {
                #expect(state.selectedNode.map { state.index.nodes[$0].topic.id } == hit.id)
            }
        }
        state.press(.char("n"))
        #expect(state.search?.current == 0)
        #expect(state.message?.text == "match 1 of \(count), wrapped to the first")
        state.press(.char("N"))
        #expect(state.search?.current == count - 1)
        #expect(state.message?.text == "match \(count) of \(count), wrapped to the last")
    }

    @Test func aJumpPastTheMatchesShowsWhereItLandsInTheFilteredTree() {
        var state = fixture.state()
        searching("kserve", in: &state)
        state.press(.enter, .char("["))
        #expect(state.selectedResource?.title == "Practice problems without a link", "[ goes on from the match")
        #expect(state.selectedTitle == "Statistics", "its topic is shown in the tree, which stays filtered")
        #expect(titles(state) == ["Course", "Foundations", "Statistics", "Deployment"])
    }

    @Test func slashOverAKeptSearchStartsAgainFromTheWholeTree() {
        var state = fixture.state()
        let rows = state.visible
        searching("kserve", in: &state)
        state.press(.enter, .char("/"))
        #expect(state.visible == rows, "the whole tree, as before the first search")
        #expect(!state.renderedGrid.cells.contains { $0.style.role == .match }, "nothing highlighted")
        state.press(.up)
        #expect(state.search?.text == "kserve", "the kept query is the newest in the history")
        #expect(state.selectedTitle == "Deployment")
    }

    /// The search's table of where resources live agrees with the one answer the rest of the
    /// dashboard uses (a resource listed twice lives where it is listed first).
    @Test func searchPlacesEveryResourceWhereTheTreeDoes() throws {
        let twice = try Fixture(files: Fixture.files.merging(["Course/04-again.md": "# Again\n\n- [KServe](https://kserve.github.io/website/)\n"]) { $1 })
        for model in [fixture.model, twice.model] {
            for id in model.index.tree.resources.keys {
                #expect(model.homeNode(ofResource: id) == model.index.node(ofResource: id), "\(id)")
            }
        }
    }

    @Test func nWithoutASearchSaysHowToSearch() {
        var state = fixture.state()
        let rows = state.visible
        state.press(.char("n"))
        #expect(state.message?.text == "no search: / searches the notes")
        #expect(state.visible == rows)
    }

    /// `in:title` alone, or only spaces, asks for nothing: the whole tree stays, and the line
    /// says what is missing rather than "no matches".
    @Test func aQueryAskingForNothingSaysSoNotNoMatches() {
        for query in ["in:title", "   ", "\"\""] {
            var state = fixture.state()
            searching(query, in: &state)
            #expect(titles(state).contains("Deployment"), "the whole tree for \(query)")
            #expect(!state.screen.contains("no matches"), "\(query): \(state.screen)")
            #expect(state.screen.contains("type a word"), "\(query)")
        }
    }

    @Test func whatTheLineSaysIsShownInIt() {
        var state = fixture.state()
        state.press(.char("/"), .up)
        #expect(state.screen.contains("no earlier searches in this session"), "\(state.screen)")
        state.press(.char("s"))
        #expect(!state.screen.contains("no earlier searches"), "until the next key")
    }

    @Test func upAndDownWalkTheQueriesOfThisSession() {
        var state = fixture.state()
        searching("seeing", in: &state)
        state.press(.enter)
        searching("kserve", in: &state)
        state.press(.enter)
        #expect(state.searchHistory == ["seeing", "kserve"])
        searching("ben", in: &state)
        state.press(.up)
        #expect(state.search?.text == "kserve", "the newest first")
        #expect(state.selectedTitle == "Deployment", "the filter follows the recalled query")
        state.press(.up)
        #expect(state.search?.text == "seeing")
        #expect(state.selectedTitle == "Statistics")
        state.press(.up)
        #expect(state.search?.text == "seeing", "nothing before the first")
        #expect(state.message?.text == "that is the first search of this session")
        state.press(.down, .down)
        #expect(state.search?.text == "ben", "past the newest, what was being typed")
        state.press(.enter)
        #expect(state.searchHistory == ["seeing", "kserve", "ben"])
        searching("", in: &state)
        state.press(.up)
        state.press(.enter)
        #expect(state.searchHistory == ["seeing", "kserve", "ben"], "a query searched again is kept once")
    }

    @Test func aQueryWithAProblemIsAnErrorNotAFilter() throws {
        var state = fixture.state()
        let rows = state.visible
        searching("is:someday", in: &state)
        let problem = try #require(state.search?.problem, "the core finds the problem")
        #expect(state.visible == rows, "no filter")
        #expect(styles(of: String(problem.prefix(12)), in: state).allSatisfy { $0 == .warning },
                "the problem is shown as an error")
        state.press(.enter)
        #expect(state.message?.isError == true, "Enter does not keep it")
        #expect(state.overlay != nil, "the line stays open to fix the query")
    }

    @Test func aTopicWhoseNoteMatchedShowsTheSnippetHighlighted() {
        var state = fixture.state(width: 100, height: 30)
        searching("inference", in: &state)
        #expect(state.selectedTitle == "Statistics")
        let screen = state.screen
        #expect(screen.contains("» "), "a snippet line in the detail pane: \(screen)")
        #expect(styles(of: "inference", in: state).allSatisfy { $0 == .match })
    }

    /// What a search shows from the notes and from the query (snippets, titles, the line, the
    /// status row) reaches the screen with its controls escaped, as the rest of the notes does.
    @Test func snippetsAndTheQueryShowNoControlCharacters() throws {
        let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{07}\u{9b}31m"
        let fixture = try Fixture(files: [
            "Course/README.md": "# Course\n\nIntro.\n",
            "Course/evil.md": "# Evil\n\nProse with wolf \(hostile) inside.\n\n- [Res wolf \(hostile)](https://example.com/e) — wolf \(hostile)\n",
        ])
        var state = fixture.state(width: 100, height: 30)
        searching("wolf", in: &state)
        var screens = [state.screen]
        state.press(.character("\u{1b}"), .enter, .char("j"))
        screens.append(state.screen)
        #expect(screens[0].contains("» "), "a snippet is shown: \(screens[0])")
        for screen in screens {
            #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7f...0x9f).contains($0.value) },
                    "a control character reached the screen: \(screen.debugDescription)")
        }
    }

    @Test func aResourceWhoseAnnotationMatchedShowsThatLine() {
        var state = fixture.state(width: 100, height: 30)
        state.press(.tab)
        guard let id = state.selectedResource?.id else { Issue.record("no resource"); return }
        var progress = LearnerProgress()
        progress.annotations[id] = Annotation(itemID: id, text: "First line.\nThe zebra chapter is best.",
                                              createdAt: Timestamp(milliseconds: 0), updatedAt: Timestamp(milliseconds: 0))
        state.update(progress, for: [id])
        state.press(.tab)
        searching("zebra", in: &state)
        #expect(state.selectedResource?.id == id)
        #expect(state.screen.contains("✎ The zebra chapter is best."), "the annotation's matching line, not its first")
        #expect(styles(of: "zebra", in: state).allSatisfy { $0 == .match })
    }

    /// A matched topic whose sub-topics did not match opens onto them: `▾` never shows nothing.
    @Test func openingAMatchedTopicInTheFilterShowsItsSubTopics() {
        var state = fixture.state()
        searching("foundations", in: &state)
        state.press(.enter)
        #expect(state.selectedTitle == "Foundations")
        #expect(!titles(state).contains("Statistics"), "its sub-topic did not match")
        state.press(.char("l"))
        #expect(titles(state).contains("Statistics"), "opened, it shows what is under it")
        state.press(.char("l"))
        #expect(state.selectedTitle == "Statistics")
        state.press(.escape)
        #expect(titles(state).contains("Deployment"), "Esc still gives the whole tree back")
    }

    /// A paste of 10 KB into the line would search 10,000 times, one query a character (half a
    /// minute before the next key is read): the line takes a query's worth and says where it stopped.
    @Test func aHugePasteStopsAtTheLongestQuery() {
        var state = fixture.state()
        searching("seeing " + String(repeating: "x", count: 10_000), in: &state)
        guard case .search(let line)? = state.overlay else {
            Issue.record("the search line stays open")
            return
        }
        #expect(line.text.count == SearchLine.maximumLength)
        #expect(line.text.hasPrefix("seeing xxx"))
        #expect(state.message?.text == "a search is at most \(SearchLine.maximumLength) characters")
        #expect(state.screen.contains("a search is at most"), "said in the search line, which holds the status row")
        state.press(.backspace, .escape)
        #expect(titles(state).contains("Deployment"))
    }

    /// The highlight lies on the matched text as shown: after wide characters and escaped
    /// controls (each drawn wider than it is), and without changing what it covers.
    @Test func theHighlightCoversTheShownMatchAfterWideAndEscapedCharacters() throws {
        let fixture = try Fixture(files: [
            "Course/README.md": "# Course\n\nIntro.\n",
            "Course/wide.md": "# Wide\n\n- [漢字\u{1b}[2J wolf 👍🏽 end](https://example.com/w) — plain\n",
        ])
        var state = fixture.state(width: 100, height: 30)
        searching("wolf", in: &state)
        #expect(styles(of: "wolf", in: state).allSatisfy { $0 == .match })
        #expect(styles(of: "wolf", in: state).count == 4)
        #expect(styles(of: "J wolf", in: state).first != .match, "not shifted left")
        #expect(styles(of: "wolf 👍", in: state).last != .match, "not shifted right")
        state.press(.escape)
        searching("👍", in: &state)
        #expect(state.screen.contains("wolf 👍🏽 end"), "the emoji keeps its skin tone: \(state.screen)")
        #expect(styles(of: "👍🏽", in: state).allSatisfy { $0 == .match })
    }

    /// In the reader too the highlight lies on the match as drawn, after escaped controls and
    /// wide characters.
    @Test func theReadersHighlightCoversTheShownMatch() throws {
        let fixture = try Fixture(files: [
            "Course/README.md": "# Course\n\nIntro.\n",
            "Course/wide.md": "# Wide\n\nA \u{1b}[2J\u{07} 漢字 wolf 👍🏽 end.\n",
        ])
        var state = fixture.state(width: 100, height: 30)
        state.press(.char("j"), .enter)
        state.press(.char("/"))
        for character in "wolf" { state.press(.character(character)) }
        state.press(.enter)
        // The header row shows the query too; the note's line is the one with the emoji.
        let line = styles(of: "字 wolf 👍🏽", in: state)
        #expect(line.count == 10)
        #expect(line.prefix(3).allSatisfy { $0 != .match }, "not shifted right")
        #expect(line.dropFirst(3).prefix(4).allSatisfy { $0 == .match }, "\(line)")
        #expect(line.dropFirst(7).allSatisfy { $0 != .match }, "not shifted left")
        state.press(.char("/"), .character("👍"), .enter)
        #expect(state.screen.contains("wolf 👍🏽 end."), "the emoji keeps its skin tone: \(state.screen)")
    }

    /// An annotation changed while a search is kept shows as it now is, not as the search
    /// found it; the tree keeps its rows (nothing vanishes under the cursor).
    @Test func anAnnotationChangedUnderAKeptSearchShowsItsNewText() {
        var state = fixture.state(width: 100, height: 30)
        state.press(.tab)
        guard let id = state.selectedResource?.id else { Issue.record("no resource"); return }
        func annotate(_ text: String) {
            var progress = LearnerProgress()
            progress.annotations[id] = Annotation(itemID: id, text: text, createdAt: Timestamp(milliseconds: 0),
                                                  updatedAt: Timestamp(milliseconds: 1))
            state.update(progress, for: [id])
        }
        annotate("First line.\nThe zebra chapter is best.")
        state.press(.tab)
        searching("zebra", in: &state)
        state.press(.enter)
        let rows = state.visible
        #expect(state.screen.contains("✎ The zebra chapter is best."))
        annotate("Lions, now.")
        #expect(!state.screen.contains("zebra chapter"), "the old text is gone: \(state.screen)")
        #expect(state.screen.contains("✎ Lions, now."))
        #expect(state.visible == rows, "the tree keeps its rows")
        #expect(state.selectedResource?.id == id)
    }
}
