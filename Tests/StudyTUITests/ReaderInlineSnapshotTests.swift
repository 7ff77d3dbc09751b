import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The whole-file reader on a note written the way course repositories, books and vaults write:
/// raw HTML, reference links and footnotes defined at the file's end, Obsidian's callouts,
/// highlights, tags and wikilinks, struck text and right-to-left words. Also as a terminal
/// without colour shows it (`NO_COLOR`), where every form must still stand apart from prose.
@Suite struct ReaderInlineSnapshotTests {
    static let files: [String: String] = [
        "Course/README.md": "# Vault\n",
        "Course/lesson.md": """
            # Lesson one

            <div align="center">
            <a href="https://video.example/1"><img src="thumb.jpg" alt="Lesson 1 video"></a><br>
            Made with &hearts;
            </div>

            Read [the docs][docs] first[^1], then [[Setup|the setup note]]. ==Key idea:== keep ~~three~~
            two copies. #backup #ops/storage

            > [!warning] Before you start
            > Check the **disk** space.

            <details>
            <summary>Why two?</summary>

            Arabic: النسخ الاحتياطي مهم. Hebrew: גיבוי חשוב.

            </details>

            ## Practice

            Try [the exercise][ex] and note what breaks[^2].

            ## Links

            [docs]: https://docs.example.org
            [ex]: https://exercise.example.org
            [^1]: The docs' own advice.
            [^2]: Expect the restore to fail once.
            """,
    ]

    func reading(_ width: Int, _ height: Int) throws -> AppState {
        let fixture = try Fixture(files: Self.files)
        var state = fixture.state(width: width, height: height)
        if let lesson = fixture.model.index.nodes.firstIndex(where: { $0.topic.title == "Lesson one" }) { state.reveal(lesson) }
        state.press(.enter)
        return state
    }

    /// The grid as a terminal without colour draws it: each role as its monochrome attributes.
    static func monochrome(_ grid: Grid) -> Grid {
        var plain = Grid(width: grid.width, height: grid.height)
        for y in 0..<grid.height {
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                plain.put(String(grid[x, y].character), x: x, y: y, style: grid[x, y].style.monochrome)
            }
        }
        return plain
    }

    @Test(arguments: [(80, 24), (120, 40)]) func inlineForms(width: Int, height: Int) throws {
        let grid = try reading(width, height).renderedGrid
        Snapshot.check(grid, named: "reader-inline-\(width)x\(height)")
        Snapshot.check(Self.monochrome(grid), named: "reader-inline-no-color-\(width)x\(height)")
        #expect(!grid.text.contains("<"), "no raw HTML on the screen")
        #expect(!grid.text.contains("[^"), "no raw footnote")
    }
}
