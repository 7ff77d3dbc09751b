import StudyCore
import TermGrid

/// The reader's keys: its bindings table, scrolling, and marks, annotations and links that act
/// on what the reader shows (its topic or its resource), never on the browser's hidden cursor.
enum ReaderReducer {
    static let keys = KeyTable(title: "Reader", bindings: [
        Binding([.character("j"), .down], .move(1), "scroll"),
        Binding([.character("k"), .up], .move(-1), "scroll"),
        Binding([.pageDown, .character("f"), .control("f")], .page(1), "page down"),
        Binding([.pageUp, .character("b"), .control("b")], .page(-1), "page up"),
        Binding([.control("d")], .halfPage(1), "half page down / up"),
        Binding([.control("u")], .halfPage(-1), "half page down / up"),
        Binding([.character("g"), .home], .first, "top / bottom"),
        Binding([.character("G"), .end], .last, "top / bottom"),
    ] + Binding.noteLinks("open link N / the resource's link, copy it") + [
        Binding([.character("o")], .openLink, "open link N / the resource's link, copy it"),
        Binding([.character("y")], .copyLink, "open link N / the resource's link, copy it"),
        Binding([.character("d")], .mark(.done), "mark what it shows"),
        Binding([.character("l")], .mark(.learning), "mark what it shows"),
        Binding([.character("s")], .mark(.skipped), "mark what it shows"),
        Binding([.character("r")], .mark(.todo), "mark what it shows"),
        Binding([.character(" ")], .toggleDone, "mark what it shows"),
        Binding([.character("a")], .annotate, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("e")], .editExternally, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("u")], .undo, "annotate it (in place / $EDITOR), undo"),
        Binding([.character("?"), .function(1)], .help, "this help"),
        Binding([.character("q"), .escape, .character("h"), .left], .back, "back to the browser"),
    ])

    static func handle(_ key: Key, reader: inout AppState.Reader, state: inout AppState) -> [Effect] {
        guard let action = keys.action(for: key) else { return [] }
        let page = max(1, Layout(width: state.width, height: state.height).body.height - 1)
        let maxScroll = max(0, ReaderView.lineCount(reader, state: state) - page)
        var effects: [Effect] = []
        switch action {
        case .move(let delta): reader.scroll = Reducer.clampAdd(reader.scroll, delta, upper: maxScroll)
        case .page(let pages): reader.scroll = Reducer.clampAdd(reader.scroll, pages * page, upper: maxScroll)
        case .halfPage(let halves):
            reader.scroll = Reducer.clampAdd(reader.scroll, halves * max(1, page / 2), upper: maxScroll)
        case .first: reader.scroll = 0
        case .last: reader.scroll = maxScroll
        case .back:
            state.overlay = nil
            return []
        case .help:
            state.overlay = .help(scroll: 0, under: reader)
            return []
        case .openNoteLink(let number):
            if case .topic(let node) = reader.subject { effects = Reducer.openNoteLink(number, state: &state, node: node) }
        case .openLink, .copyLink: effects = resourceLink(action, reader: reader, state: &state)
        case .mark(let status):
            effects = Reducer.mark(status, targets: Reducer.markTargets(reader, state: state), state: &state)
        case .toggleDone: effects = Reducer.toggleDone(targets: Reducer.markTargets(reader, state: state), state: &state)
        case .undo: effects = [.undo]
        case .annotate:
            Reducer.startAnnotation(Reducer.annotationTarget(reader, state: state), returnTo: reader, state: &state)
            return []
        case .editExternally: effects = Reducer.editExternally(Reducer.annotationTarget(reader, state: state), state: state)
        case .collapse, .expand, .switchPane, .open, .quit, .save, .cancel, .edit, .confirm, .unfinished, .dashboard, .search: break
        }
        state.overlay = .reader(reader)
        return effects
    }

    /// `o` and `y` on a resource's reader use its link; a topic's reader has numbered links only.
    static func resourceLink(_ action: Action, reader: AppState.Reader, state: inout AppState) -> [Effect] {
        guard case .resource(let id) = reader.subject, let resource = state.index.tree.resources[id] else {
            state.say("1–9 open the note's numbered links")
            return []
        }
        guard let url = resource.url else {
            state.say("'\(resource.title)' has no link")
            return []
        }
        guard action == .copyLink else { return Reducer.openChecked(url, state: &state) }
        state.say("copied \(url)")
        return [.copy(url)]
    }
}
