import StudyCore

/// The notes read afresh from disk (`Effect.reloadNotes`): the new model over them, the progress
/// of their items, and how many note files changed since the last load, for the status bar.
public struct NotesReload: Sendable {
    public let model: DashboardModel
    public let progress: LearnerProgress
    public let changedFiles: Int

    public init(model: DashboardModel, progress: LearnerProgress, changedFiles: Int) {
        self.model = model
        self.progress = progress
        self.changedFiles = changedFiles
    }
}
