import TermGrid

/// The help overlay's keys: scrolling it, and any other key closing it, back to where it was
/// opened (the reader at its scroll, the dashboard view, or the browser).
enum HelpReducer {
    /// Its own keys are named in its title ("j/k scroll · any other key closes"), not in its list.
    static let keys = KeyTable(title: "Help", bindings: [
        Binding([.character("j"), .down], .move(1), "scroll"),
        Binding([.character("k"), .up], .move(-1), "scroll"),
        Binding([.pageDown, .character(" ")], .page(1), "page down"),
        Binding([.pageUp], .page(-1), "page up"),
    ])

    static func handle(_ key: Key, scroll: Int, under reader: AppState.Reader?, view: DashboardPanel? = nil,
                       state: inout AppState) -> [Effect] {
        let body = Layout(width: state.width, height: state.height).body
        let page = max(1, HelpOverlay.box(in: body, keymap: state.keymap).height - 2)
        let maxScroll = max(0, HelpOverlay.rowCount(in: body, openedFrom: reader, keymap: state.keymap) - page)
        switch state.keymap[.help].action(for: key) {
        case .move(let delta):
            state.overlay = .help(scroll: Reducer.clampAdd(scroll, delta, upper: maxScroll), under: reader, view: view)
        case .page(let pages):
            state.overlay = .help(scroll: Reducer.clampAdd(scroll, pages * page, upper: maxScroll), under: reader, view: view)
        default: state.overlay = view.map(AppState.Overlay.dashboard) ?? reader.map(AppState.Overlay.reader)
        }
        return []
    }
}
