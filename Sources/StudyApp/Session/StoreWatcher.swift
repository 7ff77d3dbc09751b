import StudyCore
import StudyStore

/// Notices when another process has committed to the store since the last look (`PRAGMA
/// data_version`, cheap enough for every idle tick), so that a front end never acts on, or
/// shows, a stale state: it then reads the progress afresh, as at start-up.
public struct StoreWatcher {
    /// Followed when the notes are read afresh (the store stays the same).
    public var session: StudySession
    private var version: Int?

    public init(session: StudySession) {
        self.session = session
        version = try? session.store.othersChangeVersion()
    }

    /// The progress read afresh when another process wrote; nil when nothing changed.
    public mutating func changes() -> Result<LearnerProgress, StoreError>? {
        guard let now = try? session.store.othersChangeVersion(), now != version else { return nil }
        version = now
        do {
            return .success(try session.progress())
        } catch {
            return .failure(error)
        }
    }
}
