import StudyCore
import TermGrid

/// The y/n question in the status row (before a key marks many resources, or before typing is
/// thrown away): `y` goes ahead, any other key cancels and says so.
enum QuestionReducer {
    static let keys = KeyTable(title: "A y/n question", bindings: [
        Binding([.character("y"), .character("Y")], .confirm, "yes; any other key cancels"),
    ])

    static func answer(_ pending: AppState.Confirmation, input: Event, state: inout AppState) -> [Effect] {
        var yes = false
        if case .key(let key) = input { yes = state.keymap[.question].action(for: key) == .confirm }
        switch pending.action {
        case .perform(let effects):
            if yes { return effects }
            state.say("cancelled: nothing marked")
        case .discardDraft:
            guard case .editor(let draft) = state.overlay else { return [] }
            if yes {
                state.overlay = draft.returnTo.map(AppState.Overlay.reader)
                state.say("annotation discarded")
            } else {
                state.say("still editing · Ctrl-S saves")
            }
        }
        return []
    }
}
