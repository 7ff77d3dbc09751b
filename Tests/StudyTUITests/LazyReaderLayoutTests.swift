import StudyContent
import StudyCore
import StudyText
import Testing
@testable import StudyTUI
import TermGrid

/// The whole-file reader lays a long file out lazily (issue 17: a 3.2 MB note opens as fast as
/// its first screen): whatever order the lines are read in, they, their places, the sections and
/// the link numbers are exactly those of the document laid out whole, and the end, a search far
/// down and a resize still find what they found.
@Suite struct LazyReaderLayoutTests {
    static let parts = 40

    /// A long file: every part has a heading, a paragraph long enough to wrap with two links
    /// (one a wikilink) whose `[N]` grows from one digit to three, a table, a code block, a
    /// quote and a resource.
    static var long: String { long(parts: parts) }

    static func long(parts: Int) -> String {
        var text = "# Long\n\nThe introduction, with [a first link](https://example.com/intro).\n"
        for part in 1...parts {
            text += """

                ## Part \(part)

                Paragraph \(part) says enough to wrap at any width the tests use: it has \
                [the part's link](https://example.com/\(part)), **bold words**, `some code` and \
                a wikilink [[Elsewhere \(part)]] before its end.

                | Column | Part |
                |--------|------|
                | cell   | \(part) |

                ```
                let part = \(part)
                ```

                > A quote of part \(part).

                - [Resource \(part)](https://example.com/r/\(part)) — its description

                """
        }
        return text + "\n## The end\n\nThe word zanzibar is only here.\n"
    }

    let fixture: Fixture
    init() throws { fixture = try Fixture(files: ["Course/long.md": Self.long]) }

    var root: Int { fixture.model.index.nodes.firstIndex { $0.topic.title == "Long" } ?? -1 }

    /// A fresh document (not the reader's cache), nothing of it laid out yet; `keeping` 40
    /// lines in memory, so that reading it lays most steps out again.
    func fresh(width: Int, keeping: Int = 40) -> ReaderDocument {
        ReaderDocument.make(root: root, state: fixture.state(width: width + 2), width: width, keeping: keeping)
    }

    /// A document laid out whole before anything else reads it, every line kept.
    func whole(width: Int) -> ReaderDocument {
        let document = fresh(width: width, keeping: Int.max)
        _ = document.lines.count
        return document
    }

    func expectSame(_ lazy: ReaderDocument, _ whole: ReaderDocument, _ how: String) {
        #expect(Array(lazy.lines) == Array(whole.lines), "lines, \(how)")
        #expect(Array(lazy.places) == Array(whole.places), "places, \(how)")
        #expect(lazy.sections == whole.sections, "sections, \(how)")
        #expect(lazy.links == whole.links, "links, \(how)")
    }

    @Test(arguments: [20, 37, 78, 118])
    func readInAnyOrderItIsTheDocumentLaidOutWhole(width: Int) {
        let whole = whole(width: width)
        let count = whole.lines.count
        #expect(count > 400, "long enough to lay out in many steps")

        let downward = fresh(width: width)
        for line in stride(from: 0, to: count, by: 5) { #expect(downward.place(at: line) == whole.places[line]) }
        expectSame(downward, whole, "read from the top down at \(width)")

        let farFirst = fresh(width: width)
        #expect(farFirst.lines[count - 3] == whole.lines[count - 3])
        expectSame(farFirst, whole, "the end read first at \(width)")

        let byLinks = fresh(width: width)
        #expect(byLinks.link(60) == whole.links[59])
        #expect(byLinks.link(whole.links.count + 1) == nil)
        expectSame(byLinks, whole, "a link far down read first at \(width)")

        let bySections = fresh(width: width)
        var line = 0
        var visited: [ReaderDocument.Section] = []
        while let next = bySections.section(after: line) {
            visited.append(next)
            line = next.line
        }
        #expect(visited == Array(whole.sections.dropFirst()), "J over every heading")
        #expect(bySections.line(ofSection: whole.sections[20].node) == whole.sections[20].line)
        expectSame(bySections, whole, "from heading to heading at \(width)")

        let upward = fresh(width: width)
        for line in (0..<count).reversed() { #expect(upward.lines[line] == whole.lines[line]) }
        #expect(upward.keptLines <= 40 + 30, "a step over its 40 lines at most")
        expectSame(upward, whole, "read from the end up at \(width)")
    }

    @Test func linkNumbersRunOnAcrossTheWholeFileAsTheTextShowsThem() throws {
        let document = whole(width: 78)
        let links = document.links
        // The introduction's link, then each part's two: the part's link and its wikilink.
        #expect(links.count == 1 + 2 * Self.parts)
        #expect(links.first?.written == "https://example.com/intro")
        for part in 1...Self.parts {
            #expect(links[2 * part - 1].written == "https://example.com/\(part)")
            #expect(links[2 * part].written == "[[Elsewhere \(part)]]")
        }
        // The number drawn after each link is its place in the list, into three digits.
        let lazy = fresh(width: 78)
        let last = try #require(lazy.lines.firstIndex { $0.text.contains("wikilink Elsewhere \(Self.parts)") || $0.text.contains("Elsewhere \(Self.parts)[") })
        #expect(lazy.lines[last].text.contains("[\(2 * Self.parts + 1)]"))
        let first = try #require(lazy.lines.firstIndex { $0.text.contains("a first link") })
        #expect(lazy.lines[first].text.contains("[1]"))
    }

    /// The document keeps each run of one style as one span: every line draws exactly as the
    /// renderer's, at any width it is clipped to, and every link keeps its spans.
    @Test func compactLinesDrawAsTheRenderedOnes() {
        let wide = "Wide 日本語 text, e\u{301}te\u{301} and 👍🏽 with [a link](https://example.com/x) and `code` **bold**"
        let rendered = NoteRenderer.render(Self.long + "\n" + wide, width: 37).lines
            + [StyledLine([StyledSpan("e"), StyledSpan("\u{301}"), StyledSpan(" x"), StyledSpan("日"), StyledSpan("本")])]
        for line in rendered {
            let compact = DocumentLayout.compact(line)
            #expect(compact.text == line.text)
            #expect(compact.spans.filter { $0.style.contains(.link) } == line.spans.filter { $0.style.contains(.link) })
            for width in [3, 12, 40] {
                var drawn = Grid(width: 40, height: 1)
                var drawnCompact = Grid(width: 40, height: 1)
                Drawing.put(line, into: &drawn, x: 0, y: 0, width: width)
                Drawing.put(compact, into: &drawnCompact, x: 0, y: 0, width: width)
                #expect(drawn.cells == drawnCompact.cells, "\(line.text) at \(width)")
            }
        }
        let words = StyledLine([StyledSpan("one"), StyledSpan(" "), StyledSpan("two"), StyledSpan("[1]", [.link, .dim])])
        #expect(DocumentLayout.compact(words).spans.count == 2, "the words as one span, the link's number apart")
    }

    /// The document is kept in the model's caches, so it holds nothing that holds them: a reload
    /// with a reader open would keep every old model alive.
    @Test func aReaderDocumentKeepsNoModelAlive() throws {
        weak var caches: DashboardCaches?
        do {
            let fixture = try Fixture(files: ["Course/long.md": Self.long])
            var state = fixture.state()
            state.reveal(fixture.model.index.nodes.firstIndex { $0.topic.title == "Long" } ?? -1)
            state.press(.enter, .pageDown, .char("G"))
            #expect(state.screen.contains("100%"))
            caches = fixture.model.caches
        }
        #expect(caches == nil)
    }

    // MARK: The reader on the long file

    func reading(width: Int = 80, height: Int = 24) -> AppState {
        var state = fixture.state(width: width, height: height)
        state.reveal(root)
        state.press(.enter)
        return state
    }

    func reader(_ state: AppState) -> AppState.Reader? {
        if case .reader(let reader) = state.overlay { return reader }
        return nil
    }

    func cursorText(_ state: AppState) -> String? {
        guard let reader = reader(state) else { return nil }
        return ReaderView.document(reader, state: state).lines[reader.cursor].text
    }

    @Test func openingAndPagingLayOutOnlyTheTopAndGGoesToTheVeryEnd() throws {
        var state = reading()
        let document = try #require(reader(state).map { ReaderView.document($0, state: state) })
        let total = whole(width: 78).lines.count
        #expect(document.laidOutLines < total / 4, "the first screen lays out the top only")
        #expect(state.screen.contains(" 0%"))
        state.press(.pageDown, .pageDown)
        #expect(document.laidOutLines < total / 4, "paging near the top lays out no further than it reaches")
        state.press(.char("G"))
        #expect(reader(state)?.cursor == total - 1)
        #expect(cursorText(state)?.contains("zanzibar") == true)
        #expect(state.screen.contains("100%"))
        state.press(.char("g"))
        #expect(reader(state)?.cursor == 0)
    }

    @Test func aSearchFindsALineFarDownAndNGoesOn() throws {
        var state = reading()
        state.press(.char("/"))
        for character in "zanzibar" { state.press(.character(character)) }
        #expect(cursorText(state)?.contains("zanzibar") == true)
        #expect(state.screen.contains("1 line"))
        state.press(.escape, .char("/"))
        for character in "\"part 33\"" { state.press(.character(character)) }
        #expect(cursorText(state) == "## Part 33")
        state.press(.enter, .char("n"))
        #expect(cursorText(state)?.contains("A quote of part 33.") == true, "n goes on to the next line that says it")
    }

    @Test func aResizeKeepsTheCursorLineOnItsSectionLaidOutAgain() throws {
        var state = reading(width: 100, height: 30)
        for _ in 0..<25 { state.press(.char("J")) }
        let before = try #require(cursorText(state))
        #expect(before.contains("Part 25"))
        state.send(.resize(width: 44, height: 20))
        #expect(cursorText(state) == before, "the same heading under the cursor")
        let narrow = whole(width: 42)
        #expect(reader(state)?.cursor == narrow.line(ofSection: narrow.sections[25].node))
        state.send(.resize(width: 100, height: 30))
        #expect(cursorText(state) == before)
    }

    @Test func theContentsListEveryHeadingWithoutLayingOutAndEnterGoesThere() throws {
        var state = reading()
        state.press(.char("t"))
        guard case .contents(let panel) = state.overlay else {
            Issue.record("t opens the contents")
            return
        }
        let document = ReaderView.document(panel.under, state: state)
        #expect(document.headings.count == Self.parts + 2)
        #expect(document.laidOutLines < whole(width: 78).lines.count / 4, "the box needs only the headings")
        for _ in 0..<(Self.parts + 1) { state.press(.char("j")) }
        state.press(.enter)
        #expect(cursorText(state)?.contains("The end") == true)
    }

    // MARK: Knowing less than the whole (PgDn and the first search key on a long file)

    /// The reader header's figure after the path (the row below the top bar): `~42%` or `42%`.
    func percentShown(_ state: AppState) -> String? {
        let rows = state.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let header = rows.count > 1 ? String(rows[1]) : ""
        return header.split(separator: " ").last.map(String.init)
    }

    @Test func thePercentageIsTheSourcesShareUntilTheEndIsLaidOutThenExact() {
        let whole = whole(width: 78)
        let last = whole.lines.count - 1
        let lazy = fresh(width: 78, keeping: Int.max)
        for line in [last / 6, last / 4, last / 3] {
            _ = lazy.lines[line]
            let early = lazy.percent(at: line)
            #expect(!early.exact && !lazy.isComplete, "most of the file below line \(line) is not laid out")
            #expect(abs(early.value - line * 100 / last) <= 8, "an honest approximation at \(line): \(early.value)%")
        }
        _ = lazy.lines.count
        for line in [0, last / 5, last / 3, last / 2, last] {
            #expect(lazy.percent(at: line).exact)
            #expect(lazy.percent(at: line).value == whole.percent(at: line).value)
            #expect(lazy.percent(at: line).value == line * 100 / last)
        }
    }

    @Test func pagingDownShowsTheApproximationAsOneAndOnceGHasBeenThereTheExactFigure() throws {
        var state = reading()
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        let document = try #require(reader(state).map { ReaderView.document($0, state: state) })
        let cursor = try #require(reader(state)?.cursor)
        let last = whole(width: 78).lines.count - 1
        #expect(!document.isComplete, "paging lays out only as far as it reaches")
        let shown = try #require(percentShown(state))
        #expect(shown.hasPrefix("~") && shown.hasSuffix("%"), "reads as an approximation: \(shown)")
        state.press(.char("G"), .char("g"), .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(reader(state)?.cursor == cursor)
        #expect(percentShown(state) == "\(cursor * 100 / last)%", "exact once the end is laid out")
    }

    /// What a search of the whole document laid out at once finds, in order.
    func wholeMatches(_ query: String) -> [Int] {
        let terms = SearchQuery(query).terms.map { SearchQuery("\"" + $0 + "\"") }
        return terms.isEmpty ? [] : FoldedLines(whole(width: 78).lines.map(\.text)).lines(matchingAll: terms)
    }

    @Test(arguments: ["part", "zanzibar", "\"part 33\"", "link part", "[45]", "quote 7", "nothing-matches"])
    func aSearchLookingAPartAtATimeFindsWhatTheWholeDocumentsSearchFinds(query: String) throws {
        var state = reading()
        state.model.caches.readerLines.searchedAtOnce = 0
        let expected = wholeMatches(query)
        state.press(.pageDown, .pageDown)
        let origin = try #require(reader(state)?.cursor)
        state.press(.char("/"))
        for (typed, character) in query.enumerated() {
            state.press(.character(character))
            let sofar = String(query.prefix(typed + 1))
            let all = wholeMatches(sofar)
            let found = try ReaderView.found(#require(reader(state)), state: state)
            #expect(found.lines == all.filter { $0 < found.searched }, "'\(sofar)': what the lines looked at hold")
            #expect(reader(state)?.cursor == (all.first { $0 >= origin } ?? all.first ?? origin), "'\(sofar)': the first match on")
        }
        let document = try #require(reader(state).map { ReaderView.document($0, state: state) })
        if query == "part" {
            #expect(!document.isComplete, "a match near the cursor needs no more than the lines to it")
            #expect(state.screen.contains("so far"))
        }
        state.press(.enter)
        var visited: [Int] = []
        var previous = -1
        while let cursor = reader(state)?.cursor, cursor != previous, visited.count <= expected.count {
            if expected.contains(cursor) { visited.append(cursor) }
            previous = cursor
            state.press(.char("n"))
        }
        #expect(visited == expected.filter { $0 >= (expected.first { $0 >= origin } ?? 0) }, "n goes down every match")
        var upward: [Int] = []
        previous = -1
        while let cursor = reader(state)?.cursor, cursor != previous, upward.count <= expected.count {
            if expected.contains(cursor) { upward.append(cursor) }
            previous = cursor
            state.press(.char("N"))
        }
        #expect(upward == Array(expected.reversed()), "N comes back up every one")
        let open = try #require(reader(state))
        #expect(ReaderView.matchingLines(open, state: state) == expected)
        #expect(ReaderView.found(open, state: state).complete)
        #expect(state.screen.contains(Plural.count(expected.count, "line") + " ·"), "the exact count once all was looked at")
    }

    @Test func idleTicksLayTheRestOutASliceAtATimeAKeyBetweenThemAndThenNothing() throws {
        let fixture = try Fixture(files: ["Course/long.md": Self.long(parts: 200)])
        var state = fixture.state(width: 80, height: 24)
        state.reveal(fixture.model.index.nodes.firstIndex { $0.topic.title == "Long" } ?? -1)
        state.press(.enter)
        let document = try #require(reader(state).map { ReaderView.document($0, state: state) })
        #expect(ReaderView.hasIdleWork(state) && state.wantsIdleWork)
        state.send(.tick)
        let afterOne = document.laidOutLines
        #expect(!document.isComplete, "one tick lays out a slice, not the rest")
        // A key between two ticks is answered from what is laid out, not after the rest.
        state.press(.pageDown)
        #expect(!document.isComplete)
        #expect(percentShown(state)?.hasPrefix("~") == true)
        var ticks = 1
        var laidOut = afterOne
        while ReaderView.hasIdleWork(state) && ticks < 10_000 {
            state.send(.tick)
            #expect(document.laidOutLines > laidOut, "every tick lays out more")
            laidOut = document.laidOutLines
            ticks += 1
        }
        #expect(ticks > 5, "a slice a tick: \(ticks) ticks")
        #expect(document.isComplete && !state.wantsIdleWork, "then the loop waits for a key again")
        #expect(percentShown(state)?.hasPrefix("~") == false)
        state.send(.tick)
        #expect(document.laidOutLines == laidOut, "a tick once done does nothing")
        // A search not through the file yet is looked through on ticks too, then exact.
        state.model.caches.readerLines.searchedAtOnce = 0
        state.press(.char("g"), .char("/"), .char("p"), .char("a"), .char("r"), .char("t"))
        #expect(state.screen.contains("so far"))
        while ReaderView.hasIdleWork(state) && ticks < 20_000 {
            state.send(.tick)
            ticks += 1
        }
        #expect(!state.wantsIdleWork)
        #expect(!state.screen.contains("so far"))
    }
}
