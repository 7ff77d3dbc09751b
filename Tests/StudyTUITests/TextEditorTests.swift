// Tests for the annotation editor: editing keys, cursor movement over graphemes of every width,
// up/down between soft-wrapped rows, and what the box shows (rows, cursor, scrolling) at sizes
// from roomy down to nothing. Everything is checked through the public API and the drawn grid,
// i.e. what a user would see.
import Testing
import StudyTUI
import TermGrid

/// A screen position, Equatable so a failed expectation prints both sides.
private struct At: Equatable, CustomStringConvertible {
    var x: Int
    var y: Int
    init(_ x: Int, _ y: Int) { self.x = x; self.y = y }
    var description: String { "(\(x), \(y))" }
}

/// What a frame shows: the box's rows (trailing blanks trimmed) and where the cursor is.
private struct Frame {
    var rows: [String]
    var cursor: At?
}

/// Draws the editor the way the app does each frame: scroll first, then draw at (0, 0).
private func render(_ editor: inout TextEditor, width: Int, height: Int) -> Frame {
    editor.scrollToCursor(width: width, height: height)
    var grid = Grid(width: max(0, width), height: max(0, height))
    let cursor = TextEditorView.draw(editor, into: &grid, x: 0, y: 0, width: width, height: height, style: .plain)
    return Frame(rows: (0..<grid.height).map { grid.line($0) }, cursor: cursor.map { At($0.x, $0.y) })
}

private func typeText(_ text: String, into editor: inout TextEditor) {
    for character in text { _ = editor.handle(.character(character)) }
}

private func press(_ key: Key, _ times: Int = 1, on editor: inout TextEditor) {
    for _ in 0..<times { _ = editor.handle(key) }
}

/// The cursor as a comparable pair.
private func cursorOf(_ editor: TextEditor) -> [Int] { [editor.cursor.line, editor.cursor.column] }

// MARK: - Editing

@Test func typingInsertsAtTheCursor() {
    var editor = TextEditor(text: "")
    typeText("hello", into: &editor)
    #expect(editor.text == "hello")
    #expect(cursorOf(editor) == [0, 5])
    press(.left, 2, on: &editor)
    typeText("X", into: &editor)
    #expect(editor.text == "helXlo")
    #expect(cursorOf(editor) == [0, 4])
}

@Test func initPutsTheCursorAtTheEndOfTheText() {
    let editor = TextEditor(text: "one\ntwo")
    #expect(cursorOf(editor) == [1, 3])
    #expect(editor.lines.count == 2)
}

@Test func crlfInputBecomesPlainLineBreaks() {
    let editor = TextEditor(text: "a\r\nbc\r\n")
    #expect(editor.text == "a\nbc\n")
    #expect(editor.lines.count == 3)
    #expect(cursorOf(editor) == [2, 0])
}

@Test func controlCharactersAreKeptButShownEscaped() {
    var editor = TextEditor(text: "a\tb\u{1B}[31m")
    #expect(editor.text == "a\tb\u{1B}[31m")
    let frame = render(&editor, width: 20, height: 1)
    #expect(frame.rows == ["a␉b␛[31m"])
    // The escaped forms are one column each, and the cursor after them must agree with that.
    #expect(frame.cursor == At(8, 0))
}

@Test func typedControlCharactersAreRefusedButLineBreakAndTabStillWork() {
    var editor = TextEditor(text: "ab")
    #expect(editor.handle(.character("\u{1B}")) == false)
    #expect(editor.text == "ab")
    #expect(editor.handle(.character("\n")) == true)
    #expect(editor.text == "ab\n")
}

@Test func enterSplitsTheLineAtTheCursor() {
    var editor = TextEditor(text: "hello")
    press(.left, 3, on: &editor)
    #expect(editor.handle(.enter) == true)
    #expect(editor.text == "he\nllo")
    #expect(cursorOf(editor) == [1, 0])
    // Enter at the end of a line makes an empty line below.
    press(.end, on: &editor)
    press(.enter, on: &editor)
    #expect(editor.text == "he\nllo\n")
    #expect(cursorOf(editor) == [2, 0])
}

@Test func backspaceJoinsWithThePreviousLineAtColumnZero() {
    var editor = TextEditor(text: "ab\ncd")
    press(.home, on: &editor)
    #expect(editor.handle(.backspace) == true)
    #expect(editor.text == "abcd")
    #expect(cursorOf(editor) == [0, 2])
    press(.backspace, on: &editor)
    #expect(editor.text == "acd")
    // At the very start there is nothing to delete: the key is still the editor's.
    press(.home, on: &editor)
    #expect(editor.handle(.backspace) == true)
    #expect(editor.text == "acd")
}

@Test func deleteJoinsWithTheNextLineAtTheEnd() {
    var editor = TextEditor(text: "ab\ncd")
    editor.cursor = (line: 0, column: 2)
    #expect(editor.handle(.delete) == true)
    #expect(editor.text == "abcd")
    #expect(cursorOf(editor) == [0, 2])
    press(.delete, on: &editor)
    #expect(editor.text == "abd")
    press(.end, on: &editor)
    #expect(editor.handle(.delete) == true)
    #expect(editor.text == "abd")
}

@Test func backspaceAndDeleteRemoveWholeGraphemes() {
    var editor = TextEditor(text: "e\u{301}👍🏽漢👨‍👩‍👧x")
    #expect(editor.lines[0].count == 5)
    press(.backspace, 2, on: &editor)
    #expect(editor.text == "e\u{301}👍🏽漢")
    press(.home, on: &editor)
    press(.delete, on: &editor)
    #expect(editor.text == "👍🏽漢")
    press(.delete, on: &editor)
    #expect(editor.text == "漢")
}

@Test func aCombiningMarkTypedAfterALetterJoinsIt() {
    var editor = TextEditor(text: "")
    typeText("e", into: &editor)
    #expect(editor.handle(.character("\u{301}")) == true)
    #expect(editor.lines[0].count == 1)
    #expect(cursorOf(editor) == [0, 1])
    typeText("x", into: &editor)
    #expect(editor.text == "e\u{301}x")
    press(.left, on: &editor)
    press(.backspace, on: &editor)
    #expect(editor.text == "x")
}

@Test func joiningALineThatStartsWithACombiningMarkKeepsTheCursorOutsideTheGrapheme() {
    var editor = TextEditor(text: "e\n\u{301}x")
    editor.cursor = (line: 1, column: 0)
    press(.backspace, on: &editor)
    #expect(editor.text == "e\u{301}x")
    #expect(editor.lines[0].count == 2)
    #expect(cursorOf(editor) == [0, 1])
}

@Test func tabInsertsSpacesToTheNextStopOfFour() {
    var editor = TextEditor(text: "ab")
    #expect(editor.handle(.tab) == true)
    #expect(editor.text == "ab  ")
    press(.tab, on: &editor)
    #expect(editor.text == "ab      ")
    // Stops count display columns: a wide character takes two of them.
    var wide = TextEditor(text: "漢")
    press(.tab, on: &wide)
    #expect(wide.text == "漢  ")
}

@Test func keysTheEditorDoesNotUseAreLeftToTheCaller() {
    var editor = TextEditor(text: "keep")
    let before = editor
    for key: Key in [.escape, .control("s"), .control("q"), .function(2),
                     .backTab, .insert] {
        #expect(editor.handle(key) == false, "\(key)")
    }
    #expect(editor == before)
}

// MARK: - Left, right, home, end

@Test func leftAndRightStepOverWholeGraphemesOfAnyWidth() {
    var editor = TextEditor(text: "a漢👍🏽e\u{301}b")
    press(.home, on: &editor)
    var columns: [Int] = []
    for _ in 0..<6 {
        columns.append(render(&editor, width: 20, height: 1).cursor?.x ?? -1)
        press(.right, on: &editor)
    }
    // a=1, 漢=2, 👍🏽=2, é=1, b=1: the cursor never stops inside one.
    #expect(columns == [0, 1, 3, 5, 6, 7])
    press(.left, 3, on: &editor)
    #expect(render(&editor, width: 20, height: 1).cursor == At(3, 0))
}

@Test func leftAndRightWrapAcrossLineEnds() {
    var editor = TextEditor(text: "ab\ncd")
    editor.cursor = (line: 0, column: 2)
    press(.right, on: &editor)
    #expect(cursorOf(editor) == [1, 0])
    press(.left, on: &editor)
    #expect(cursorOf(editor) == [0, 2])
    // At either end of the text they stay put.
    press(.home, on: &editor)
    press(.left, on: &editor)
    #expect(cursorOf(editor) == [0, 0])
    editor.cursor = (line: 1, column: 2)
    press(.right, on: &editor)
    #expect(cursorOf(editor) == [1, 2])
}

@Test func homeEndAndTheirControlKeysGoToTheEndsOfTheLine() {
    var editor = TextEditor(text: "first\nsecond line")
    editor.cursor = (line: 1, column: 3)
    press(.home, on: &editor)
    #expect(cursorOf(editor) == [1, 0])
    press(.end, on: &editor)
    #expect(cursorOf(editor) == [1, 11])
    #expect(editor.handle(.control("a")) == true)
    #expect(cursorOf(editor) == [1, 0])
    #expect(editor.handle(.control("e")) == true)
    #expect(cursorOf(editor) == [1, 11])
}

@Test func settingTheCursorClampsIt() {
    var editor = TextEditor(text: "ab\nc")
    editor.cursor = (line: 9, column: 9)
    #expect(cursorOf(editor) == [1, 1])
    editor.cursor = (line: -1, column: -1)
    #expect(cursorOf(editor) == [0, 0])
}

// MARK: - Up and down

@Test func upAndDownKeepTheGoalColumnThroughAShortLine() {
    var editor = TextEditor(text: "abcdef\nab\nabcdef")
    editor.cursor = (line: 0, column: 5)
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [1, 2])
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [2, 5])
    press(.up, 2, on: &editor)
    #expect(cursorOf(editor) == [0, 5])
}

@Test func upAndDownNeverLandInsideAWideCharacter() {
    var editor = TextEditor(text: "漢字漢字\nabcdefgh")
    editor.cursor = (line: 1, column: 3)
    press(.up, on: &editor)
    // Column 3 is the right half of 字: the cursor stops before it, at column 2.
    #expect(cursorOf(editor) == [0, 1])
    #expect(render(&editor, width: 20, height: 2).cursor == At(2, 0))
    press(.down, on: &editor)
    // The goal column (3) was kept, so coming back down returns to where the move started.
    #expect(cursorOf(editor) == [1, 3])
}

@Test func anyOtherKeyForgetsTheGoalColumn() {
    var editor = TextEditor(text: "abcdef\nab\nabcdef")
    editor.cursor = (line: 0, column: 5)
    press(.down, on: &editor)
    press(.left, on: &editor)
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [2, 1])
}

@Test func upAndDownMoveBetweenWrappedRowsOfOneLine() {
    var editor = TextEditor(text: "abcdefghij")
    let frame = render(&editor, width: 4, height: 5)
    #expect(frame.rows == ["abcd", "efgh", "ij", "", ""])
    editor.cursor = (line: 0, column: 1)
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [0, 5])
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [0, 9])
    #expect(render(&editor, width: 4, height: 5).cursor == At(1, 2))
    press(.up, 2, on: &editor)
    #expect(cursorOf(editor) == [0, 1])
}

@Test func upAndDownAtTheEdgesGoToTheStartAndEndOfTheText() {
    var editor = TextEditor(text: "abc\ndef")
    editor.cursor = (line: 0, column: 2)
    #expect(editor.handle(.up) == true)
    #expect(cursorOf(editor) == [0, 0])
    editor.cursor = (line: 1, column: 1)
    #expect(editor.handle(.down) == true)
    #expect(cursorOf(editor) == [1, 3])
}

@Test func goalColumnAcrossWrappedRowsOfMixedWidths() {
    // At width 5: "ab漢字" wraps to "ab漢" + "字"; "x👍🏽yz" just fits one row.
    var editor = TextEditor(text: "ab漢字\nx👍🏽yz")
    editor.cursor = (line: 0, column: 2)          // before 漢, column 2
    #expect(render(&editor, width: 5, height: 3).rows == ["ab漢", "字", "x👍🏽yz"])
    press(.down, on: &editor)
    // Column 2 on row "字" is the end of the line.
    #expect(cursorOf(editor) == [0, 4])
    #expect(render(&editor, width: 5, height: 3).cursor == At(2, 1))
    press(.down, on: &editor)
    // Column 2 on "x👍🏽yz" is the right half of 👍🏽: the cursor stops before the emoji.
    #expect(cursorOf(editor) == [1, 1])
    #expect(render(&editor, width: 5, height: 3).cursor == At(1, 2))
    press(.up, 2, on: &editor)
    #expect(cursorOf(editor) == [0, 2])
}

@Test func aShorterRowKeepsTheCursorOnTheRowAimedAt() {
    // At width 4 "abc漢" wraps before 漢: the position after "c" is drawn at the start of the next
    // row, so going down with goal column 3 must stop before "c", on the row the user aimed at.
    var editor = TextEditor(text: "wxyz\nabc漢")
    editor.cursor = (line: 0, column: 3)
    #expect(render(&editor, width: 4, height: 3).rows == ["wxyz", "abc", "漢"])
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [1, 2])
    #expect(render(&editor, width: 4, height: 3).cursor == At(2, 1))
    // On the last row of a line the end of the line is a place of its own.
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [1, 4])
    #expect(render(&editor, width: 4, height: 3).cursor == At(2, 2))
}

// MARK: - Drawing

@Test func drawingWrapsByDisplayWidthAtSeveralWidths() {
    var editor = TextEditor(text: "hello world\n漢字かな")
    #expect(render(&editor, width: 20, height: 3).rows == ["hello world", "漢字かな", ""])
    #expect(render(&editor, width: 5, height: 6).rows == ["hello", " worl", "d", "漢字", "かな", ""])
    // At width 3 a wide character never splits: one per row, the third column left empty.
    #expect(render(&editor, width: 3, height: 8).rows == ["hel", "lo", "wor", "ld", "漢", "字", "か", "な"])
}

@Test func rowsBreakAtWordBoundaries() {
    var editor = TextEditor(text: "the quick brown fox")
    #expect(render(&editor, width: 10, height: 3).rows.map { $0.trimmingTrailingSpaces } == ["the quick", "brown fox", ""])
    #expect(render(&editor, width: 12, height: 3).rows.map { $0.trimmingTrailingSpaces } == ["the quick", "brown fox", ""])
    // A word longer than the row still breaks inside, and the rest wraps at words again.
    var long = TextEditor(text: "a verylongword b")
    #expect(render(&long, width: 6, height: 5).rows.map { $0.trimmingTrailingSpaces } == ["a", "verylo", "ngword", " b", ""])
}

@Test func upAndDownFollowWordWrappedRows() {
    var editor = TextEditor(text: "the quick brown fox")
    editor.cursor = (line: 0, column: 1)
    _ = render(&editor, width: 12, height: 3)
    press(.down, on: &editor)
    #expect(cursorOf(editor) == [0, 11], "column 1 of the row 'brown fox', after its b")
    #expect(render(&editor, width: 12, height: 3).cursor == At(1, 1))
    typeText("X", into: &editor)
    #expect(editor.text == "the quick bXrown fox")
}

@Test func aWideCharacterThatDoesNotFitMovesToTheNextRow() {
    var editor = TextEditor(text: "ab漢c")
    let frame = render(&editor, width: 3, height: 3)
    #expect(frame.rows == ["ab", "漢c", ""])
    // "漢c" fills the row, so the cursor after it shows at the start of the next row.
    #expect(frame.cursor == At(0, 2))
}

@Test func cursorAtTheRightEdgeShowsAtTheStartOfTheNextRow() {
    var editor = TextEditor(text: "abcd")
    let frame = render(&editor, width: 4, height: 2)
    #expect(frame.rows == ["abcd", ""])
    #expect(frame.cursor == At(0, 1))
    // Typing goes where the cursor was shown.
    typeText("e", into: &editor)
    #expect(render(&editor, width: 4, height: 2).rows == ["abcd", "e"])
    #expect(render(&editor, width: 4, height: 2).cursor == At(1, 1))
}

@Test func drawingReturnsTheCursorPositionInsideTheBox() {
    var editor = TextEditor(text: "ab\n漢字x")
    var grid = Grid(width: 20, height: 6)
    editor.scrollToCursor(width: 10, height: 3)
    let cursor = TextEditorView.draw(editor, into: &grid, x: 4, y: 2, width: 10, height: 3, style: .reverse)
    #expect(cursor.map { At($0.x, $0.y) } == At(4 + 5, 2 + 1))
    #expect(grid.line(2) == "    ab")
    #expect(grid.line(3) == "    漢字x")
    // The whole box is painted in the given style, and nothing outside it.
    #expect(grid[13, 4].style == .reverse)
    #expect(grid[14, 4].style == .plain)
    #expect(grid[3, 2].style == .plain)
}

@Test func drawingClearsWhatWasInTheBox() {
    var editor = TextEditor(text: "hi")
    var grid = Grid(width: 6, height: 2)
    grid.put("XXXXXX", x: 0, y: 0)
    grid.put("XXXXXX", x: 0, y: 1)
    editor.scrollToCursor(width: 4, height: 2)
    _ = TextEditorView.draw(editor, into: &grid, x: 0, y: 0, width: 4, height: 2, style: .plain)
    #expect(grid.line(0) == "hi  XX")
    #expect(grid.line(1) == "    XX")
}

// MARK: - Scrolling

@Test func scrollsToKeepTheCursorVisibleWhenTheTextIsTallerThanTheBox() {
    var editor = TextEditor(text: (0..<10).map { "l\($0)" }.joined(separator: "\n"))
    var frame = render(&editor, width: 10, height: 3)
    #expect(frame.rows == ["l7", "l8", "l9"])
    #expect(frame.cursor == At(2, 2))
    press(.up, 3, on: &editor)
    frame = render(&editor, width: 10, height: 3)
    #expect(frame.rows == ["l6", "l7", "l8"])
    #expect(frame.cursor == At(2, 0))
    // Moving inside the visible rows does not scroll: the view is stable between frames.
    press(.down, on: &editor)
    frame = render(&editor, width: 10, height: 3)
    #expect(frame.rows == ["l6", "l7", "l8"])
    #expect(frame.cursor == At(2, 1))
    #expect(editor.topRow == 6)
}

@Test func scrollingCountsWrappedRows() {
    var editor = TextEditor(text: "aaaaaaaaaa\nbb")
    let frame = render(&editor, width: 4, height: 2)
    // "aaaaaaaaaa" is three rows at width 4; the cursor is on "bb", the fourth.
    #expect(frame.rows == ["aa", "bb"])
    #expect(frame.cursor == At(2, 1))
}

@Test func deletingTextBelowPullsTheViewBackUp() {
    var editor = TextEditor(text: (0..<6).map { "l\($0)" }.joined(separator: "\n"))
    _ = render(&editor, width: 10, height: 3)
    #expect(editor.topRow == 3)
    // Delete everything from the end of "l2" on: only three rows remain, and all should show.
    editor.cursor = (line: 2, column: 2)
    for _ in 0..<9 { _ = editor.handle(.delete) }
    #expect(editor.text == "l0\nl1\nl2")
    #expect(render(&editor, width: 10, height: 3).rows == ["l0", "l1", "l2"])
}

@Test func pageDownAndUpMoveByTheBoxHeight() {
    var editor = TextEditor(text: (0..<20).map { "line\($0)" }.joined(separator: "\n"))
    editor.cursor = (line: 0, column: 2)
    _ = render(&editor, width: 10, height: 5)
    #expect(editor.handle(.pageDown) == true)
    #expect(cursorOf(editor) == [5, 2])
    var frame = render(&editor, width: 10, height: 5)
    // The view turned a page too, so the cursor keeps its place on screen.
    #expect(frame.rows.first == "line5")
    #expect(frame.cursor == At(2, 0))
    press(.pageDown, 10, on: &editor)
    #expect(cursorOf(editor) == [19, 6])
    frame = render(&editor, width: 10, height: 5)
    #expect(frame.rows.last == "line19")
    #expect(editor.handle(.pageUp) == true)
    #expect(cursorOf(editor) == [14, 6])
    press(.pageUp, 10, on: &editor)
    #expect(cursorOf(editor) == [0, 0])
    #expect(render(&editor, width: 10, height: 5).rows.first == "line0")
}

@Test func aNarrowerBoxRewrapsAndStillShowsTheCursor() {
    var editor = TextEditor(text: "one two three four five six")
    #expect(render(&editor, width: 30, height: 2).cursor == At(27, 0))
    let frame = render(&editor, width: 6, height: 2)
    #expect(frame.rows == ["five", "six"], "rows break after the blank, words whole")
    #expect(frame.cursor == At(3, 1))
    // Drawing without scrolling first (a caller that forgot) still keeps the cursor inside.
    var grid = Grid(width: 3, height: 2)
    let cursor = TextEditorView.draw(editor, into: &grid, x: 0, y: 0, width: 3, height: 2, style: .plain)
    #expect(cursor.map { $0.y >= 0 && $0.y < 2 && $0.x >= 0 && $0.x < 3 } == true)
    #expect(grid.line(0) == "six")
}

// MARK: - Degenerate sizes

@Test func tinyAndEmptyBoxesDoNotCrash() {
    let texts = ["", "a", "漢字👍🏽e\u{301}\u{200B}", "ab\ncd\n\n", "\u{202E}rtl\tx\u{1B}", "👨‍👩‍👧👨‍👩‍👧"]
    for text in texts {
        for width in -1...4 {
            for height in -1...3 {
                var editor = TextEditor(text: text)
                var grid = Grid(width: max(0, width), height: max(0, height))
                for key: Key in [.up, .left, .down, .pageUp, .right, .pageDown, .home, .end, .up, .down] {
                    _ = editor.handle(key)
                    editor.scrollToCursor(width: width, height: height)
                    let cursor = TextEditorView.draw(editor, into: &grid, x: 0, y: 0, width: width, height: height,
                                                     style: .plain)
                    if width <= 0 || height <= 0 {
                        #expect(cursor == nil)
                    } else if let cursor {
                        #expect(cursor.x >= 0 && cursor.x < width && cursor.y >= 0 && cursor.y < height,
                                "\(text.debugDescription) \(width)x\(height) \(key)")
                    } else {
                        Issue.record("no cursor for \(text.debugDescription) at \(width)x\(height)")
                    }
                }
                #expect(editor.text == text)
            }
        }
    }
}

@Test func aOneByOneBoxShowsTheCursorCell() {
    var editor = TextEditor(text: "ab")
    var frame = render(&editor, width: 1, height: 1)
    // After "b" the single column is full, so the cursor is on the (empty) row after it.
    #expect(frame.rows == [""])
    #expect(frame.cursor == At(0, 0))
    press(.left, on: &editor)
    frame = render(&editor, width: 1, height: 1)
    #expect(frame.rows == ["b"])
    // A wide character cannot fit one column: it shows as a blank rather than spilling out.
    var wide = TextEditor(text: "漢")
    press(.home, on: &wide)
    frame = render(&wide, width: 1, height: 1)
    #expect(frame.rows == [""])
    #expect(frame.cursor == At(0, 0))
}

@Test func aBoxPartlyOutsideTheGridIsClipped() {
    var editor = TextEditor(text: "hello\nworld")
    var grid = Grid(width: 4, height: 1)
    editor.scrollToCursor(width: 10, height: 5)
    let cursor = TextEditorView.draw(editor, into: &grid, x: 2, y: -1, width: 10, height: 5, style: .plain)
    #expect(grid.line(0) == "  wo")
    #expect(cursor.map { At($0.x, $0.y) } == At(7, 0))
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

@Test func editsKeepTheKeptRowCountsTrue() {
    // The editor counts each line's rows once and updates them as it edits: after any run of
    // edits, what it shows must be what a fresh editor on the same text and cursor shows.
    var editor = TextEditor(text: "one two\nthree")
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(bound))
    }
    let keys: [Key] = [.enter, .backspace, .delete, .left, .right, .up, .down, .character(" "), .character("w"),
                       .character("漢"), .character("x"), .home, .end]
    for step in 0..<400 {
        let width = step < 200 ? 7 : 5  // and once re-counted for a new width
        _ = render(&editor, width: width, height: 300)
        _ = editor.handle(keys[next(keys.count)])
        let shown = render(&editor, width: width, height: 300)
        var fresh = TextEditor(text: editor.text)
        fresh.cursor = editor.cursor
        let expected = render(&fresh, width: width, height: 300)
        #expect(shown.rows == expected.rows, "after step \(step)")
        #expect(shown.cursor == expected.cursor, "after step \(step)")
        if shown.rows != expected.rows { break }
    }
}
