import Testing
@testable import StudyTUI
import TermGrid

/// The reader's blocks on screen, in colour roles and as a monochrome terminal (`NO_COLOR`)
/// draws them: a rule, an aligned table, a table wrapped inside its columns, a framed Python
/// block, inline code.
@Suite struct BlockSnapshotTests {
    static let files: [String: String] = [
        "Course/blocks.md": """
            # Blocks

            Install with `pip install studydash` and run `studydash --help` to start.

            | Model | Params | Score |
            |:------|-------:|:-----:|
            | tiny | 7 | A |
            | large | 1300 | B+ |

            ---

            | Method | Accuracy | Notes |
            |--------|---------:|-------|
            | Logistic regression | 0.81 | A strong baseline that trains in seconds and is easy to explain to anyone who asks about it |
            | Gradient boosting | 0.87 | Best on tabular data, needs tuning of depth and learning rate, and more care than most |

            ```python
            def area(r):  # a circle's
                return 3.14 * r * r, "cm²"
            ```
            """,
    ]

    @Test(arguments: [(80, 24), (120, 40)]) func blocksInTheReader(width: Int, height: Int) throws {
        let fixture = try Fixture(files: Self.files)
        var state = fixture.state(width: width, height: height)
        state.press(.enter)
        Snapshot.check(state.renderedGrid, named: "reader-blocks-\(width)x\(height)")
        Snapshot.check(ReaderInlineSnapshotTests.monochrome(state.renderedGrid), named: "reader-blocks-no-color-\(width)x\(height)")
    }

    @Test func inlineCodeStaysVisibleWithoutColour() {
        #expect(CellStyle(role: .code).monochrome.attributes.contains(.reverse))
        #expect(CellStyle(role: .codeBlock).monochrome != CellStyle(role: .code).monochrome)
        #expect(!CellStyle([.reverse], role: .code).monochrome.attributes.contains(.reverse),
                "on the reversed cursor row, inline code is drawn unreversed")
    }
}
