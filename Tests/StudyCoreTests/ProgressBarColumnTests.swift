import Testing
@testable import StudyCore

/// Stacked bar lines (a table of areas) keep their counts and percentages in columns whatever
/// the width of each count.
@Suite struct ProgressBarColumnTests {
    @Test func countsAreRightAlignedToTheWidestOfTheTable() {
        let tallies = [(0, 6), (2, 13), (13, 13)]
        let width = ProgressBar.countWidth(tallies.map { $0.1 })
        #expect(width == 5)
        let lines = tallies.map { ProgressBar.line(done: $0.0, of: $0.1, width: 4, countWidth: width) }
        #expect(lines == ["░░░░    0/6    0%", "█░░░   2/13   15%", "████  13/13  100%"])
        #expect(Set(lines.map { $0.count }).count == 1)
    }

    @Test func aNarrowCountWidthNeverCutsTheCount() {
        #expect(ProgressBar.line(done: 120, of: 311, width: 2, countWidth: 1) == "█░  120/311   38%")
        #expect(ProgressBar.countWidth([]) == 3)
    }

    /// The dashboard's panes show the same counts one space apart: one rule, two gaps.
    @Test func theDashboardsCountsAreTheReportsWithANarrowerGap() {
        #expect(ProgressBar.counts(done: 2, of: 13, countWidth: 5, gap: " ") == " 2/13  15%")
        #expect(ProgressBar.counts(done: 13, of: 13, countWidth: 5) == "13/13  100%")
        #expect(ProgressBar.line(done: 1, of: 2, width: 2, gap: " ") == "█░ 1/2  50%")
        #expect(ProgressBar.countWidth([404]) == 7)
    }
}
