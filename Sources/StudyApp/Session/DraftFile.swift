import Foundation

/// Where an annotation being typed goes when the dashboard is ended from outside (the terminal
/// closed, SIGTERM, a second Ctrl-C) before it was saved: a private file under
/// `$XDG_STATE_HOME/studydash/drafts` (default `~/.local/state`), named after the item and the
/// time, so that a closed window never loses a paragraph.
public enum DraftFile {
    /// Writes `text`, typed for the item `itemID`, to a new private file; returns its path, or
    /// nil when there is no place to keep it.
    public static func keep(_ text: String, itemID: String, environment: [String: String]) -> String? {
        guard let folder = folder(environment) else { return nil }
        let stamp = Int(Date().timeIntervalSince1970)
        let path = "\(folder)/\(itemID)-\(stamp).md"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return FileBytes.write(Array(text.utf8), to: descriptor) == nil ? path : nil
    }

    /// The drafts folder, made private (0700) where missing; nil without an absolute home.
    private static func folder(_ environment: [String: String]) -> String? {
        guard let folder = StateFolder.path(environment, sub: "drafts"), StateFolder.make(folder) else { return nil }
        return folder
    }
}
