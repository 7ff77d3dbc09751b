import StudyText

/// One terminal cell: a grapheme and its style. A character two columns wide occupies its cell
/// and marks the next one as its continuation, so every row always holds exactly `width` columns.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: CellStyle
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    /// Cells are equal when they send the same bytes in the same style. The painter compares
    /// every cell of a frame with the last one; Character's own `==` (canonical equivalence)
    /// walks Unicode tables for every pair of different non-ASCII characters (`█` beside `░`),
    /// which made comparing frames a large part of a key's cost.
    public static func == (a: Cell, b: Cell) -> Bool {
        a.style == b.style && a.isContinuation == b.isContinuation && sameBytes(a.character, b.character)
    }

    private static func sameBytes(_ a: Character, _ b: Character) -> Bool {
        // Identical representations first: a character of up to 15 UTF-8 bytes is stored in
        // place, so two with the same bytes have the same 16 bytes of representation.
        let identical = withUnsafeBytes(of: a) { x in
            withUnsafeBytes(of: b) { y in
                x.count == 16 && y.count == 16
                    ? x.load(as: UInt64.self) == y.load(as: UInt64.self)
                        && x.load(fromByteOffset: 8, as: UInt64.self) == y.load(fromByteOffset: 8, as: UInt64.self)
                    : x.elementsEqual(y)
            }
        }
        return identical || (a.utf8.first == b.utf8.first && a.utf8.elementsEqual(b.utf8))
    }
}

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
        guard y >= 0, y < height, x < width, limit > 0 else { return 0 }
        let end = min(width, x + min(limit, width))
        if let columns = putPrintableASCII(text, x: x, y: y, end: end, style: style) { return columns }
        var column = x
        let safe = TerminalSafe.escape(String(text))
        for character in safe {
            if column >= end { break }
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if column < 0 { column += columns; continue }
            if columns == 2 && column + 1 >= end {
                set(column, y, Cell(" ", style: style))
                column += 1
                break
            }
            set(column, y, Cell(character, style: style))
            if columns == 2 { set(column + 1, y, Cell(" ", style: style, isContinuation: true)) }
            column += columns
        }
        return max(0, column - x)
    }

    /// The common case, printable ASCII, without grapheme breaking or width lookups: one byte is
    /// one cell. nil when the text has anything else, for the general path.
    private mutating func putPrintableASCII(_ text: some StringProtocol, x: Int, y: Int, end: Int,
                                            style: CellStyle) -> Int? {
        var column = x
        var fits = true
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7f else { fits = false; break }
        }
        guard fits else { return nil }
        for byte in text.utf8 {
            if column >= end { break }
            if column >= 0 { set(column, y, Cell(Character(Unicode.Scalar(byte)), style: style)) }
            column += 1
        }
        return max(0, column - x)
    }

    /// Copies another grid's cells to (x, y), clipped to this grid. Cells are copied whole, so a
    /// wide character cut by the right edge is replaced by a blank.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        for row in 0..<other.height {
            let target = y + row
            guard target >= 0, target < height else { continue }
            for column in 0..<other.width {
                let tx = x + column
                guard tx >= 0, tx < width else { continue }
                var cell = other.cells[row * other.width + column]
                if cell.isContinuation && (tx == 0 || column == 0) { cell = Cell(" ", style: cell.style) }
                if !cell.isContinuation && tx == width - 1 && column + 1 < other.width
                    && other.cells[row * other.width + column + 1].isContinuation {
                    cell = Cell(" ", style: cell.style)
                }
                cells[target * width + tx] = cell
            }
        }
    }

    /// Fills a rectangle with blanks of `style` (clipped to the grid).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain) {
        let left = max(0, x), right = min(width, x + w)
        let top = max(0, y), bottom = min(height, y + h)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { set(column, row, Cell(" ", style: style)) }
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
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !cell.isContinuation, x + 1 < width, cells[index + 1].isContinuation,
           DisplayWidth.of(cells[index].character) == 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
