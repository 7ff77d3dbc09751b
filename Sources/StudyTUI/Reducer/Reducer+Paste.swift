import TermGrid

/// A bracketed paste: one insert into the text being typed (the annotation editor, the search
/// line, the reader's search), never keys. Anywhere else (a question, the browser, the link
/// number line) it is dropped, so a pasted `d` or `q` marks or quits nothing.
extension Reducer {
    static func handle(paste text: String, state: inout AppState) -> [Effect] {
        guard state.pending == nil, state.linkEntry == nil, !text.isEmpty else { return [] }
        switch state.overlay {
        case .editor(var draft):
            state.message = nil
            draft.editor.paste(text)
            let size = EditorOverlay.textSize(in: Layout(width: state.width, height: state.height).body)
            draft.editor.scrollToCursor(width: size.width, height: size.height)
            state.overlay = .editor(draft)
        case .search(var line):
            state.message = nil
            return SearchReducer.paste(text, line: &line, state: &state)
        case .reader(var reader) where reader.search?.typing == true:
            state.message = nil
            ReaderReducer.pasteSearch(text, reader: &reader, state: &state)
            state.overlay = .reader(reader)
        default:
            break
        }
        return []
    }
}
