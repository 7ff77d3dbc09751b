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

    /// What is under the reader's cursor line: a resource, or the topic of the section (or of
    /// the file listed) the line is in.
    static func annotationTarget(_ reader: AppState.Reader, state: AppState) -> AnnotationTarget? {
        guard let place = ReaderView.document(reader, state: state).place(at: reader.cursor) else { return nil }
        let node: Int
        switch place.item {
        case .resource(let id): return state.index.tree.resources[id].map { AnnotationTarget(id: id, title: $0.title) }
        case .topic(let listed): node = listed
        case .section:
            guard let section = place.section else { return nil }
            node = section
        }
        let topic = state.index.nodes[node].topic
        return AnnotationTarget(id: topic.id, title: topic.title)
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
