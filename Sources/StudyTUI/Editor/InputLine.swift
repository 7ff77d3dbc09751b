import StudyCore
import StudyText
import TermGrid

/// A one-line text field with a prompt, for the status row: the annotation editor's editing
/// rules held to a single line, scrolled sideways so the cursor stays in view. Enter and Esc
/// belong to the caller, which decides what they mean: the search line (`/`) is one.
public struct InputLine: Hashable, Sendable {
    public var prompt: String
    public private(set) var editor: TextEditor

    public init(prompt: String, text: String = "") {
        self.prompt = prompt
        // One line: line breaks in a preset text become spaces.
        editor = TextEditor(text: text.replacing("\r\n", with: " ").replacing("\n", with: " "))
    }

    public var text: String { editor.text }

    /// Applies an editing key; false for keys it leaves to the caller (Enter, Esc, Tab, ...).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown: return false
        case .character(let c) where c == "\n" || c == "\r" || c == "\t": return false
        default: return editor.handle(key)
        }
    }

    /// Inserts a paste at the cursor as one edit, its line breaks as spaces, keeping the text
    /// within `limit` characters; false when some of the paste had to be left out.
    @discardableResult
    public mutating func paste(_ text: String, limit: Int = .max) -> Bool {
        let room = max(0, limit - self.text.count)
        let flat = text.replacing("\n", with: " ")
        editor.paste(String(flat.prefix(room)))
        return flat.count <= room
    }

    /// Draws the prompt and the text into one row `width` columns wide; returns the cursor's
    /// screen position. Text wider than the room scrolls so the cursor is visible, with `…`
    /// marking text cut on the left.
    @discardableResult
    public static func draw(_ line: InputLine, into grid: inout Grid, x: Int, y: Int, width: Int,
                            style: CellStyle = .plain) -> (x: Int, y: Int)? {
        guard width > 0, y >= 0, y < grid.height else { return nil }
        grid.fill(x: x, y: y, width: width, height: 1, style: style)
        let promptWidth = grid.put(line.prompt, x: x, y: y, style: style.adding(.bold), limit: max(0, width - 1))
        let room = width - promptWidth
        guard room > 0 else { return (x + width - 1, y) }
        let characters = line.editor.lines.first ?? []
        let cursor = min(line.editor.cursor.column, characters.count)
        let columns = characters.map { max(1, DisplayWidth.of(TerminalSafe.escape(String($0)))) }
        // Start as far left as keeps the cursor (and one cell after it) in the room.
        var start = 0
        var beforeCursor = columns[..<cursor].reduce(0, +)
        while start < cursor && beforeCursor + 1 > room - (start > 0 ? 1 : 0) {
            beforeCursor -= columns[start]
            start += 1
        }
        var column = x + promptWidth
        if start > 0 { column += grid.put("…", x: column, y: y, style: style.adding(.dim), limit: 1) }
        let cursorX = column + beforeCursor
        let end = x + width
        for index in start..<characters.count where column < end {
            column += grid.put(String(characters[index]), x: column, y: y, style: style, limit: end - column)
        }
        return (min(cursorX, x + width - 1), y)
    }
}
