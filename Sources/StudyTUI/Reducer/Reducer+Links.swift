import StudyCore

/// Links from the browser and the reader: which link a key means (the selected resource's, or
/// link N of a topic's note), and `LinkPolicy` before anything is opened. Typing a number and
/// following a link to another note are in `Reducer+LinkNumbers` and `Reducer+ReadingHistory`.
extension Reducer {
    /// The selected resource's link, or nil having said why there is none.
    static func selectedLink(_ state: inout AppState) -> String? {
        guard state.focus == .detail, let resource = state.selectedResource else {
            state.say("select a resource (Tab) to use its link; 1–9 open the note's links")
            return nil
        }
        guard let url = resource.url else {
            state.say("'\(resource.title)' has no link")
            return nil
        }
        return url
    }

    static func openSelectedLink(_ state: inout AppState) -> [Effect] {
        guard let url = selectedLink(&state) else { return [] }
        return openChecked(url, state: &state)
    }

    static func copySelectedLink(_ state: inout AppState) -> [Effect] {
        guard let url = selectedLink(&state) else { return [] }
        state.say("copied \(url)")
        return [.copy(url)]
    }

    /// `1`–`9`: link `number` of a topic's note (the selected topic's, or `node`'s); when the
    /// note has 10 links or more, the digit begins a number that `Enter` opens.
    static func openNoteLink(_ number: Int, state: inout AppState, node: Int? = nil) -> [Effect] {
        guard let node = node ?? state.selectedNode else { return [] }
        if writtenLink(linksThatNeedEnter, of: node, state: state) != nil {
            state.linkEntry = LinkNumberEntry(node: node, form: .digits(String(number)))
            return []
        }
        return followNoteLink(number, of: node, state: &state)
    }

    static func openChecked(_ url: String, state: inout AppState) -> [Effect] {
        if let refusal = LinkPolicy.refusal(url) {
            state.say(refusal, error: true)
            return []
        }
        state.say("opening \(url)")
        return [.openLink(url)]
    }
}
