import Foundation
import StudyStore

/// The dashboard's optional sync on open and on quit (`[sync] on_open` / `on_quit` in the config
/// file): the same sync as `studydash sync DIR` (with git when DIR is the top of a git work
/// tree), whose failure is a line to show, never a reason to stop.
public enum AutoSync {
    /// The sync folder when none is given on the command line: `$STUDYDASH_SYNC_DIR`, else the
    /// config file's `[sync] dir`, a relative one taken from the config file's own folder.
    public static func folder(environment: String?, config: StudyConfig) -> String? {
        if let environment, !environment.isEmpty { return environment }
        guard let dir = config.sync.dir, !dir.isEmpty else { return nil }
        guard !dir.hasPrefix("/"), let file = config.file else { return dir }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dir)
    }

    /// nil when it went well; otherwise what to tell the user, in one line.
    public static func run(folder path: String?, store: ProgressStore) -> String? {
        guard let path else { return "sync: no folder to sync with; set [sync] dir in the config file" }
        do {
            let folder = try SyncFolder(path)
            let isGit = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(".git"))
            let report = isGit ? try GitSync(folder: folder).sync(store) : try folder.sync(store)
            guard let first = report.warnings.first else { return nil }
            return "sync: \(first)" + (report.warnings.count > 1 ? " (and \(report.warnings.count - 1) more: `studydash sync`)" : "")
        } catch {
            return "sync failed: \(error)"
        }
    }
}
