import StudyCore
import TermGrid

/// The reader's table of contents (`t`): the document's headings, one selected; `Enter` puts the
/// reader's cursor line on that heading, `q` or `Esc` go back to the reader where it was.
public struct ContentsPanel: Sendable {
    /// The reader it was opened over, and returns to.
    public var under: AppState.Reader
    /// The selected heading, an index into the document's sections.
    public var cursor: Int
}

/// The table of contents' keys.
enum ContentsReducer {
    static let keys = KeyTable(title: "Table of contents (t in the reader)", bindings: [
        Binding([.character("j"), .down], .move(1), "select a heading"),
        Binding([.character("k"), .up], .move(-1), "select a heading"),
        Binding([.enter], .open, "read from that heading"),
        Binding([.character("q"), .escape], .back, "back to the reader"),
    ])

    static func handle(_ key: Key, panel: inout ContentsPanel, state: inout AppState) -> [Effect] {
        let document = ReaderView.document(panel.under, state: state)
        let headings = document.headings
        switch state.keymap[.contents].action(for: key) {
        case .move(let delta):
            panel.cursor = Reducer.clampAdd(panel.cursor, delta, upper: max(0, headings.count - 1))
        case .open:
            var reader = panel.under
            if headings.indices.contains(panel.cursor), let line = document.line(ofSection: headings[panel.cursor].node) {
                ReaderReducer.show(line: line, in: &reader, state: state)
            }
            state.overlay = .reader(reader)
            return []
        case .back:
            state.overlay = .reader(panel.under)
            return []
        default:
            break
        }
        state.overlay = .contents(panel)
        return []
    }
}
