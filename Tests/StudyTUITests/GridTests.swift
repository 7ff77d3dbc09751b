import Testing
@testable import StudyTUI
import TermGrid

/// The cell grid: what lands in it is safe for a terminal and laid out by display width.
@Suite struct GridTests {
    @Test func controlsAreShownEscapedNeverStored() {
        var grid = Grid(width: 30, height: 1)
        grid.put("a\u{1b}[31mb\u{07}\u{08}\u{9b}c", x: 0, y: 0)
        #expect(grid.line(0) == "a␛[31mb␇␈<U+009B>c")
        #expect(grid.cells.allSatisfy { cell in
            cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7f...0x9f).contains($0.value) }
        })
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.put("漢字x", x: 0, y: 0) == 5)
        #expect(grid.line(0) == "漢字x")
        #expect(grid[1, 0].isContinuation && grid[3, 0].isContinuation)
        // A wide character with one column left becomes a blank, not half a glyph.
        var edge = Grid(width: 3, height: 1)
        edge.put("a漢字", x: 0, y: 0)
        #expect(edge.line(0) == "a漢")
        var cut = Grid(width: 4, height: 1)
        cut.put("ab漢", x: 1, y: 0)
        #expect(cut.line(0) == " ab")
        #expect(!cut[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.put("漢字", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.line(0) == " x字")
        grid.put("y", x: 2, y: 0)
        #expect(grid.line(0) == " xy")
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func combiningMarksAndEmojiCountByGrapheme() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("e\u{301}👍🏽", x: 0, y: 0) == 3)
        #expect(grid.line(0) == "é👍🏽")
        // A mark with nothing to combine with takes no cell.
        var lone = Grid(width: 3, height: 1)
        #expect(lone.put("\u{301}ab", x: 0, y: 0) == 2)
    }

    @Test func clippedToLimitsAndEdgesAtAnySize() {
        var grid = Grid(width: 6, height: 2)
        #expect(grid.put("abcdefgh", x: 2, y: 1, limit: 3) == 3)
        #expect(grid.line(1) == "  abc")
        // Text starting left of the grid is cut; the result still counts from x, so callers can
        // keep advancing by it.
        #expect(grid.put("zz", x: -1, y: 0) == 2)
        #expect(grid.line(0) == "z")
        #expect(grid.put("x", x: 0, y: 5) == 0)
        var empty = Grid(width: 0, height: 0)
        #expect(empty.put("abc", x: 0, y: 0) == 0)
        empty.fill(x: 0, y: 0, width: 5, height: 5)
        empty.blit(grid, x: 0, y: 0)
        #expect(empty.text.isEmpty)
    }

    @Test func blitNeverLeavesHalfAWideCharacter() {
        var piece = Grid(width: 4, height: 1)
        piece.put("a漢b", x: 0, y: 0)
        var target = Grid(width: 2, height: 1)
        target.blit(piece, x: 0, y: 0)
        #expect(target.line(0) == "a")
        #expect(!target[1, 0].isContinuation)
        var shifted = Grid(width: 4, height: 1)
        shifted.blit(piece, x: -2, y: 0)
        #expect(shifted.line(0) == " b")
    }
}
