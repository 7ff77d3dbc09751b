import StudyCore
import TermGrid

/// Everything the reducer reacts to: what the terminal reported, and what an effect it asked
/// for came to (bubbletea's `Cmd` returning a `Msg`). The run loop performs an effect and feeds
/// its outcome back here, so every word the status bar says is decided by the reducer, and
/// pure tests cover it.
public enum Message: Sendable {
    case event(Event)
    /// A `setStatus` effect was carried out; `label` names its targets as the effect did.
    case marked(MarkOutcome, label: String)
    case annotated(AnnotationOutcome)
    /// An `undo` effect was carried out; nil when there was nothing to undo.
    case undone(UndoOutcome?)
    /// `$EDITOR` closed on `edited` (the text it was given was `original`).
    case edited(itemID: String, title: String, original: String, edited: String)
    /// Another process changed the store: the progress of every item in the notes, read afresh.
    case reloaded(LearnerProgress)
    /// A `revisit` effect was carried out.
    case revisited(RevisitOutcome)
    /// The activity log a `loadActivity` effect read.
    case activityLoaded(ActivityLog)
    /// Today's local day number, as a `readToday` effect read it.
    case today(Int)
    /// The notes folders changed on disk and have held still since (see `ContentWatcher`).
    case notesChanged
    /// A `reloadNotes` effect read the notes afresh.
    case notesReloaded(NotesReload)
    /// An effect failed; the text says what happened.
    case failed(String)

    public static func key(_ key: Key) -> Message { .event(.key(key)) }
}
