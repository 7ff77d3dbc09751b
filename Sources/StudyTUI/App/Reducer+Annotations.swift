import StudyCore
import TermGrid

/// Annotating: what `a` and `e` annotate, and the in-place editor's keys (save, cancel, and the
/// question before unsaved text is thrown away).
extension Reducer {
    struct AnnotationTarget {
        var id: String
        var title: String
    }

    static func annotationTarget(_ state: AppState) -> AnnotationTarget? {
        if state.focus == .detail, let resource = state.selectedResource {
            return AnnotationTarget(id: resource.id, title: resource.title)
        }
        guard let node = state.selectedNode else { return nil }
        let topic = state.index.nodes[node].topic
        return AnnotationTarget(id: topic.id, title: topic.title)
    }

    static func annotationTarget(_ reader: AppState.Reader, state: AppState) -> AnnotationTarget? {
        switch reader.subject {
        case .topic(let node):
            let topic = state.index.nodes[node].topic
            return AnnotationTarget(id: topic.id, title: topic.title)
        case .resource(let id):
            return state.index.tree.resources[id].map { AnnotationTarget(id: id, title: $0.title) }
        }
    }

    static func startAnnotation(_ target: AnnotationTarget?, returnTo reader: AppState.Reader? = nil,
                                state: inout AppState) {
        guard let target else { return }
        let text = state.progress.annotation(of: target.id)?.text ?? ""
        state.overlay = .editor(AppState.AnnotationDraft(itemID: target.id, title: target.title,
                                                         editor: TextEditor(text: text), original: text,
                                                         returnTo: reader))
    }

    static func editExternally(_ target: AnnotationTarget?, state: AppState) -> [Effect] {
        guard let target else { return [] }
        let text = state.progress.annotation(of: target.id)?.text ?? ""
        return [.editInEditor(itemID: target.id, title: target.title, text: text)]
    }

    /// True while the editor holds unsaved text and has not yet asked about it: then Ctrl-C
    /// should reach the reducer as `.interrupt` (and ask) instead of quitting at once. A second
    /// Ctrl-C, at the question, quits as usual.
    public static func wantsInterrupt(_ state: AppState) -> Bool {
        guard state.pending == nil, case .editor(let draft) = state.overlay else { return false }
        return draft.isChanged
    }

    static func editorInput(_ input: Event, draft: inout AppState.AnnotationDraft, state: inout AppState) -> [Effect] {
        guard case .key(let key) = input else {
            // Ctrl-C: as Esc.
            return editorInput(.key(.escape), draft: &draft, state: &state)
        }
        switch key {
        case .control("s"):
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
        case .escape:
            guard draft.isChanged else {
                state.overlay = draft.returnTo.map(AppState.Overlay.reader)
                state.say("annotation unchanged")
                return []
            }
            state.pending = AppState.Confirmation(prompt: "discard changes? (y/n)", action: .discardDraft)
            return []
        default:
            state.message = nil
            _ = draft.editor.handle(key)
            let size = EditorOverlay.textSize(in: Layout(width: state.width, height: state.height).body)
            draft.editor.scrollToCursor(width: size.width, height: size.height)
            state.overlay = .editor(draft)
            return []
        }
    }
}
