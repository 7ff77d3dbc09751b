import StudyCore
import StudyStore
import StudyTerminal
import StudyTUI

/// Carries out what the reducer asks for: store writes (each one transaction, then the changed
/// items are re-read so every bar shows what the store now holds), links, the clipboard and
/// `$EDITOR`. Failures become a message in the status bar, never a crash.
struct DashboardEffects {
    let session: StudySession
    let screen: TerminalScreen
    let environment: [String: String]

    func perform(_ effect: Effect, state: inout AppState) {
        do {
            switch effect {
            case .setStatus(let status, let ids, let label):
                try setStatus(status, ids: ids, label: label, state: &state)
            case .saveAnnotation(let id, let text):
                try saveAnnotation(text, id: id, state: &state)
            case .undo:
                try undo(&state)
            case .openLink(let url):
                if let failure = LinkOpener.open(url, environment: environment) { state.say(failure, error: true) }
            case .copy(let text):
                if let failure = screen.copyToClipboard(text) { state.say(failure, error: true) }
            case .editInEditor(let id, let title, let text):
                let edited = try screen.suspend { try ExternalEditor.edit(text, name: "note") }
                let cleaned = edited.hasSuffix("\n") && !text.hasSuffix("\n") ? String(edited.dropLast()) : edited
                if cleaned == text {
                    state.say("note on '\(title)' unchanged")
                } else if let refusal = AnnotationLimit.refusal(cleaned) {
                    // Too long to store: open it in place, so what was written there is not lost.
                    state.overlay = .editor(AppState.AnnotationDraft(itemID: id, title: title,
                                                                     editor: TextEditor(text: cleaned),
                                                                     original: text, returnTo: state.reader))
                    state.say(refusal, error: true)
                } else {
                    try saveAnnotation(cleaned.allSatisfy(\.isWhitespace) ? nil : cleaned, id: id, state: &state)
                }
            case .quit:
                break
            }
        } catch let error as StoreError {
            state.say(error.description, error: true)
        } catch {
            state.say("\(error)", error: true)
        }
    }

    func setStatus(_ status: Status, ids: [String], label: String, state: inout AppState) throws(StoreError) {
        let resources = ids.compactMap { session.tree.resources[$0] }
        var fallback: [String: Status] = [:]
        for resource in resources where resource.checkbox == true { fallback[resource.id] = .done }
        let changed = try session.store.setStatus(status, items: resources.map(session.known), fallback: fallback)
        state.update(try session.store.progress(of: ids), for: ids)
        let name = "'\(label)'"
        switch (ids.count, changed.count) {
        case (_, 0): state.say("\(name) is already \(status.rawValue)")
        case (1, _): state.say("\(name) marked \(status.rawValue) · u undoes")
        default: state.say("\(changed.count) of \(ids.count) resources under \(name) marked \(status.rawValue) · u undoes")
        }
    }

    func saveAnnotation(_ text: String?, id: String, state: inout AppState) throws(StoreError) {
        guard let item = session.lookup.item(id: id) else {
            state.say("that item is no longer in the notes", error: true)
            return
        }
        let changed = try session.store.setAnnotation(text, item: session.known(item))
        state.update(try session.store.progress(of: [id]), for: [id])
        let name = "'\(item.title)'"
        state.say(!changed ? "note on \(name) unchanged" : text == nil ? "note on \(name) deleted · u undoes" : "note on \(name) saved · u undoes")
    }

    func undo(_ state: inout AppState) throws(StoreError) {
        guard let result = try session.store.undo() else {
            state.say("nothing to undo")
            return
        }
        let ids = Set(result.events.map(\.itemID))
        state.update(try session.store.progress(of: ids), for: ids)
        state.say(describe(result))
    }

    /// What an undo reverted, named as `studydash undo` names it: the change may have been made
    /// by another process (the command line beside the dashboard), so "undid 1 change" is not
    /// enough to tell.
    func describe(_ result: UndoResult) -> String {
        func title(_ id: String) -> String { session.lookup.item(id: id)?.title ?? id }
        let changes = result.events.map { event -> String in
            let name = "'\(title(event.itemID))'"
            switch event.kind {
            case .status: return "\(name) \(event.new ?? "unset") → \(event.old ?? "as in the notes")"
            case .note: return "note on \(name) \(event.old == nil ? "removed" : "restored")"
            case .relink: return "\(name) moved back to \(event.old ?? "?")"
            }
        }
        guard changes.count > 1 else { return "undid " + (changes.first ?? "nothing") }
        let shown = changes.prefix(3).joined(separator: ", ")
        return "undid \(changes.count) changes: " + shown + (changes.count > 3 ? ", …" : "")
    }
}
