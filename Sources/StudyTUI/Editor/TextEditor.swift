import StudyCore
import StudyText
import TermGrid

/// The annotation editor's model: the text as lines of grapheme clusters, the cursor, and the
/// small amount of view state that editing between soft-wrapped rows needs (the last wrap width
/// and height, the scroll offset, the sticky goal column). Pure Swift and terminal-free;
/// `TextEditorView` draws it into a `Grid`, and key handling lives here so it can be tested.
public struct TextEditor: Hashable, Sendable {
    /// A tab inserts spaces up to the next multiple of this many display columns. Spaces, not a
    /// tab character, so what the user sees is what gets saved, whatever the reader's tab width.
    public static let tabWidth = 4

    /// The text, one array of grapheme clusters per line, never empty (an empty text is one empty
    /// line). Characters, not scalars, so an accented letter or an emoji sequence is one unit for
    /// the cursor, backspace and wrapping alike.
    public private(set) var lines: [[Character]]

    private var cursorLine: Int
    /// Index of the grapheme the cursor stands before, in `0...lines[cursorLine].count`.
    private var cursorIndex: Int

    /// The display column that up/down try to keep (the column the vertical move started from),
    /// so passing through a short row does not pull the cursor left for good. Any other key
    /// forgets it.
    private var goalColumn: Int?

    /// The first visual row shown, kept here so the view does not jump between frames.
    public private(set) var topRow: Int = 0

    /// The size of the box last passed to `scrollToCursor`: up/down need the wrap width to know
    /// what a visual row is, and page up/down move by the height. Zero means "not drawn yet":
    /// rows are then whole lines and a page is one row.
    public private(set) var viewWidth: Int = 0
    public private(set) var viewHeight: Int = 0

    /// How many rows each line wraps to at `countedWidth` (0: not counted), kept up to date by
    /// every edit, so that a key costs what the lines it touches cost rather than a relayout of
    /// the whole text (an annotation may be a megabyte).
    private var rowCounts: [Int] = []
    private var countedWidth = 0

    /// Starts with the cursor after the last character. `\r\n` becomes a line break; any other
    /// control character is kept as it is (the grid shows it escaped, and the text is the user's).
    public init(text: String) {
        var lines: [[Character]] = [[]]
        for character in text {
            // "\r\n" is a single Character in Swift, so it is matched here as a whole.
            if character == "\n" || character == "\r\n" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(character)
            }
        }
        self.lines = lines
        cursorLine = lines.count - 1
        cursorIndex = lines[lines.count - 1].count
    }

    /// The lines joined by "\n": what gets saved.
    public var text: String {
        lines.map { String($0) }.joined(separator: "\n")
    }

    /// The cursor as (line, grapheme index in that line). Setting it clamps to the text.
    public var cursor: (line: Int, column: Int) {
        get { (cursorLine, cursorIndex) }
        set {
            cursorLine = min(max(0, newValue.line), lines.count - 1)
            cursorIndex = min(max(0, newValue.column), lines[cursorLine].count)
            goalColumn = nil
        }
    }

    // MARK: - Keys

    /// Applies one key. Returns false for keys the editor has no use for (Esc, Ctrl-S, function
    /// keys, resize, back-tab, other Ctrl keys), so the caller can save, cancel or move focus.
    /// Editing and movement keys return true even when nothing moves (left at the very start),
    /// because they still belong to the editor and must not leak to the screen behind it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            return typeCharacter(character)
        case .enter:
            splitLine()
        case .tab:
            insertTab()
        case .backspace:
            deleteBackward()
        case .delete:
            deleteForward()
        case .left:
            moveLeft()
        case .right:
            moveRight()
        case .up:
            _ = stepUp()
        case .down:
            _ = stepDown()
        case .home, .control("a"):
            cursorIndex = 0
            goalColumn = nil
        case .end, .control("e"):
            cursorIndex = lines[cursorLine].count
            goalColumn = nil
        case .pageUp:
            page(down: false)
        case .pageDown:
            page(down: true)
        default:
            return false
        }
        return true
    }

    /// Inserts a paste at the cursor as one edit: its line breaks ("\n") start new lines, and
    /// no character of it is read as a key. The terminal layer has already removed its controls.
    public mutating func paste(_ text: String) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { splitLine() }
            let kept = line.filter { !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
            if !kept.isEmpty { insert(String(kept)) }
        }
        goalColumn = nil
    }

    /// Records the box size and scrolls the least needed for the cursor's row to be visible (and
    /// no further down than the text needs). Call it before drawing each frame.
    public mutating func scrollToCursor(width: Int, height: Int) {
        viewWidth = max(0, width)
        viewHeight = max(0, height)
        if width > 0 && width != countedWidth {
            rowCounts = lines.map { Self.wrap($0, width: width).count }
            countedWidth = width
        }
        topRow = scrollTop(width: width, height: height)
    }

    /// Re-counts the rows of lines that an edit changed.
    private mutating func recount(_ range: ClosedRange<Int>) {
        guard countedWidth > 0 else { return }
        for line in range { rowCounts[line] = Self.wrap(lines[line], width: countedWidth).count }
    }

    private mutating func insertLine(_ characters: [Character], at index: Int) {
        lines.insert(characters, at: index)
        if countedWidth > 0 { rowCounts.insert(0, at: index) }
        recount(index...index)
    }

    private mutating func removeLine(at index: Int) {
        lines.remove(at: index)
        if countedWidth > 0 { rowCounts.remove(at: index) }
    }

    // MARK: - Editing

    private mutating func typeCharacter(_ character: Character) -> Bool {
        // The terminal layer never sends controls as characters, but a pasted line break or tab
        // arriving this way should still do the obvious thing rather than hide in the text.
        if character == "\n" || character == "\r" || character == "\r\n" {
            splitLine()
            return true
        }
        if character == "\t" {
            insertTab()
            return true
        }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return false
        }
        insert(String(character))
        return true
    }

    private mutating func insert(_ string: String) {
        let line = lines[cursorLine]
        replaceLine(before: String(line[..<cursorIndex]) + string, after: String(line[cursorIndex...]))
        goalColumn = nil
    }

    private mutating func insertTab() {
        let column = lines[cursorLine][..<cursorIndex].reduce(0) { $0 + Self.cellWidth($1) }
        insert(String(repeating: " ", count: Self.tabWidth - column % Self.tabWidth))
    }

    private mutating func splitLine() {
        let line = lines[cursorLine]
        lines[cursorLine] = Array(line[..<cursorIndex])
        recount(cursorLine...cursorLine)
        insertLine(Array(line[cursorIndex...]), at: cursorLine + 1)
        cursorLine += 1
        cursorIndex = 0
        goalColumn = nil
    }

    private mutating func deleteBackward() {
        goalColumn = nil
        let line = lines[cursorLine]
        if cursorIndex > 0 {
            replaceLine(before: String(line[..<(cursorIndex - 1)]), after: String(line[cursorIndex...]))
        } else if cursorLine > 0 {
            let previous = lines[cursorLine - 1]
            removeLine(at: cursorLine)
            cursorLine -= 1
            replaceLine(before: String(previous), after: String(line))
        }
    }

    private mutating func deleteForward() {
        goalColumn = nil
        let line = lines[cursorLine]
        if cursorIndex < line.count {
            replaceLine(before: String(line[..<cursorIndex]), after: String(line[(cursorIndex + 1)...]))
        } else if cursorLine + 1 < lines.count {
            let next = lines[cursorLine + 1]
            removeLine(at: cursorLine + 1)
            replaceLine(before: String(line), after: String(next))
        }
    }

    /// Sets the cursor line to `before + after` and puts the cursor between them. The line is
    /// re-split into graphemes from the joined string because an edit can merge neighbours: a
    /// combining accent typed after "e", a skin-tone modifier after 👍, or a line that starts
    /// with a combining mark joined onto the previous one. If the join point falls inside a
    /// merged grapheme, the cursor goes after it (it can never stand inside one).
    private mutating func replaceLine(before: String, after: String) {
        let characters = Array(before + after)
        let target = before.unicodeScalars.count
        var scalars = 0
        var index = 0
        while index < characters.count && scalars < target {
            scalars += characters[index].unicodeScalars.count
            index += 1
        }
        lines[cursorLine] = characters
        recount(cursorLine...cursorLine)
        cursorIndex = index
    }

    // MARK: - Movement

    private mutating func moveLeft() {
        goalColumn = nil
        if cursorIndex > 0 {
            cursorIndex -= 1
        } else if cursorLine > 0 {
            cursorLine -= 1
            cursorIndex = lines[cursorLine].count
        }
    }

    private mutating func moveRight() {
        goalColumn = nil
        if cursorIndex < lines[cursorLine].count {
            cursorIndex += 1
        } else if cursorLine + 1 < lines.count {
            cursorLine += 1
            cursorIndex = 0
        }
    }

    /// The width rows wrap at: the last drawn width, or unlimited before the first frame.
    var wrapWidth: Int { viewWidth > 0 ? viewWidth : .max }

    /// Moves one visual row down, keeping the goal column. On the last row it goes to the end of
    /// the text instead (as text fields do) and returns false.
    private mutating func stepDown() -> Bool {
        let width = wrapWidth
        let place = Self.placement(of: cursorIndex, in: lines[cursorLine], width: width)
        let goal = goalColumn ?? place.column
        let rows = place.rows
        if place.row + 1 < rows.count {
            cursorIndex = Self.index(in: lines[cursorLine], row: rows[place.row + 1],
                                     isLastRow: place.row + 1 == rows.count - 1, goal: goal, width: width)
        } else if cursorLine + 1 < lines.count {
            cursorLine += 1
            let next = Self.wrap(lines[cursorLine], width: width)
            cursorIndex = Self.index(in: lines[cursorLine], row: next[0], isLastRow: next.count == 1,
                                     goal: goal, width: width)
        } else {
            cursorIndex = lines[cursorLine].count
            goalColumn = nil
            return false
        }
        goalColumn = goal
        return true
    }

    /// Moves one visual row up, keeping the goal column. On the first row it goes to the start of
    /// the text and returns false.
    private mutating func stepUp() -> Bool {
        let width = wrapWidth
        let place = Self.placement(of: cursorIndex, in: lines[cursorLine], width: width)
        let goal = goalColumn ?? place.column
        let rows = place.rows
        if place.row > 0 {
            // From the extra row after a full last row (`place.row == rows.count`) this lands on
            // the last real row, which is right: that row is the one drawn just above.
            cursorIndex = Self.index(in: lines[cursorLine], row: rows[place.row - 1],
                                     isLastRow: place.row - 1 == rows.count - 1, goal: goal, width: width)
        } else if cursorLine > 0 {
            cursorLine -= 1
            let previous = Self.wrap(lines[cursorLine], width: width)
            cursorIndex = Self.index(in: lines[cursorLine], row: previous[previous.count - 1], isLastRow: true,
                                     goal: goal, width: width)
        } else {
            cursorIndex = 0
            goalColumn = nil
            return false
        }
        goalColumn = goal
        return true
    }

    /// Moves a page of visual rows and scrolls the view by as many, so the cursor keeps its place
    /// on the screen the way it does in other editors.
    private mutating func page(down: Bool) {
        let rows = max(1, viewHeight)
        var moved = 0
        while moved < rows, down ? stepDown() : stepUp() {
            moved += 1
        }
        topRow = max(0, down ? topRow + moved : topRow - moved)
    }

    // MARK: - Layout (shared with TextEditorView)

    /// One soft-wrapped row of a line: graphemes `start..<end`, taking `width` columns.
    struct Row: Hashable, Sendable {
        var start: Int
        var end: Int
        var width: Int
    }

    /// One row as the view shows it: a row of `line`, or the empty row after a line whose last
    /// row is full, where the cursor sits when it is at that line's end.
    struct VisualRow: Hashable, Sendable {
        var line: Int
        var row: Row
    }

    /// Columns a grapheme takes as the grid will draw it. Controls are measured escaped (a tab is
    /// `␉`, one column; a bidi override `<U+202E>`, eight) because that is what appears on screen.
    static func cellWidth(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7f { return 1 }
        return DisplayWidth.of(TerminalSafe.escape(String(character)))
    }

    /// Splits a line into rows of at most `width` columns, never inside a grapheme, breaking
    /// after the last blank that fits (so words stay whole) and inside a word only when the word
    /// alone is wider than the row. A character that does not fit what is left of a row starts
    /// the next one; one wider than the whole box still gets a row of its own (the view clips
    /// it), so wrapping always progresses. Zero-width characters stay on the row of the
    /// character they follow. Always at least one row, so an empty line still takes one.
    static func wrap(_ characters: [Character], width: Int) -> [Row] {
        var rows: [Row] = []
        var start = 0
        var used = 0
        // Where the row may end to keep the next word whole (after a blank that follows a
        // word), and the columns used up to there; `breakAt == start` means nowhere yet.
        var breakAt = 0
        var usedAtBreak = 0
        var sawWord = false
        for (index, character) in characters.enumerated() {
            let columns = cellWidth(character)
            // Written as a subtraction so an unlimited width (.max) cannot overflow.
            if used > 0 && columns > 0 && columns > width - used {
                if breakAt > start {
                    rows.append(Row(start: start, end: breakAt, width: usedAtBreak))
                    start = breakAt
                    used -= usedAtBreak
                }
                // The carried part of a word may still leave no room for this character.
                if used > 0 && columns > width - used {
                    rows.append(Row(start: start, end: index, width: used))
                    start = index
                    used = 0
                }
                breakAt = start
                sawWord = used > 0
            }
            used += columns
            if character.isWhitespace {
                if sawWord {
                    breakAt = index + 1
                    usedAtBreak = used
                }
            } else {
                sawWord = true
            }
        }
        rows.append(Row(start: start, end: characters.count, width: used))
        return rows
    }

    /// Where a cursor before grapheme `index` shows: its row in the line's wrapped rows and its
    /// column in that row. A cursor at a row boundary belongs to the row that starts there. A
    /// column that would be at or past the right edge (after a full last row) moves to column 0
    /// of the next row: `row == rows.count` then means the extra row after the line.
    static func placement(of index: Int, in characters: [Character],
                          width: Int) -> (rows: [Row], row: Int, column: Int) {
        let rows = wrap(characters, width: width)
        var rowIndex = rows.count - 1
        for (candidate, row) in rows.enumerated() where row.start <= index && index < row.end {
            rowIndex = candidate
            break
        }
        let row = rows[rowIndex]
        var column = 0
        for position in row.start..<min(index, row.end) {
            column += cellWidth(characters[position])
        }
        if column >= width {
            return (rows, rowIndex + 1, 0)
        }
        return (rows, rowIndex, column)
    }

    /// The grapheme index in `row` closest to display column `goal` without passing it, so the
    /// cursor never lands inside a wide character. Only the last row of a line can take the
    /// cursor after its last character (anywhere else that position is the next row's start),
    /// and not even it when it is full, or the cursor would jump to the row below.
    static func index(in characters: [Character], row: Row, isLastRow: Bool, goal: Int, width: Int) -> Int {
        var column = 0
        for position in row.start..<row.end {
            let columns = cellWidth(characters[position])
            if column + columns > goal { return position }
            column += columns
        }
        if isLastRow && row.width < width { return row.end }
        return max(row.start, row.end - 1)
    }

    /// Where the cursor is among the visual rows at `width`, and how many rows there are.
    struct Layout {
        var rowCount: Int
        var cursorRow: Int
        var cursorColumn: Int
        /// Rows per line, the cursor's line counting the extra row after a full last row.
        var counts: [Int]
    }

    /// The layout at `width`, from the kept row counts when they are for this width: only the
    /// cursor's line is wrapped here.
    func layout(width: Int) -> Layout {
        var counts = width == countedWidth ? rowCounts : lines.map { Self.wrap($0, width: width).count }
        let place = Self.placement(of: cursorIndex, in: lines[cursorLine], width: width)
        if place.row == place.rows.count { counts[cursorLine] += 1 }
        let cursorRow = counts[..<cursorLine].reduce(0, +) + place.row
        return Layout(rowCount: counts.reduce(0, +), cursorRow: cursorRow, cursorColumn: place.column, counts: counts)
    }

    /// Up to `limit` visual rows from row `top`: only the lines they belong to are wrapped.
    func rows(from top: Int, limit: Int, layout: Layout, width: Int) -> [VisualRow] {
        var line = 0
        var first = 0
        while line < lines.count && first + layout.counts[line] <= top {
            first += layout.counts[line]
            line += 1
        }
        var rows: [VisualRow] = []
        var skip = top - first
        while line < lines.count && rows.count < limit {
            var lineRows = Self.wrap(lines[line], width: width).map { VisualRow(line: line, row: $0) }
            if lineRows.count < layout.counts[line] {
                let end = lines[line].count
                lineRows.append(VisualRow(line: line, row: Row(start: end, end: end, width: 0)))
            }
            for row in lineRows.dropFirst(skip) where rows.count < limit { rows.append(row) }
            skip = 0
            line += 1
        }
        return rows
    }

    /// The first row to show in a box of this size: the stored `topRow`, moved the least needed
    /// for the cursor's row to be inside the box, and pulled up when text below was deleted so the
    /// box does not show empty rows under a scrolled-away top.
    func scrollTop(width: Int, height: Int) -> Int {
        guard width > 0, height > 0 else { return 0 }
        return scrollTop(for: layout(width: width), height: height)
    }

    /// `scrollTop(width:height:)` for a layout already computed (the view needs it anyway).
    func scrollTop(for layout: Layout, height: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = min(topRow, max(0, layout.rowCount - height))
        if layout.cursorRow < top {
            top = layout.cursorRow
        } else if layout.cursorRow - top >= height {
            top = layout.cursorRow - height + 1
        }
        return max(0, top)
    }
}
