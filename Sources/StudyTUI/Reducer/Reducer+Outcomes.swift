import StudyCore
import StudyText

/// What an effect came to, put into the state and into words for the status bar: marks,
/// annotations, undo, the external editor's text, another process's changes, failures.
extension Reducer {
    static func outcome(_ message: Message, state: inout AppState) -> [Effect] {
        switch message {
        case .marked(let outcome, let label):
            state.update(outcome.fresh, for: outcome.requested)
            state.say(describe(outcome, label: label))
        case .annotated(let outcome):
            state.update(outcome.fresh, for: [outcome.itemID])
            let name = "'\(outcome.title)'"
            state.say(!outcome.changed ? "annotation on \(name) unchanged"
                      : outcome.deleted ? "annotation on \(name) deleted · u undoes" : "annotation on \(name) saved · u undoes")
        case .undone(let outcome):
            guard let outcome else {
                state.say("nothing to undo")
                return []
            }
            state.update(outcome.fresh, for: outcome.itemIDs)
            state.say(describe(outcome, state: state))
            // What was undone (a revisit, a mark) changes what the open view lists.
            if case .dashboard(var panel) = state.overlay {
                panel.next = DashboardPanel.nextUp(state)
                state.overlay = .dashboard(panel)
                return [.loadActivity]
            }
        case .edited(let id, let title, let original, let edited):
            return editorClosed(id: id, title: title, original: original, edited: edited, state: &state)
        case .reloaded(let progress):
            state.replace(progress)
            // Another process's marks are new activity: the open dashboard view reads it again,
            // and its next-up queue follows the new statuses.
            if case .dashboard(var panel) = state.overlay {
                panel.next = DashboardPanel.nextUp(state)
                state.overlay = .dashboard(panel)
                return [.loadActivity]
            }
        case .revisited(let outcome):
            return revisited(outcome, state: &state)
        case .activityLoaded(let activity):
            state.loadedActivity = (activity, state.progressGeneration)
            guard case .dashboard(var panel) = state.overlay else { break }
            panel.activity = activity
            panel.due = DashboardPanel.dueRevisits(state, activity: activity)
            state.overlay = .dashboard(panel)
        case .today(let day):
            // Each event keeps its own local day; only "today" moves, and with it the heatmap's
            // last cell, the streak and the "today" / "yesterday" labels.
            guard var loaded = state.loadedActivity, loaded.log.today != day else { break }
            loaded.log.today = day
            state.loadedActivity = loaded
            guard case .dashboard(var panel) = state.overlay, panel.activity != nil else { break }
            panel.activity?.today = day
            // A new day can bring a topic's revisit due.
            panel.due = DashboardPanel.dueRevisits(state, activity: panel.activity)
            state.overlay = .dashboard(panel)
        case .failed(let text):
            state.say(text, error: true)
        case .event, .notesChanged, .notesReloaded:
            break
        }
        return []
    }

    static func describe(_ outcome: MarkOutcome, label: String) -> String {
        let name = "'\(label)'"
        let status = outcome.status.rawValue
        switch (outcome.requested.count, outcome.changed.count) {
        case (_, 0): return "\(name) is already \(status)"
        case (1, _): return "\(name) marked \(status) · u undoes"
        default:
            return "\(outcome.changed.count) of \(outcome.requested.count) resources under \(name) marked \(status) · u undoes"
        }
    }

    /// What an undo reverted, named as `studydash undo` names it: the change may have been made
    /// by another process (the command line beside the dashboard), so "undid 1 change" is not
    /// enough to tell.
    static func describe(_ outcome: UndoOutcome, state: AppState) -> String {
        let changes = outcome.events.map { event -> String in
            let name = "'\(state.index.title(of: event.itemID) ?? event.itemID)'"
            switch event.kind {
            case .status: return "\(name) \(event.new ?? "unset") → \(event.old ?? "as in the notes")"
            case .annotation: return "annotation on \(name) \(event.old == nil ? "removed" : "restored")"
            case .relink: return "\(name) moved back to \(event.old ?? "?")"
            case .revisit: return "revisit of \(name) taken back"
            }
        }
        guard changes.count > 1 else { return "undid " + (changes.first ?? "nothing") }
        let shown = changes.prefix(3).joined(separator: ", ")
        return "undid \(changes.count) changes: " + shown + (changes.count > 3 ? ", …" : "")
    }

    /// `$EDITOR` closed: unchanged text is said so; text too long to store opens in place (so
    /// what was written there is not lost); anything else is saved.
    static func editorClosed(id: String, title: String, original: String, edited: String,
                             state: inout AppState) -> [Effect] {
        // Editors end a file with a newline the text did not have.
        let cleaned = edited.hasSuffix("\n") && !original.hasSuffix("\n") ? String(edited.dropLast()) : edited
        if cleaned == original {
            state.say("annotation on '\(title)' unchanged")
            return []
        }
        if let refusal = AnnotationLimit.refusal(cleaned) {
            state.overlay = .editor(AppState.AnnotationDraft(itemID: id, title: title, editor: TextEditor(text: cleaned),
                                                             original: original, returnTo: state.reader))
            state.say(refusal, error: true)
            return []
        }
        return [.saveAnnotation(itemID: id, text: cleaned.allSatisfy(\.isWhitespace) ? nil : cleaned)]
    }
}
