import StudyCore
import StudyText
import TermGrid

/// Marking from the browser and the reader: what a key marks (the selected resource, every
/// resource under a topic, or what the reader shows), and asking y/n first (`QuestionReducer`
/// hears the answer) when one key would change many resources at once.
extension Reducer {
    /// What a mark applies to: resource IDs and the name the message uses.
    struct MarkTargets {
        var ids: [String]
        var label: String
    }

    /// The resources a mark applies to: the selected one in the detail pane, every resource under
    /// the selected topic in the tree (as `studydash mark TOPIC` does).
    static func markTargets(_ state: AppState) -> MarkTargets? {
        switch state.focus {
        case .detail:
            return state.selectedResource.map { MarkTargets(ids: [$0.id], label: $0.title) }
        case .tree:
            return state.selectedNode.flatMap { markTargets(node: $0, state: state) }
        }
    }

    static func markTargets(node: Int, state: AppState) -> MarkTargets? {
        let ids = state.index.tree.resourceIDs(under: state.index.nodes[node].topic)
        return ids.isEmpty ? nil : MarkTargets(ids: ids, label: state.index.nodes[node].topic.title)
    }

    /// What is under the reader's cursor line: a resource, or on a heading or a line of a note,
    /// that section's topic (every resource below it, as in the tree); in a resource's reader,
    /// its resource.
    static func markTargets(_ reader: AppState.Reader, state: AppState) -> MarkTargets? {
        guard let place = ReaderView.document(reader, state: state).place(at: reader.cursor) else { return nil }
        switch place.item {
        case .resource(let id): return state.index.tree.resources[id].map { MarkTargets(ids: [id], label: $0.title) }
        case .topic(let node): return markTargets(node: node, state: state)
        case .section: return place.section.flatMap { markTargets(node: $0, state: state) }
        }
    }

    static func mark(_ status: Status, targets: MarkTargets?, state: inout AppState) -> [Effect] {
        guard let targets else {
            state.say("nothing to mark here: this topic lists no resources")
            return []
        }
        let effect = Effect.setStatus(status, resourceIDs: targets.ids, label: targets.label)
        // One key on an area would change dozens of resources: ask first.
        if targets.ids.count > state.bulkMarkThreshold {
            state.pending = AppState.Confirmation(
                prompt: "mark \(Plural.count(targets.ids.count, "resource")) \(status.rawValue)? (y/n)",
                action: .perform([effect]))
            return []
        }
        return [effect]
    }

    /// Space: todo → done, or back to todo when every target is done already.
    static func toggleDone(targets: MarkTargets?, state: inout AppState) -> [Effect] {
        guard let targets else { return mark(.done, targets: nil, state: &state) }
        let allDone = targets.ids.allSatisfy { id in
            state.index.tree.resources[id].map { state.status(of: $0) == .done } ?? false
        }
        return mark(allDone ? .todo : .done, targets: targets, state: &state)
    }
}
