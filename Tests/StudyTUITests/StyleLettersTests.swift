import Testing
@testable import StudyTUI
import TermGrid

/// The snapshots' style letters: every style on a screen gets a letter of its own, and letters
/// stay under the columns they style.
@Suite struct StyleLettersTests {
    @Test func stylesThatShareAMnemonicGetLettersOfTheirOwn() {
        let heading = CellStyle(role: .heading), boldHeading = CellStyle(.bold, role: .heading)
        let legend = StyleLetters.legend(for: [heading, boldHeading, .plain, .reverse])
        #expect(legend[heading] == "h", "the plainer style keeps the mnemonic")
        #expect(legend[boldHeading] == "b", "the other one takes its next, named in the legend")
        #expect(legend[.reverse] == "R")
        #expect(StyleLetters.legendLines(legend) == [".  plain", "b  heading, bold", "h  heading", "R  reverse"])
    }

    @Test func aWideCharacterHasALetterForEachOfItsColumns() {
        var grid = Grid(width: 8, height: 1)
        grid.put("漢a", x: 0, y: 0, style: .bold)
        grid.put("b", x: 4, y: 0, style: .dim)
        #expect(StyleLetters.row(0, of: grid) { $0 == .bold ? "b" : $0 == .dim ? "f" : "." } == "bbb.f")
    }
}
