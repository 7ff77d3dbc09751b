import Foundation

/// Where StudyDash keeps what is neither notes nor progress (the resume place, unsaved drafts):
/// `$XDG_STATE_HOME/studydash`, else `~/.local/state/studydash`, as the XDG convention has it.
enum StateFolder {
    /// The folder (or `sub` inside it); nil without an absolute state or home folder.
    static func path(_ environment: [String: String], sub: String? = nil) -> String? {
        let base: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            base = xdg + "/studydash"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.local/state/studydash"
        } else {
            return nil
        }
        return sub.map { base + "/" + $0 } ?? base
    }

    /// Makes `folder` (and its parents) where missing, private (0700); false when it cannot be.
    static func make(_ folder: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                  attributes: [.posixPermissions: 0o700])) != nil
    }
}
