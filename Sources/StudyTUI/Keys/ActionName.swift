/// The config's names for actions (`[keys.browser] mark_done = "d"`): one stable snake_case name
/// per thing a key can do, in one table. A name may stand for the same idea in several views
/// (`search` is the browser's search line and the reader's search of its document); a view's
/// table decides which of them it has. The editor's and the search line's text keys (`edit`) have
/// no name: they are the text being typed, not an action.
public enum ActionName {
    public static let table: [(name: String, actions: [Action])] = [
        ("move_down", [.move(1)]), ("move_up", [.move(-1)]),
        ("page_down", [.page(1)]), ("page_up", [.page(-1)]),
        ("half_page_down", [.halfPage(1)]), ("half_page_up", [.halfPage(-1)]),
        ("first", [.first]), ("last", [.last]),
        ("collapse", [.collapse]), ("expand", [.expand]),
        ("switch_pane", [.switchPane]), ("widen_tree", [.resizeTree(1)]), ("narrow_tree", [.resizeTree(-1)]),
        ("open", [.open]),
        ("toggle_done", [.toggleDone]),
        ("mark_done", [.mark(.done)]), ("mark_learning", [.mark(.learning)]),
        ("mark_skipped", [.mark(.skipped)]), ("mark_todo", [.mark(.todo)]),
        ("undo", [.undo]), ("revisit", [.revisit]),
        ("annotate", [.annotate]), ("edit_externally", [.editExternally]),
        ("open_link", [.openLink]), ("copy_link", [.copyLink]), ("type_link_number", [.typeLinkNumber]),
    ] + (1...9).map { ("open_link_\($0)", [Action.openNoteLink($0)]) } + [
        ("history_back", [.historyBack]), ("back", [.back]),
        ("next_unfinished", [.unfinished(1)]), ("previous_unfinished", [.unfinished(-1)]),
        ("next_section", [.section(1)]), ("previous_section", [.section(-1)]),
        ("contents", [.contents]), ("dashboard", [.dashboard]), ("help", [.help]), ("quit", [.quit]),
        ("reload", [.reload]), ("redraw", [.redraw]),
        ("search", [.search(.open), .findInDocument]),
        ("next_match", [.search(.match(1)), .nextInDocument(1)]),
        ("previous_match", [.search(.match(-1)), .nextInDocument(-1)]),
        ("keep_search", [.search(.keep)]), ("clear_search", [.search(.clear)]),
        ("earlier_search", [.search(.history(-1))]), ("later_search", [.search(.history(1))]),
        ("save", [.save]), ("cancel", [.cancel]), ("confirm", [.confirm]),
    ]

    /// The actions a name may stand for, or nil for an unknown name.
    public static func actions(named name: String) -> [Action]? {
        table.first { $0.name == name }?.actions
    }

    /// The name of an action, for messages; the editor's text keys are "editing".
    public static func of(_ action: Action) -> String {
        table.first { $0.actions.contains(action) }?.name ?? "editing"
    }
}
