import Foundation

/// Edits text in the user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, on a private temporary
/// file. The editor is started directly (posix_spawn, no shell); its command line is split on
/// spaces so that `EDITOR="code --wait"` works.
public enum ExternalEditor {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func edit(_ text: String, name: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) -> String {
        let command = ["VISUAL", "EDITOR"].lazy
            .compactMap { environment[$0]?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? "vi"
        let words = command.split(separator: " ").map(String.init)
        // A text file ends with a newline; editors and `>>` expect one.
        let initial = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        let path: String
        switch FileBytes.temporary(named: name, holding: initial) {
        case .success(let made): path = made
        case .failure(.cannotCreate(let folder, let reason)):
            throw Failure(description: "cannot create a temporary file in \(folder): \(reason)")
        case .failure(.cannotWrite(let path)):
            throw Failure(description: "cannot write the temporary file \(path)")
        }
        defer { unlink(path) }

        var pid: pid_t = 0
        let arguments = words + [path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Default signals, none blocked, none of our files (ChildStart); the editor shares our
        // terminal and process group.
        let status = ChildStart.withCleanStart(ownProcessGroup: false) { attributes, actions in
            posix_spawnp(&pid, words[0], actions, attributes, &argv, environ)
        }
        guard status == 0 else {
            throw Failure(description: "cannot start the editor '\(words[0])': \(String(cString: strerror(status))); "
                + "set EDITOR to an editor on your PATH")
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        let exited = (exitStatus & 0x7f) == 0
        let code = (exitStatus >> 8) & 0xff
        guard exited && code == 0 else {
            throw Failure(description: "the editor '\(words[0])' failed (\(exited ? "exit status \(code)" : "killed")); the annotation was left unchanged")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "the edited file \(path) could not be read back; the annotation was left unchanged")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
