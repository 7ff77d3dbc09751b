import StudyCore
import TermGrid

/// Annotating from the browser and the reader: what `a` and `e` annotate (the selection, or what
/// the reader shows), opening the in-place editor on it, or asking for `$EDITOR`.
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
}
