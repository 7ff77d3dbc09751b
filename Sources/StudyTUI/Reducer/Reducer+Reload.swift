import StudyCore
import StudyText
import TermGrid

/// Live reload: the watcher's notice asks for the notes afresh, and the new notes replace the
/// old under the learner's feet without moving them. Node numbers change with the tree, so
/// everything is carried over by stable ID: the cursor, the open topics and the reader (its
/// cursor line on the same heading or resource, as a resize keeps it) through `place`; an
/// annotation being typed, a question and the help stay open. A kept search's filter is
/// cleared, as its matches were found in the old notes (the tree and cursor stay), and the
/// views drawn from the old tree (the search line, the table of contents, `D`) close onto the
/// reader or the browser beneath them.
extension Reducer {
    static func notes(_ message: Message, state: inout AppState) -> [Effect] {
        switch message {
        case .notesChanged: return [.reloadNotes]
        case .notesReloaded(let reload): take(reload, state: &state)
        default: break
        }
        return []
    }

    static func take(_ reload: NotesReload, state: inout AppState) {
        let old = state
        var fresh = AppState(model: reload.model, progress: reload.progress, width: old.width, height: old.height)
        fresh.bulkMarkThreshold = old.bulkMarkThreshold
        fresh.searchHistory = old.searchHistory
        fresh.activityReadAhead = old.activityReadAhead
        fresh.pending = old.pending
        fresh.linkEntry = old.linkEntry
        let anchor = old.reader.flatMap { ReaderReducer.anchor($0, state: old) }
        fresh.take(old.place)
        if let anchor, case .reader(var reader) = fresh.overlay {
            ReaderReducer.restore(translated(anchor, from: old, to: fresh), in: &reader, state: fresh)
            fresh.overlay = .reader(reader)
        }
        switch old.overlay {
        case .editor(var draft):
            // The typing goes on: its item keeps its ID whatever moved around it.
            draft.returnTo = fresh.reader
            fresh.overlay = .editor(draft)
        case .help(let scroll, _, _):
            fresh.overlay = .help(scroll: scroll, under: fresh.reader)
        case .reader, .contents, .dashboard, .search, nil:
            break
        }
        settleScroll(&fresh)
        let files = reload.changedFiles
        fresh.say(files == 0 ? "reloaded the notes" : "reloaded \(Plural.count(files, "file"))")
        state = fresh
    }

    /// The reader's anchor with its node numbers (the section, a listed file) read in the new
    /// tree, by topic ID; nil when its section is gone (the reader keeps its line number).
    private static func translated(_ anchor: ReaderReducer.LineAnchor, from old: AppState,
                                   to fresh: AppState) -> ReaderReducer.LineAnchor? {
        func node(_ node: Int) -> Int? { fresh.index.index(ofTopic: old.index.nodes[node].topic.id) }
        var anchor = anchor
        if let section = anchor.place.section {
            guard let moved = node(section) else { return nil }
            anchor.place.section = moved
        }
        if case .topic(let listed) = anchor.place.item {
            guard let moved = node(listed) else { return nil }
            anchor.place.item = .topic(moved)
        }
        return anchor
    }
}
