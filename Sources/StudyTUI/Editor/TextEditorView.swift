import TermGrid

/// Draws a `TextEditor` into a box of a `Grid`: soft-wrapped rows, scrolled so the cursor is
/// visible, and where the terminal cursor should go. Layout (wrapping, the cursor's row) comes
/// from the editor itself so that drawing and up/down movement always agree.
public enum TextEditorView {
    /// Fills the box with `style`, draws the visible rows and returns the cursor's screen
    /// position, or nil when the box has no room at all.
    ///
    /// Call `editor.scrollToCursor(width:height:)` first so the scroll position is kept between
    /// frames; if that was not done (or the box changed size since), the cursor is still shown,
    /// scrolled into view from the stored position for this frame only.
    public static func draw(_ editor: TextEditor, into grid: inout Grid, x: Int, y: Int, width: Int, height: Int,
                            style: CellStyle) -> (x: Int, y: Int)? {
        guard width > 0, height > 0 else { return nil }
        // Clipped to the grid first, so a box given as "the rest of the screen" with a huge size
        // cannot overflow `x + width` inside `fill`.
        grid.fill(x: x, y: y, width: min(width, max(0, grid.width - x)), height: min(height, max(0, grid.height - y)),
                  style: style)

        let layout = editor.layout(width: width)
        let top = editor.scrollTop(for: layout, height: height)
        // Only the rows on screen are laid out; a huge height is bounded by the text's rows.
        for (screenRow, visual) in editor.rows(from: top, limit: min(height, layout.rowCount), layout: layout,
                                               width: width).enumerated() {
            let characters = editor.lines[visual.line]
            var column = 0
            for position in visual.row.start..<visual.row.end {
                let character = characters[position]
                // Drawn one grapheme at a time at the column the layout gave it, so the screen
                // matches the wrapping exactly; `put` escapes controls and clips what is too wide
                // for the box (a wide character in a one-column box shows as a blank).
                if column < width {
                    grid.put(String(character), x: x + column, y: y + screenRow, style: style, limit: width - column)
                }
                column += TextEditor.cellWidth(character)
            }
        }
        // The cursor's column is always inside the box: `placement` moves a cursor at the right
        // edge to the start of the next row.
        return (x + min(layout.cursorColumn, width - 1), y + (layout.cursorRow - top))
    }
}
