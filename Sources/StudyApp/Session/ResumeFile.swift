import Foundation
import StudyCore

/// Where the dashboard was left, kept between runs: one small JSON file per set of notes folders
/// under `$XDG_STATE_HOME/studydash/` (default `~/.local/state`), named after a digest of the
/// folders' resolved paths, written atomically and privately (temp + rename, 0600) on quit.
/// The file is untrusted input: missing, foreign, too big, corrupt or not a regular file (a FIFO
/// would block the read), it is ignored silently; it is read only for IDs to look up in the
/// notes, never shown.
public struct ResumeFile: Sendable {
    /// The file's path, nil without an absolute state or home folder.
    public let path: String?
    /// The notes folders, resolved: what the file is for, checked on reading.
    public let roots: [String]

    static let schema = "studydash.resume/1"
    /// Far above what any real tree's place takes; a bigger file is not ours.
    static let sizeLimit = 4 << 20

    public init(contentFolders: [String], environment: [String: String]) {
        roots = contentFolders.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        let folder = StateFolder.path(environment)
        let name = "resume-" + StableID.digest(roots.joined(separator: "\n")) + ".json"
        path = folder.map { $0 + "/" + name }
    }

    private struct Stored: Codable {
        var schema: String
        var roots: [String]
        var place: StudyPlace
    }

    /// The place kept for these folders, nil when there is none to trust.
    public func load() -> StudyPlace? {
        // Not blocking, and a regular file only: opening a FIFO put there would wait forever
        // for a writer, and reading a device would never end.
        guard let path else { return nil }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let data = try? handle.read(upToCount: Self.sizeLimit + 1), data.count <= Self.sizeLimit,
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.schema == Self.schema, stored.roots == roots else { return nil }
        return stored.place
    }

    /// Keeps `place`; false when it could not be written (nothing else to do about it on quit).
    @discardableResult
    public func save(_ place: StudyPlace) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let path, makeFolder(of: path),
              let data = try? encoder.encode(Stored(schema: Self.schema, roots: roots, place: place)) else {
            return false
        }
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return false }
        let failed = FileBytes.write(Array(data), to: descriptor) != nil
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private func makeFolder(of path: String) -> Bool {
        StateFolder.make((path as NSString).deletingLastPathComponent)
    }
}
