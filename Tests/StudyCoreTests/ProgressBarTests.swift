import Testing
@testable import StudyCore

@Suite struct ProgressBarTests {
    @Test func emptyPartialAndFullBarsFillByFloor() {
        #expect(ProgressBar.bar(done: 0, of: 10, width: 10) == "░░░░░░░░░░")
        #expect(ProgressBar.bar(done: 4, of: 10, width: 10) == "████░░░░░░")
        #expect(ProgressBar.bar(done: 12, of: 30, width: 12) == "████░░░░░░░░")  // 4.8 cells -> 4
        #expect(ProgressBar.bar(done: 10, of: 10, width: 10) == "██████████")
    }

    @Test func anyProgressShowsAtLeastOneCell() {
        #expect(ProgressBar.bar(done: 1, of: 100, width: 10) == "█░░░░░░░░░")
    }

    @Test func unfinishedWorkNeverShowsAFullBar() {
        #expect(ProgressBar.bar(done: 99, of: 100, width: 10) == "█████████░")
        #expect(ProgressBar.bar(done: 29, of: 30, width: 10) == "█████████░")
        // One cell cannot be both "some progress" and "not finished": it stays empty until done.
        #expect(ProgressBar.bar(done: 1, of: 2, width: 1) == "░")
        #expect(ProgressBar.bar(done: 2, of: 2, width: 1) == "█")
    }

    @Test func outOfRangeCountsStayWithinTheWidth() {
        #expect(ProgressBar.bar(done: 12, of: 10, width: 6) == "██████")
        #expect(ProgressBar.bar(done: -3, of: 10, width: 5) == "░░░░░")
        #expect(ProgressBar.bar(done: 5, of: 0, width: 4) == "░░░░")
        #expect(ProgressBar.bar(done: 0, of: -2, width: 3) == "░░░")
        #expect(ProgressBar.bar(done: Int.max - 1, of: Int.max, width: 10) == "█████████░")
    }

    @Test func nonPositiveWidthIsEmpty() {
        #expect(ProgressBar.bar(done: 3, of: 10, width: 0) == "")
        #expect(ProgressBar.bar(done: 3, of: 10, width: -5) == "")
    }

    @Test func asciiBarUsesEqualsAndDashes() {
        #expect(ProgressBar.bar(done: 3, of: 4, width: 8, ascii: true) == "======--")
        #expect(ProgressBar.bar(done: 0, of: 4, width: 3, ascii: true) == "---")
    }

    @Test(arguments: [
        (0, 0, 0), (5, 0, 0), (3, -1, 0), (0, 7, 0), (1, 3, 33), (2, 3, 66), (29, 30, 96), (199, 200, 99),
        (30, 30, 100), (31, 30, 100), (-1, 10, 0), (Int.max - 1, Int.max, 99),
    ])
    func percentRoundsDownAndReaches100OnlyWhenDone(_ done: Int, _ counted: Int, _ expected: Int) {
        #expect(ProgressBar.percent(done: done, of: counted) == expected)
    }

    @Test func lineKeepsPercentSignsAligned() {
        #expect(ProgressBar.line(done: 12, of: 30, width: 12) == "████░░░░░░░░  12/30   40%")
        #expect(ProgressBar.line(done: 1, of: 25, width: 4) == "█░░░  1/25    4%")
        #expect(ProgressBar.line(done: 30, of: 30, width: 4) == "████  30/30  100%")
        #expect(ProgressBar.line(done: 0, of: 0, width: 4) == "░░░░  0/0    0%")
        #expect(ProgressBar.line(done: 1, of: 2, width: 4, ascii: true) == "==--  1/2   50%")
    }
}
