import Testing
import TermGrid

/// The painter sends a cell only when it differs from the one on screen, so `Cell ==` decides
/// what reaches the terminal: the same bytes in the same style are equal, however each cell was
/// made; anything else that looks different is not.
struct CellEqualityTests {
    @Test func theSameCharacterAndStyleAreEqualHoweverTheyWereMade() {
        // A family emoji is over 15 UTF-8 bytes: stored out of line, once per string it came from.
        let family = "👨‍👩‍👧‍👦"
        let first = Cell(Array("x" + family)[1]), second = Cell(Array(family + "y")[0])
        #expect(first == second)
        #expect(Cell("█") == Cell(Character("█")))
        #expect(Cell("a", style: .bold) == Cell("a", style: .bold))
    }

    @Test func anotherCharacterStyleOrHalfIsADifferentCell() {
        #expect(Cell("█") != Cell("░"))
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("a") != Cell("a", style: .bold))
        #expect(Cell(" ") != Cell(" ", isContinuation: true))
        #expect(Cell("👨‍👩‍👧‍👦") != Cell("👨‍👩‍👧"))
        // Canonically equivalent but not the same bytes: the terminal is sent other bytes.
        #expect(Cell("\u{E9}") != Cell("e\u{301}"))
    }
}
