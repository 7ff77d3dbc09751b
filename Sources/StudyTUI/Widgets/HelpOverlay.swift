import StudyCore
import StudyText
import TermGrid

/// The `?` overlay: every key of the dashboard, generated from the views' bindings tables, the
/// keys of the view it was opened from (the browser or the reader) first, then the others.
enum HelpOverlay {
    /// The views the help lists, the one it was opened from first (the reader with its table of
    /// contents), then the search line, the dashboard view, the editor and the y/n question. The
    /// help's own keys are in its title. Opened from the dashboard view (`fromView`), its table
    /// comes first.
    /// The tables are the keys in effect (`keymap`), rebound ones included.
    static func tables(openedFrom reader: AppState.Reader?, fromView: Bool = false,
                       keymap: KeyMap = .defaults) -> [KeyTable] {
        let views: [KeyMap.View] = reader == nil ? [.browser, .reader, .contents] : [.reader, .contents, .browser]
        let all = (views + [.search, .filter, .dashboard, .editor, .question]).map { keymap[$0] }
        guard fromView else { return all }
        return [keymap[.dashboard]] + all.filter { $0.title != keymap[.dashboard].title }
    }

    /// A table's lines: its title, then one line per run of rows with the same help text (their
    /// keys side by side), and any notes below it.
    static func lines(_ table: KeyTable) -> [(key: String, text: String)] {
        var lines: [(key: String, text: String)] = [("", table.title)]
        var index = 0
        let rows = table.bindings
        while index < rows.count {
            var keys: [Key] = []
            var notes: [String] = []
            var end = index
            while end < rows.count && rows[end].help == rows[index].help {
                keys += rows[end].keys
                notes += rows[end].notes
                end += 1
            }
            lines.append((KeyName.label(keys), rows[index].help))
            lines += notes.map { ("", $0) }
            index = end
        }
        return lines
    }

    static func lines(openedFrom reader: AppState.Reader?, fromView: Bool = false,
                      keymap: KeyMap = .defaults) -> [(key: String, text: String)] {
        var all: [(key: String, text: String)] = []
        for table in tables(openedFrom: reader, fromView: fromView, keymap: keymap) {
            if !all.isEmpty { all.append(("", "")) }
            all += lines(table)
        }
        return all + [("", "")] + mouseLines
    }

    /// The mouse is no key table of its own: what it does, once, after the keys.
    static let mouseLines: [(key: String, text: String)] = [
        ("", "Mouse (config mouse = true)"),
        ("click", "select a tree row, a resource, a reader line"),
        ("double click", "open it, as Enter does"),
        ("click [N]", "open link N (the status row shows it first)"),
        ("wheel", "scroll the pane under the pointer"),
        ("Shift-drag", "select text with the terminal's own selection"),
    ]

    static let keyWidth = 18

    /// As many rows as the help has, up to the area: the views' tables are the same whichever is
    /// first, so the box does not depend on where it was opened.
    static func box(in area: Rect, keymap: KeyMap) -> Rect {
        Drawing.centered(in: area, width: 72, height: lines(openedFrom: nil, keymap: keymap).count + 2)
    }

    /// The rows to show inside a box `width` columns wide: key and text side by side, or, when
    /// that does not fit, the key on a row of its own with the text below it.
    static func rows(width: Int, openedFrom reader: AppState.Reader?,
                     fromView: Bool = false, keymap: KeyMap) -> [(text: String, style: CellStyle, column: Int)] {
        let sideBySide = width >= keyWidth + 30
        var rows: [(String, CellStyle, Int)] = []
        for line in lines(openedFrom: reader, fromView: fromView, keymap: keymap) {
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
    static func rowCount(in area: Rect, openedFrom reader: AppState.Reader?, keymap: KeyMap) -> Int {
        let inside = box(in: area, keymap: keymap).width - 2
        return inside >= keyWidth + 30 ? lines(openedFrom: reader, keymap: keymap).count
            : rows(width: inside, openedFrom: reader, keymap: keymap).count
    }

    static func draw(scroll: Int, openedFrom reader: AppState.Reader?, fromView: Bool = false, keymap: KeyMap,
                     into grid: inout Grid, area: Rect) {
        let frame = box(in: area, keymap: keymap)
        let title = frame.width >= 50 ? "Keys · j/k scroll · any other key closes" : "Keys · j/k scroll"
        let inside = Drawing.box(frame, title: title, into: &grid)
        guard inside.height > 0 else { return }
        let rows = rows(width: inside.width, openedFrom: reader, fromView: fromView, keymap: keymap)
        let total = rowCount(in: area, openedFrom: reader, keymap: keymap)
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

/// The `?` overlay's lines as plain text, for `studydash dashboard --help`: the keys in effect
/// (rebound ones included), one table after another, the mouse last.
public enum KeyHelpText {
    public static func text(keymap: KeyMap) -> String {
        HelpOverlay.lines(openedFrom: nil, keymap: keymap).map { line in
            line.key.isEmpty ? line.text : "  " + (line.key + " ").padded(toColumns: HelpOverlay.keyWidth) + line.text
        }.joined(separator: "\n")
    }
}
