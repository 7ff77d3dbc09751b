import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// What the widgets mean by their styles, asserted cell by cell on small grids: the selection
/// highlight of the tree, the status roles of resource rows, the two parts of a progress bar.
/// Each expectation is a row of text and, under it, a row of style letters; every test names
/// its letters in a legend (`.` is always plain), so a letter means exactly one style.
@Suite struct WidgetStyleTests {
    /// A grid's rows as text and as letters from `legend` (`?` for a style it does not name).
    func rows(_ grid: Grid, _ legend: [Character: CellStyle]) -> (text: String, styles: String) {
        var letters: [CellStyle: Character] = [.plain: "."]
        for (letter, style) in legend { letters[style] = letter }
        let styles = (0..<grid.height).map { StyleLetters.row($0, of: grid) { letters[$0] ?? "?" } }
        return (grid.text, styles.joined(separator: "\n"))
    }

    /// The first two rows of the tree, 30 columns wide, with the cursor on the second (where it starts).
    func treeRows(focus: AppState.Pane) throws -> Grid {
        let fixture = try Fixture()
        var state = fixture.state(width: 80, height: 24)
        state.focus = focus
        var grid = Grid(width: 30, height: 2)
        TreePane.draw(state, into: &grid, rect: Rect(x: 0, y: 0, width: 30, height: 2))
        return grid
    }

    @Test func focusedTreeReversesTheWholeSelectedRow() throws {
        let got = rows(try treeRows(focus: .tree), ["f": .dim, "b": .bold, "d": CellStyle(role: .bar),
                                                    "F": CellStyle([.dim, .reverse]), "B": CellStyle([.bold, .reverse]),
                                                    "D": CellStyle(.reverse, role: .bar), "R": .reverse])
        #expect(got.text == """
            ▾ Course        █░░░░ 1/7  14%
              ▸ Foundations █░░░░ 1/4  25%
            """)
        #expect(got.styles == """
            ffbbbbbb........dffff
            RRFFBBBBBBBBBBBRDFFFFRRRRRRRRR
            """)
    }

    /// With the detail pane focused the tree keeps its place marked, underlined instead.
    @Test func unfocusedTreeUnderlinesTheSelectedRow() throws {
        let got = rows(try treeRows(focus: .detail), ["f": .dim, "b": .bold, "d": CellStyle(role: .bar),
                                                      "m": CellStyle([.dim, .underline]), "t": CellStyle([.bold, .underline]),
                                                      "e": CellStyle(.underline, role: .bar), "u": CellStyle(.underline)])
        #expect(got.styles == """
            ffbbbbbb........dffff
            uummtttttttttttuemmmmuuuuuuuuu
            """)
    }

    /// Foundations' four resources, one in each status, as the detail pane lists them. A todo
    /// row is plain but for its description (the last row, which has none, is plain throughout).
    @Test func resourceRowsShowTheirStatusRole() throws {
        let fixture = try Fixture()
        let resources = fixture.state().selectedResources
        try #require(resources.count == 4)
        var progress = LearnerProgress()
        progress.statuses[resources[0].id] = .learning
        progress.statuses[resources[1].id] = .done
        progress.statuses[resources[2].id] = .skipped
        progress.statuses[resources[3].id] = .todo
        let state = fixture.state(progress: progress)
        var grid = Grid(width: 30, height: 4)
        DetailPane.drawList(resources, scroll: 0, state: state, into: &grid, rect: Rect(x: 0, y: 0, width: 30, height: 4))
        let got = rows(grid, ["f": .dim, "u": .muted, "l": CellStyle(.bold, role: .learning), "d": CellStyle(role: .done),
                              "s": CellStyle(.dim, role: .skipped)])
        #expect(got.text == """
            [~] Designing ML Systems — th…
            [x] Already Read — marked in …
            [-] Seeing Theory — visual st…
            [ ] Practice problems without…
            """)
        #expect(got.styles == """
            llll....................uuuuuu
            dddd............uuuuuuuuuuuuuu
            ssssfffffffffffffuuuuuuuuuuuuu

            """)
    }

    @Test func progressBarFillsInTheBarRoleOverADimTrack() {
        var grid = Grid(width: 24, height: 1)
        Drawing.progress(Tally(todo: 2, learning: 1, done: 1, skipped: 0), into: &grid, x: 0, y: 0, barWidth: 8)
        let got = rows(grid, ["f": .dim, "d": CellStyle(role: .bar)])
        #expect(got.text == "██░░░░░░ 1/4  25%")
        #expect(got.styles == "ddffffff")
    }

    /// The title's secondary words are muted text: dim by default, coloured by `[theme] muted`.
    @Test func titleStatsAreMutedBesideTheBar() {
        var grid = Grid(width: 60, height: 1)
        Bars.drawTitle(" T", overall: Tally(todo: 2, learning: 1, done: 1, skipped: 0), into: &grid)
        let got = rows(grid, ["h": CellStyle(.bold, role: .heading), "u": .muted, "f": .dim])
        #expect(got.text.hasSuffix("1 learning · overall 1/4  25%"))
        // `1 learning · overall ` muted; the counts beside them plain.
        #expect(got.styles.hasSuffix(String(repeating: "u", count: 21)))
    }
}
