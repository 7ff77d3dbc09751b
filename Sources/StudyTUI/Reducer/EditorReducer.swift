import StudyCore
import TermGrid

/// The in-place annotation editor's keys: its bindings table, saving, cancelling (asking first
/// when typing would be lost, Ctrl-C included), and every other key handed to the text.
enum EditorReducer {
    static let keys = KeyTable(title: "Annotation editor", bindings: [
        Binding([.left, .right, .up, .down], .edit, "move"),
        Binding([.home, .end], .edit, "start / end of the line"),
        Binding([.enter], .edit, "start a new line"),
        Binding([.control("s")], .save, "save"),
        Binding([.escape], .cancel, "cancel (asks y/n when the text changed)"),
    ])

    static func handle(_ input: Event, draft: inout AppState.AnnotationDraft, state: inout AppState) -> [Effect] {
        // Ctrl-C, which arrives only over unsaved text (`Reducer.wantsInterrupt`): as Esc.
        guard case .key(let key) = input else { return cancel(draft, state: &state) }
        switch state.keymap[.editor].action(for: key) ?? .edit {
        case .save: return save(draft, state: &state)
        case .cancel: return cancel(draft, state: &state)
        default:
            state.message = nil
            _ = draft.editor.handle(key)
            let size = EditorOverlay.textSize(in: Layout(width: state.width, height: state.height).body)
            draft.editor.scrollToCursor(width: size.width, height: size.height)
            state.overlay = .editor(draft)
            return []
        }
    }

    static func save(_ draft: AppState.AnnotationDraft, state: inout AppState) -> [Effect] {
        let text = draft.editor.text
        guard text != draft.original else {
            state.overlay = draft.returnTo.map(AppState.Overlay.reader)
            state.say("annotation unchanged")
            return []
        }
        // Too long to store: keep the editor open on it, so nothing typed is lost.
        if let refusal = AnnotationLimit.refusal(text) {
            state.say(refusal, error: true)
            return []
        }
        state.overlay = draft.returnTo.map(AppState.Overlay.reader)
        let trimmed = text.allSatisfy(\.isWhitespace) ? nil : text
        return [.saveAnnotation(itemID: draft.itemID, text: trimmed)]
    }

    static func cancel(_ draft: AppState.AnnotationDraft, state: inout AppState) -> [Effect] {
        guard draft.isChanged else {
            state.overlay = draft.returnTo.map(AppState.Overlay.reader)
            state.say("annotation unchanged")
            return []
        }
        state.pending = AppState.Confirmation(prompt: "discard changes? (y/n)", action: .discardDraft)
        return []
    }
}
