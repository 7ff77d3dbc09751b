import StudyCore
import StudyText
import TermGrid

/// The in-place annotation editor: a box over the browser or the reader with the text being
/// edited and, on its last row, the keys that save and cancel.
enum EditorOverlay {
    static let hints = ["Ctrl-S save · Esc cancel · Enter new line", "Ctrl-S save · Esc cancel", "^S save · Esc cancel"]

    static func rect(in area: Rect) -> Rect {
        Drawing.centered(in: area, width: 76, height: max(6, min(16, area.height - 2)))
    }

    /// The text area inside the box: a column of margin each side, the hint row below.
    static func textSize(in area: Rect) -> (width: Int, height: Int) {
        let box = rect(in: area)
        return (box.width - 4, box.height - 4)
    }

    /// Draws the box; returns where the terminal cursor goes.
    static func draw(_ draft: AppState.AnnotationDraft, into grid: inout Grid, area: Rect) -> (x: Int, y: Int)? {
        let box = Drawing.box(rect(in: area), title: "Annotation on " + Drawing.clip(draft.title, 50), into: &grid)
        guard box.height >= 2 else { return nil }
        let hint = hints.first { DisplayWidth.of($0) <= box.width - 2 } ?? hints[hints.count - 1]
        grid.put(hint, x: box.x + 1, y: box.y + box.height - 1, style: CellStyle(.dim, role: .accent), limit: box.width - 1)
        var editor = draft.editor
        // The reducer keeps the scroll for this size; only after a resize is it laid out again
        // here (laying out a long annotation costs as much as the key itself).
        if editor.viewWidth != box.width - 2 || editor.viewHeight != box.height - 2 {
            editor.scrollToCursor(width: box.width - 2, height: box.height - 2)
        }
        return TextEditorView.draw(editor, into: &grid, x: box.x + 1, y: box.y, width: box.width - 2,
                                   height: box.height - 2, style: .plain)
    }
}
