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

    @Test func aGraphemeOfSeveralScalarsComesBackAsTheBytesItWasMadeOf() {
        // The same marks in another order: canonically equivalent, so equal as Strings and
        // Characters, but other bytes to send.
        let one: Character = "e\u{301}\u{323}", other: Character = "e\u{323}\u{301}"
        #expect(one == other)
        #expect(Cell(one) != Cell(other))
        #expect(Array(Cell(other).character.utf8) == Array(other.utf8))
        #expect(Array(Cell(one).character.utf8) == Array(one.utf8))
        var grid = Grid(width: 4, height: 1)
        grid.put(String(other) + "👍🏽", x: 0, y: 0)
        #expect(Array(grid.line(0).utf8) == Array((String(other) + "👍🏽").utf8))
    }
}
