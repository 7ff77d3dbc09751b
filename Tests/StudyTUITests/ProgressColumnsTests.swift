import StudyCore
import Testing
@testable import StudyTUI

/// The tree's bars stand in one column whatever the width of the counts beside them (issue 11:
/// `0/6` and `0/13` pushed their bars to different columns).
@Suite struct ProgressColumnsTests {
    static let files: [String: String] = [
        "Course/README.md": "# Course\n",
        "Course/01-thirteen.md": "# Thirteen\n\n" + (1...13).map { "- [A\($0)](https://example.com/a\($0))\n" }.joined(),
        "Course/02-six.md": "# Six\n\n" + (1...6).map { "- [B\($0)](https://example.com/b\($0))\n" }.joined(),
    ]

    /// The column of the first bar cell on each screen row that has one.
    func barColumns(_ state: AppState, rows: ClosedRange<Int>) -> [Int] {
        let lines = state.screen.split(separator: "\n", omittingEmptySubsequences: false)
        return rows.compactMap { row in
            guard lines.indices.contains(row) else { return nil }
            let line = lines[row]
            return line.firstIndex { $0 == "░" || $0 == "█" }.map { line.distance(from: line.startIndex, to: $0) }
        }
    }

    @Test(arguments: [(80, 24), (120, 40), (50, 20)])
    func barsStayInOneColumnWhateverTheCountsWidth(width: Int, height: Int) throws {
        let fixture = try Fixture(files: Self.files)
        var state = fixture.state(width: width, height: height)
        let ids = state.selectedResources.map(\.id)
        state.update(LearnerProgress(statuses: [ids[0]: .done]), for: ids)
        #expect(state.screen.contains("1/13"))
        #expect(state.screen.contains("0/6"))
        #expect(state.screen.contains("1/19"))
        let columns = barColumns(state, rows: 1...3)
        try #require(columns.count == 3, "three tree rows with a bar:\n\(state.screen)")
        #expect(Set(columns).count == 1, "bar columns \(columns):\n\(state.screen)")
    }
}
