#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyContent

/// The notes a command reads: an export may write beside them, never over one of them (`-o
/// notes/02-serving.md` would replace the learner's own notes with a report).
struct NotesFiles {
    let folders: [String]

    /// Throws when `path` lands on an existing notes file inside one of the folders, by whatever
    /// path names it (a symlink, `x/../`).
    func refuse(_ path: String) throws(CLIError) {
        let target = try OutputPath.target(of: path)
        var info = stat()
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let dot = target.lastIndex(of: "."),
              ContentLoader.noteExtensions.contains(target[target.index(after: dot)...].lowercased()) else { return }
        for folder in folders {
            let root = OutputPath.canonical(folder)
            // A single notes file given as the content is its own root.
            if target == root || target.hasPrefix(root == "/" ? "/" : root + "/") {
                throw CLIError("refusing to write \(Output.safe(path)): it is a notes file in \(Output.safe(folder)); "
                    + "nothing was written")
            }
        }
    }
}
