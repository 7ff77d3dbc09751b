import StudyCore

/// Following a note's link: to the browser for a web link, to another topic in the reader for a
/// link to a note (the reader left is kept in its history, with its scroll), or the reason it
/// is not followed. `Backspace` in the reader goes back through that history.
extension Reducer {
    /// Enough to retrace a long reading session; the oldest are dropped first.
    static let readingHistoryLimit = 100

    static func follow(_ link: NoteLink, state: inout AppState) -> [Effect] {
        switch link.target {
        case .web(let url): return openChecked(url, state: &state)
        case .unresolved(let reason):
            state.say(reason, error: true)
            return []
        case .topic(let id):
            guard let node = state.index.index(ofTopic: id) else {
                state.say("not following '\(link.written)': that note is not loaded", error: true)
                return []
            }
            var next = ReaderReducer.reader(at: node, state: state)
            if case .reader(var current) = state.overlay {
                next.history = current.history
                current.history = []
                next.history.append(current)
                if next.history.count > readingHistoryLimit { next.history.removeFirst() }
            }
            state.overlay = .reader(next)
            state.say("reading \(state.index.nodes[node].topic.title)" + (next.history.isEmpty ? "" : " · Backspace goes back"))
            return []
        }
    }

    /// `Backspace`, `h`, `←` in the reader: the note a link was followed from, where it was
    /// scrolled to; with no history, back to the browser.
    static func readBack(_ reader: AppState.Reader, state: inout AppState) {
        var history = reader.history
        guard var previous = history.popLast() else {
            state.overlay = nil
            return
        }
        previous.history = history
        state.overlay = .reader(previous)
    }
}
