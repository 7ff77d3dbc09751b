import Foundation
import StudyCore
import Testing
@testable import StudyTUI
import StudyText
import TermGrid

/// Whole screens as a user sees them, at the three sizes the dashboard promises to handle:
/// two panes (80×24, 120×40) and one pane (40×12).
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    /// The browser with the first file expanded, a resource selected and an annotation on it.
    func browsing(_ fixture: Fixture, _ width: Int, _ height: Int) -> AppState {
        var state = fixture.state(width: width, height: height)
        state.press(.char("l"), .tab, .char("j"))
        let annotation = Annotation(itemID: state.selectedResource?.id ?? "", text: "Chapter 2 first.\nThen the rest.",
                                    createdAt: Timestamp(milliseconds: 0), updatedAt: Timestamp(milliseconds: 0))
        var progress = LearnerProgress()
        progress.annotations[annotation.itemID] = annotation
        if let first = state.selectedResources.first { progress.statuses[first.id] = .learning }
        state.update(progress, for: [annotation.itemID] + state.selectedResources.prefix(1).map(\.id))
        return state
    }

    @Test(arguments: sizes) func browser(width: Int, height: Int) throws {
        let fixture = try Fixture()
        Snapshot.check(browsing(fixture, width, height).renderedGrid, named: "browser-\(width)x\(height)")
    }

    @Test(arguments: sizes) func noteReader(width: Int, height: Int) throws {
        let fixture = try Fixture()
        var state = fixture.state(width: width, height: height)
        state.press(.enter)
        Snapshot.check(state.renderedGrid, named: "reader-\(width)x\(height)")
    }

    /// The whole-file reader with four headings, some progress, the cursor line in a section
    /// below the first.
    func readingWholeFile(_ width: Int, _ height: Int) throws -> AppState {
        let fixture = try Fixture(files: WholeFileReaderTests.files)
        let tree = fixture.model.index.tree
        let id = { (title: String) in tree.resources.values.first { $0.title == title }?.id ?? "" }
        var state = fixture.state(width: width, height: height,
                                  progress: LearnerProgress(statuses: [id("R2"): .learning, id("R4"): .done]))
        if let one = fixture.model.index.nodes.firstIndex(where: { $0.topic.title == "One" }) { state.reveal(one) }
        state.press(.enter, .char("J"), .char("J"), .char("j"), .char("j"))
        return state
    }

    @Test(arguments: sizes) func wholeFileReader(width: Int, height: Int) throws {
        Snapshot.check(try readingWholeFile(width, height).renderedGrid, named: "file-reader-\(width)x\(height)")
    }

    @Test(arguments: sizes) func tableOfContents(width: Int, height: Int) throws {
        var state = try readingWholeFile(width, height)
        state.press(.char("t"))
        Snapshot.check(state.renderedGrid, named: "contents-\(width)x\(height)")
    }

    /// A kept search in the whole-file reader: its matches highlighted, the header naming it.
    @Test func wholeFileReaderSearch() throws {
        var state = try readingWholeFile(80, 24)
        for key in [Key.character("/")] + "note".map(Key.character) + [.enter, .character("n")] { state.press(key) }
        Snapshot.check(state.renderedGrid, named: "file-reader-search-80x24")
    }

    @Test(arguments: sizes) func helpOverlay(width: Int, height: Int) throws {
        let fixture = try Fixture()
        var state = fixture.state(width: width, height: height)
        state.press(.char("?"))
        Snapshot.check(state.renderedGrid, named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes) func annotationEditor(width: Int, height: Int) throws {
        let fixture = try Fixture()
        var state = browsing(fixture, width, height)
        state.press(.char("a"), .enter)
        for character in "Wide: 漢字 and 👍🏽 fit." { state.press(.character(character)) }
        let frame = Dashboard.render(state)
        #expect(frame.cursor != nil, "the editor shows the caret")
        Snapshot.check(frame.grid, named: "editor-\(width)x\(height)")
    }

    /// `/` and a query: the tree filtered to the matches and the topics above them, the matched
    /// text highlighted, the query and its count in the status row.
    @Test(arguments: sizes) func searchLine(width: Int, height: Int) throws {
        let fixture = try Fixture()
        var state = fixture.state(width: width, height: height)
        state.press(.char("/"))
        for character in "serv" { state.press(.character(character)) }
        let frame = Dashboard.render(state)
        #expect(frame.cursor?.y == height - 1, "the caret is in the search line")
        Snapshot.check(frame.grid, named: "search-\(width)x\(height)")
    }

    /// After `Enter` and `n`: the filter kept, the status row naming the query and its count.
    @Test func keptSearch() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 80, height: 24)
        state.press(.char("/"))
        for character in "serv" { state.press(.character(character)) }
        state.press(.enter, .char("n"), .char("j"))
        Snapshot.check(state.renderedGrid, named: "search-kept-80x24")
    }

    @Test func wideCharactersAlignByColumns() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 80, height: 24)
        state.press(.char("G"), .tab)
        let grid = state.renderedGrid
        Snapshot.check(grid, named: "wide-80x24")
        // Every row holds exactly 80 columns however many characters it has.
        for y in 0..<grid.height {
            let columns = (0..<grid.width).filter { !grid[$0, y].isContinuation }
                .reduce(0) { $0 + max(1, DisplayWidth.of(grid[$1, y].character)) }
            #expect(columns == 80, "row \(y) spans \(columns) columns")
        }
    }

    @Test func hostileNotesShowNoControlCharacters() throws {
        let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{07}\u{08}\u{9b}31m"
        let fixture = try Fixture(files: [
            "Course/README.md": "# Course\n\nIntro \(hostile) end.\n",
            "Course/evil.md": """
                # Evil \(hostile) title

                Prose with \(hostile) inside and a [link \(hostile)](https://example.com/x).

                - [Res \(hostile) one](https://example.com/evil) — desc \(hostile)
                """,
        ])
        var state = fixture.state(width: 80, height: 24)
        state.press(.tab)
        var grids = [state.renderedGrid]
        state.press(.enter)
        grids.append(state.renderedGrid)
        state.press(.char("q"), .char("h"), .enter)
        grids.append(state.renderedGrid)
        for screen in grids.map(\.text) {
            for scalar in screen.unicodeScalars {
                let v = scalar.value
                #expect(v == 0x0a || (v >= 0x20 && v != 0x7f && !(0x80...0x9f).contains(v)),
                        "control U+\(String(v, radix: 16)) reached the screen")
            }
            #expect(screen.contains("␛"), "escapes are shown, visibly")
        }
        Snapshot.check(grids[0], named: "hostile-80x24")
    }

    @Test func tooSmallSaysSoAndNeverCrashes() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 39, height: 12)
        Snapshot.check(state.renderedGrid, named: "too-small-39x12")
        // Every size down to 0×0, in every view, renders without trapping: from 40×10 up the view
        // itself (a row only it draws), below that the notice for this size and nothing else.
        let views: [(keys: [Key], shows: String)] = [([], "▸ Foundations"), ([.enter], "Start with the basics"),
                                                     ([.char("?")], "Keys · j/k scroll"), ([.tab, .char("a")], "Annotation on ")]
        for view in views {
            var sized = fixture.state(width: 80, height: 24)
            for key in view.keys { sized.press(key) }
            for width in [0, 1, 2, 5, 39, 40, 79, 80] {
                for height in [0, 1, 2, 3, 9, 10, 23, 24] {
                    sized.send(.resize(width: width, height: height))
                    let screen = sized.screen, size = "\(view.keys) at \(width)×\(height)"
                    if width >= 40 && height >= 10 {
                        #expect(screen.contains(view.shows) && !screen.contains("too small"), "\(size):\n\(screen)")
                        continue
                    }
                    let notice = ["Terminal too small", "\(width)×\(height); needs 40×10", "q quits"]
                    if width >= 18 && height >= 3 { #expect(screen.contains(notice[0]), "\(size)") }
                    for row in screen.split(separator: "\n") {
                        let text = row.trimmingCharacters(in: .whitespaces)
                        #expect(text.isEmpty || notice.contains { $0.contains(text) }, "\(size) shows \(text)")
                    }
                }
            }
        }
        state.send(.resize(width: 80, height: 24))
        #expect(state.screen.contains("Foundations"))
    }
}
