import StudyApp
import StudyContent
import StudyCore
import StudyTUI

/// Carries out what the reducer asks for, each through the shared action or port it names,
/// and hands back what came of it as a message for the reducer. No decision is taken here: the
/// words and the next step are the reducer's.
struct DashboardEffects {
    /// Replaced when the notes are read afresh (the store stays the same).
    private(set) var session: StudySession
    let ports: Ports
    let watcher: ContentWatcher
    /// Paints the whole screen at the next draw (`Ctrl-L`).
    let repaint: () -> Void
    /// The activity log, read off the run loop; the loop collects what it read.
    let activity = ActivityReader()

    mutating func perform(_ effect: Effect) -> Message? {
        if effect.writes { activity.storeChanged() }
        do {
            switch effect {
            case .setStatus(let status, let ids, let label):
                return .marked(try session.mark(status, resourceIDs: ids), label: label)
            case .saveAnnotation(let id, let text):
                return .annotated(try session.annotate(text, itemID: id))
            case .undo:
                return .undone(try session.undo())
            case .revisit(let id):
                return .revisited(try session.revisit(topicID: id))
            case .openLink(let url):
                return ports.openLink(url).map(Message.failed)
            case .copy(let text):
                return ports.copy(text).map(Message.failed)
            case .editInEditor(let id, let title, let text):
                let edited = try ports.editText(text, "annotation")
                return .edited(itemID: id, title: title, original: text, edited: edited)
            case .loadActivity:
                activity.request(session, asked: true)
                return nil
            case .readActivityAhead:
                // Nobody asked yet: a failure says nothing here, `D` reads again and tells it.
                activity.request(session, asked: false)
                return nil
            case .readToday:
                return .today(session.today())
            case .reloadNotes:
                return try reloadNotes()
            case .redraw:
                repaint()
                return nil
            case .quit:
                return nil
            }
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// The whole tree read again, on the run loop (the bundled notes take about 60 ms; 5,000
    /// files about a second, during which keys wait), with the progress of its items.
    private mutating func reloadNotes() throws -> Message? {
        switch watcher.reload() {
        case nil:
            return nil
        case .failure(let error):
            return .failed("cannot reload the notes: \(error.description); showing them as they were")
        case .success(let reloaded):
            let fresh = StudySession(tree: reloaded.tree, store: session.store)
            let progress = try fresh.progress()
            session = fresh
            return .notesReloaded(NotesReload(model: DashboardModel.of(fresh), progress: progress,
                                              changedFiles: reloaded.changedFiles))
        }
    }
}

extension Effect {
    /// The effect changes the store: an activity read begun before it is out of date.
    var writes: Bool {
        switch self {
        case .setStatus, .saveAnnotation, .undo, .revisit, .editInEditor: true
        case .openLink, .copy, .loadActivity, .readActivityAhead, .readToday, .reloadNotes, .redraw, .quit: false
        }
    }
}

extension DashboardModel {
    /// The model over a session's notes, with StudyContent's renderer and link resolver.
    static func of(_ session: StudySession) -> DashboardModel {
        DashboardModel(tree: session.tree, items: session.index, renderNote: NoteRenderer.render,
                       resolveLink: NoteLinkResolver.onFirstUse(tree: session.tree))
    }
}
