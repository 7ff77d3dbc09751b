import StudyCore

/// What the reducer asks the outside world to do after a message: the run loop performs it
/// (store, browser, editor, clipboard) and feeds what it came to back to the reducer as a
/// `Message`; the reducer alone changes the state.
public enum Effect: Equatable, Sendable {
    /// Set `status` on these resources (one transaction); `label` names them in the message.
    case setStatus(Status, resourceIDs: [String], label: String)
    /// Save (or, with nil, delete) the annotation of a topic or resource.
    case saveAnnotation(itemID: String, text: String?)
    case undo
    /// Open a link that has passed `LinkPolicy`.
    case openLink(String)
    case copy(String)
    /// Suspend the screen and edit the annotation in `$EDITOR`.
    case editInEditor(itemID: String, title: String, text: String)
    /// Record a revisit of a finished topic (answered by `Message.revisited`, or `failed` with
    /// the reason it is not due).
    case revisit(topicID: String)
    /// Read the activity log for the dashboard view (answered by `Message.activityLoaded`).
    case loadActivity
    /// Read the activity log ahead of `D`, at an idle moment: answered by `Message.activityLoaded`,
    /// or by nothing when the read fails (`D` then reads again and says why).
    case readActivityAhead
    /// Read today's local day from the clock (answered by `Message.today`): the activity read
    /// before is reused, but not a "today" that midnight has since moved.
    case readToday
    /// Read the notes folders afresh (answered by `Message.notesReloaded`, or by nothing when a
    /// file was caught mid-write: the watcher tries again once it holds still).
    case reloadNotes
    /// Clear the terminal and paint the whole screen again (`Ctrl-L`).
    case redraw
    case quit
}
