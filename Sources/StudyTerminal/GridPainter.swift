import CNcursesw
import TermGrid

/// Copies a `Grid` into ncurses' stdscr, touching only the cells that changed since the last
/// grid it drew. ncurses then diffs stdscr against the screen again, so a key that changes a
/// line costs a few cells of work here and a few bytes on the wire.
final class GridPainter {
    /// What stdscr holds now; nil when unknown (first draw, after a resize or a suspend).
    private var previous: Grid?
    private var previousScreen = (width: -1, height: -1)
    private let palette: Palette
    private let buffer: UnsafeMutablePointer<wchar_t>
    private let blank: UnsafeMutablePointer<wchar_t>
    /// One row's cells as ncurses takes them, filled by `paintRow`.
    private var line: UnsafeMutablePointer<cchar_t>
    private var lineCapacity = 0

    init(palette: Palette) {
        self.palette = palette
        buffer = .allocate(capacity: Glyph.bufferCapacity)
        blank = .allocate(capacity: 2)
        blank[0] = wchar_t(UInt8(ascii: " "))
        blank[1] = 0
        line = .allocate(capacity: 1)
        lineCapacity = 1
    }

    deinit {
        buffer.deallocate()
        blank.deallocate()
        line.deallocate()
    }

    /// The next paint starts from a blank stdscr and repaints the whole terminal.
    func forget() {
        previous = nil
    }

    /// The terminal and stdscr have just been cleared (a screen of `screen`'s size): the next
    /// paint sends only what is not blank.
    func startFromBlank(screen: (width: Int, height: Int)) {
        previous = Grid(width: screen.width, height: screen.height)
        previousScreen = screen
    }

    /// Brings stdscr to `grid` (clipped to, or padded to, the screen). Does not refresh.
    func paint(_ grid: Grid, screen: (width: Int, height: Int)) {
        let reusable = previous.flatMap { old in
            old.width == grid.width && old.height == grid.height && previousScreen == screen ? old : nil
        }
        if reusable == nil {
            // Whatever the terminal shows is unknown or the wrong shape: start clean.
            _ = werase(studydash_stdscr())
            _ = clearok(studydash_curscr(), true)
        }
        let rows = min(grid.height, screen.height), columns = min(grid.width, screen.width)
        if lineCapacity < columns {
            line.deallocate()
            line = .allocate(capacity: columns)
            lineCapacity = columns
        }
        let previousCells = reusable?.cells ?? []
        grid.cells.withUnsafeBufferPointer { cells in
            previousCells.withUnsafeBufferPointer { was in
                // nil: nothing to compare with, every row is painted whole.
                let old = reusable == nil ? nil : was.baseAddress
                for y in 0..<rows {
                    let start = y * grid.width
                    var first = 0, last = columns - 1
                    if let old, let now = cells.baseAddress {
                        while first <= last && now[start + first] == old[start + first] { first += 1 }
                        if first > last { continue }
                        while now[start + last] == old[start + last] { last -= 1 }
                    }
                    // Redraw a wide character whole when only its right half changed.
                    while first > 0 && cells[start + first].isContinuation { first -= 1 }
                    paintRow(cells, start: start, y: y, from: first, through: last, columns: columns, gridWidth: grid.width)
                }
            }
        }
        previous = grid
        previousScreen = screen
    }

    /// Writes the cells `first...last` of row `y` with one `wadd_wchnstr`, which copies them
    /// into stdscr's line as they are (no cursor to advance, no wrapping): cell by cell through
    /// `wadd_wch`, copying a frame into ncurses was a large part of a key's cost. A wide
    /// character takes two columns there, so its continuation cell is not passed.
    private func paintRow(_ cells: UnsafeBufferPointer<Cell>, start: Int, y: Int, from first: Int, through last: Int,
                          columns: Int, gridWidth: Int) {
        guard first <= last else { return }
        var x = first
        var count = 0
        // Runs of cells share a style: look each new style up once, and make its blank once.
        // An ASCII cell is that blank with its character in place of the space (what setcchar
        // would make of it, without measuring and checking the text again for every cell).
        var style = cells[start + x].style
        var rendition = palette.rendition(of: style)
        var blankCell = cchar_t()
        func styleBlank() {
            if setcchar(&blankCell, blank, rendition.attributes, rendition.pair, nil) != OK { blankCell = cchar_t() }
        }
        styleBlank()
        func add(_ text: UnsafePointer<wchar_t>) {
            // `Glyph.encode` gives only what setcchar takes; should it refuse, a blank holds the cell.
            if setcchar(line + count, text, rendition.attributes, rendition.pair, nil) != OK { line[count] = blankCell }
            count += 1
        }
        while x <= last {
            let cell = cells[start + x]
            if cell.style != style {
                style = cell.style
                rendition = palette.rendition(of: style)
                styleBlank()
            }
            if cell.isContinuation {
                // A right half whose left half is not here: show a blank rather than nothing.
                line[count] = blankCell
                count += 1
                x += 1
                continue
            }
            let scalar = cell.scalar
            if let scalar, scalar.value >= 0x20 && scalar.value < 0x7f {
                line[count] = blankCell
                line[count].chars.0 = wchar_t(scalar.value)
                count += 1
                x += 1
                continue
            }
            let wide = x + 1 < gridWidth && cells[start + x + 1].isContinuation
            if wide && x + 1 >= columns {
                // A wide character cut by the screen's right edge becomes a blank.
                line[count] = blankCell
                count += 1
                break
            }
            let room = wide ? 2 : 1
            let used = scalar.map { Glyph.encode($0, columns: room, into: buffer) }
                ?? Glyph.encode(cell.character, columns: room, into: buffer)
            add(buffer)
            if used < room {
                line[count] = blankCell
                count += 1
            }
            x += wide ? 2 : 1
        }
        let screen = studydash_stdscr()
        if wmove(screen, Int32(y), Int32(first)) != ERR { _ = wadd_wchnstr(screen, line, Int32(count)) }
    }
}
