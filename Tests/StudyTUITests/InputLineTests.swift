import Testing
@testable import StudyTUI
import TermGrid

/// The one-line input: editing, what it leaves to the caller, and sideways scrolling by width.
@Suite struct InputLineTests {
    func typed(_ text: String, prompt: String = "/") -> InputLine {
        var line = InputLine(prompt: prompt)
        for character in text { _ = line.handle(.character(character)) }
        return line
    }

    @Test func editsOneLineAndLeavesEnterAndEscToTheCaller() {
        var line = typed("kubernetes")
        #expect(line.text == "kubernetes")
        let used = [line.handle(.enter), line.handle(.escape), line.handle(.backspace), line.handle(.home),
                    line.handle(.delete)]
        #expect(used == [false, false, true, true, true], "Enter and Esc are the caller's")
        #expect(line.text == "ubernete")
        #expect(InputLine(prompt: ">", text: "a\nb").text == "a b", "a preset text stays on one line")
    }

    @Test func drawsThePromptTextAndCursor() {
        var grid = Grid(width: 20, height: 1)
        let cursor = InputLine.draw(typed("漢字 ok"), into: &grid, x: 0, y: 0, width: 20)
        #expect(grid.line(0) == "/漢字 ok")
        #expect(cursor?.x == 8, "after 1 + 2 + 2 + 1 + 2 columns")
    }

    @Test func scrollsSidewaysToKeepTheCursorVisible() {
        var grid = Grid(width: 10, height: 1)
        let line = typed("abcdefghijklmno")
        let cursor = InputLine.draw(line, into: &grid, x: 0, y: 0, width: 10)
        #expect(grid.line(0) == "/…ijklmno", "the end, with a cell left for the cursor")
        #expect(cursor?.x == 9)
        var home = line
        _ = home.handle(.home)
        let start = InputLine.draw(home, into: &grid, x: 0, y: 0, width: 10)
        #expect(grid.line(0) == "/abcdefghi")
        #expect(start?.x == 1)
    }

    @Test func neverCrashesAtTinyWidths() {
        for width in 0...4 {
            var grid = Grid(width: width, height: 1)
            _ = InputLine.draw(typed("漢字漢字", prompt: "search: "), into: &grid, x: 0, y: 0, width: width)
            #expect(grid.width == width)
        }
    }
}
