import StudyCore
import StudyText
import TermGrid

/// The `?` overlay: every key of the dashboard, grouped by where it works.
enum HelpOverlay {
    static let lines: [(key: String, text: String)] = [
        ("", "Browse (tree ▏ resources)"),
        ("j k ↓ ↑", "move"),
        ("h l ← →", "collapse / expand, or go to parent / child"),
        ("Enter", "read the topic's note / the resource's details"),
        ("Tab S-Tab", "switch between the tree and the resources"),
        ("g G Home End", "first / last"),
        ("PgUp PgDn ^u ^d", "page / half page"),
        ("Space", "toggle the selection between todo and done"),
        ("d l s r", "mark done / learning / skipped / todo"),
        ("", "  (in the tree: every resource below; l expands;"),
        ("", "   over 10 resources asks y/n first)"),
        ("u", "undo the last change"),
        ("a  e", "annotate here, in place / in $EDITOR"),
        ("o  1–9", "open the resource's link / link N of the note"),
        ("y", "copy the resource's link (OSC 52)"),
        ("?", "this help"),
        ("q", "back / quit"),
        ("", ""),
        ("", "Reader"),
        ("j k PgUp PgDn", "scroll; g G top / bottom"),
        ("1–9  o  y", "open link N / the resource's link, copy it"),
        ("d l s r Space", "mark what it shows"),
        ("a  e  u", "annotate it (in place / $EDITOR), undo"),
        ("q Esc h", "back to the browser"),
        ("", ""),
        ("", "Annotation editor"),
        ("arrows Home End", "move; Enter starts a new line"),
        ("Ctrl-S", "save"),
        ("Esc", "cancel (asks y/n when the text changed)"),
    ]

    static let keyWidth = 18

    static func box(in area: Rect) -> Rect { Drawing.centered(in: area, width: 72, height: lines.count + 2) }

    /// The rows to show inside a box `width` columns wide: key and text side by side, or, when
    /// that does not fit, the key on a row of its own with the text below it.
    static func rows(width: Int) -> [(text: String, style: CellStyle, column: Int)] {
        let sideBySide = width >= keyWidth + 30
        var rows: [(String, CellStyle, Int)] = []
        for line in lines {
            if line.key.isEmpty {
                rows.append((" " + line.text, .bold, 0))
            } else if sideBySide {
                rows.append((" " + line.key, CellStyle(.bold, role: .accent), 0))
                rows.append((line.text, .plain, keyWidth))
            } else {
                rows.append((" " + line.key, CellStyle(.bold, role: .accent), 0))
                for piece in TextWrap.wrap(line.text, width: max(1, width - 4)) {
                    rows.append(("    " + piece, .plain, 0))
                }
            }
        }
        return rows
    }

    /// How many rows the help takes in this area, for scrolling.
    static func rowCount(in area: Rect) -> Int {
        let inside = box(in: area).width - 2
        return inside >= keyWidth + 30 ? lines.count : rows(width: inside).count
    }

    static func draw(scroll: Int, into grid: inout Grid, area: Rect) {
        let frame = box(in: area)
        let title = frame.width >= 50 ? "Keys · j/k scroll · any other key closes" : "Keys · j/k scroll"
        let inside = Drawing.box(frame, title: title, into: &grid)
        guard inside.height > 0 else { return }
        let rows = rows(width: inside.width)
        let total = rowCount(in: area)
        let start = min(scroll, max(0, total - inside.height))
        var row = -start
        var index = 0
        while index < rows.count && row < inside.height {
            let (text, style, column) = rows[index]
            // A row at column 0 followed by one at a column > 0 shares the screen row.
            let shares = index + 1 < rows.count && rows[index + 1].column > 0
            if row >= 0 {
                grid.put(text, x: inside.x + column, y: inside.y + row, style: style,
                         limit: shares ? keyWidth : inside.width - column)
                if shares {
                    let next = rows[index + 1]
                    grid.put(next.text, x: inside.x + next.column, y: inside.y + row, style: next.style,
                             limit: inside.width - next.column)
                }
            }
            index += shares ? 2 : 1
            row += 1
        }
    }
}
