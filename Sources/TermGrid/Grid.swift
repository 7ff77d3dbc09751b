import StudyText

/// A screen-sized grid of cells that widgets draw into and the terminal layer copies out.
///
/// Text is placed by display width, never by byte or character count: wide characters take two
/// cells (or a blank when only one is left), zero-width ones that stand alone are dropped, and
/// anything that could act as a terminal control is shown escaped (`␛`). So whatever reaches the
/// grid is safe to send to a terminal.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` of row `y`, clipped to `limit` columns (and the grid's edge).
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain,
                             limit: Int = .max) -> Int {
        put(String(text), x: x, y: y, style: style, limit: limit)
    }

    /// `put` for a String, the common case: called from other modules, the generic version runs
    /// unspecialised (every byte and character through protocol witnesses), which made drawing
    /// text several times slower than this.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int = .max) -> Int {
        guard y >= 0, y < height, x < width, limit > 0 else { return 0 }
        let end = min(width, x + min(limit, width))
        if let columns = putPrintableASCII(text, x: x, y: y, end: end, style: style) { return columns }
        var column = x
        let safe = TerminalSafe.escape(text)
        // ASCII needs no measuring, and a run of one character (a bar's blocks, a box's edge)
        // is measured once.
        var measured: (character: Character, columns: Int)?
        for character in safe {
            if column >= end { break }
            let columns: Int
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte < 0x80 {
                // ASCII left by `escape` is printable: one column, as DisplayWidth says.
                columns = 1
            } else if let measured, Cell.sameBytes(measured.character, character) {
                columns = measured.columns
            } else {
                columns = DisplayWidth.of(character)
                measured = (character, columns)
            }
            if columns == 0 { continue }
            if column < 0 { column += columns; continue }
            if columns == 2 && column + 1 >= end {
                set(column, y, Cell(glyph: 0x20, style: style))
                column += 1
                break
            }
            set(column, y, Cell(character, style: style))
            if columns == 2 { set(column + 1, y, Cell(glyph: 0x20, style: style, isContinuation: true)) }
            column += columns
        }
        return max(0, column - x)
    }

    /// The common case, printable ASCII, without grapheme breaking or width lookups: one byte is
    /// one cell. nil when the text has anything else, for the general path.
    /// Only the bytes that can show are looked at, and one more: no character after a printable
    /// ASCII one can join it into one grapheme but a non-ASCII one, which sends the text down
    /// the general path (so a long text clipped to a few columns costs a few columns).
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, end: Int,
                                            style: CellStyle) -> Int? {
        let room = max(0, end - x)
        var checked = 0
        for byte in text.utf8 {
            if checked > room { break }
            guard byte >= 0x20 && byte < 0x7f else { return nil }
            checked += 1
        }
        var column = x
        for byte in text.utf8 {
            if column >= end { break }
            if column >= 0 { set(column, y, Cell(glyph: UInt32(byte), style: style)) }
            column += 1
        }
        return max(0, column - x)
    }

    /// Copies another grid's cells to (x, y), clipped to this grid. Cells are copied whole, so a
    /// wide character cut by the left or right edge is replaced by a blank. Every frame is
    /// pieces blitted together: each row is one block copy, then its two ends are mended.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        let left = max(0, x), right = min(width, x + other.width)
        guard left < right else { return }
        let targetWidth = width, targetHeight = height, sourceWidth = other.width
        other.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                guard let source = source.baseAddress, let target = target.baseAddress else { return }
                for row in 0..<other.height {
                    let ty = y + row
                    guard ty >= 0, ty < targetHeight else { continue }
                    // Where column `left` of this row is, in the source and in the target.
                    let from = row * sourceWidth + left - x, to = ty * targetWidth + left
                    (target + to).update(from: source + from, count: right - left)
                    // The right half of a character whose left half is not copied.
                    if target[to].isContinuation { target[to] = Cell(glyph: 0x20, style: target[to].style) }
                    // The left half of one whose right half falls off the target's edge.
                    let last = to + right - 1 - left, sourceLast = from + right - 1 - left
                    if right == targetWidth, !target[last].isContinuation, right - x < sourceWidth,
                       source[sourceLast + 1].isContinuation {
                        target[last] = Cell(glyph: 0x20, style: target[last].style)
                    }
                }
            }
        }
    }

    /// Fills a rectangle with blanks of `style` (clipped to the grid).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain) {
        let left = max(0, x), right = min(width, x + w)
        let top = max(0, y), bottom = min(height, y + h)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { set(column, row, Cell(glyph: 0x20, style: style)) }
        }
    }

    /// Applies extra attributes to a run of cells (a selection highlight) without changing text.
    public mutating func highlight(x: Int, y: Int, width w: Int, adding attributes: CellStyle.Attributes) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
            cells[y * width + column].style.attributes.formUnion(attributes)
        }
    }

    /// Row `y` as text, continuation cells left out and trailing spaces trimmed: what a snapshot
    /// compares and what a pseudo-terminal would show.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { text.append(cell.character) }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    public var text: String { (0..<height).map(line).joined(separator: "\n") }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        // Overwriting half of a wide character blanks its other half, as a terminal would.
        if cells[index].isContinuation && !cell.isContinuation && x > 0 {
            cells[index - 1] = Cell(glyph: 0x20, style: cells[index - 1].style)
        }
        if !cell.isContinuation, x + 1 < width, cells[index + 1].isContinuation,
           DisplayWidth.of(cells[index].character) == 2 {
            cells[index + 1] = Cell(glyph: 0x20, style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
