import StudyCore

/// `v`: a finished topic revisited, from the browser, a topic's reader or the dashboard view's
/// "due for revisit" list. The store decides whether it is due (the refusal comes back as a
/// failure with its reason); the reducer says what happened and refreshes the open view.
extension Reducer {
    /// The topic selected in the tree (in either pane: the list beside it is that topic's).
    static func revisit(node: Int?, state: inout AppState) -> [Effect] {
        guard let node else { return [] }
        return [.revisit(topicID: state.index.nodes[node].topic.id)]
    }

    /// The section under the reader's cursor line (a file's reader holds many topics, and the
    /// ladder counts the sections that list resources); a resource's reader has no topic of its
    /// own to revisit.
    static func revisit(_ reader: AppState.Reader, state: inout AppState) -> [Effect] {
        guard case .topic(let node) = reader.subject else {
            state.say("v revisits a topic: open the topic's reader (Enter in the tree)")
            return []
        }
        let place = ReaderView.document(reader, state: state).place(at: reader.cursor)
        if case .topic(let listed) = place?.item { return revisit(node: listed, state: &state) }
        return revisit(node: place?.section ?? node, state: &state)
    }

    static func revisited(_ outcome: RevisitOutcome, state: inout AppState) -> [Effect] {
        state.say(outcome.summary + " · u undoes")
        // The ladder is read with the activity: a revisit changes it, though no status changed.
        state.loadedActivity = nil
        guard case .dashboard = state.overlay else { return [] }
        return [.loadActivity]
    }
}
