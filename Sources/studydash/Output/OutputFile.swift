#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for a command's output that never destroys what its path names:
/// - standard output (no path, or "-"): a failed write ends the command (see `Output`);
/// - a device, FIFO or anything else that is not a regular file (`/dev/null`, a named pipe):
///   opened and written through, never replaced;
/// - a regular file or a new path: written to `NAME.partial-XXXXXX` beside it and renamed into
///   place when complete, so that a failed export never leaves half a file. A symlink stays a
///   symlink: its target is what gets replaced. The new file keeps the old one's mode and owner;
///   a new one is private (0600), since an export holds the learner's notes.
/// The progress store and its side files, and the notes files of the folders read, are refused
/// whatever path names them.
final class OutputFile {
    private enum Kind { case standardOutput, device, replacing(target: String, partial: String) }

    private let path: String
    private let kind: Kind
    private let descriptor: Int32
    private var failure: Int32?
    private(set) var byteCount = 0

    /// `store` is the progress store's path: no output may land on it or its side files; nor on
    /// a notes file inside `notes`, the folders the command reads.
    init(path: String?, sparing store: String, notes: [String] = []) throws {
        guard let path, path != "-" else {
            // Closed (`>&-`) or read-only: say so now, before a file this command opens takes
            // descriptor 1 and a write to it fails for a reason that names that file instead.
            let flags = fcntl(STDOUT_FILENO, F_GETFL)
            guard flags >= 0, flags & O_ACCMODE != O_RDONLY else {
                throw CLIError("cannot write to standard output: \(String(cString: strerror(EBADF)))")
            }
            self.path = "standard output"
            kind = .standardOutput
            descriptor = STDOUT_FILENO
            return
        }
        self.path = path
        try StoreFiles(store).refuse(path)
        try NotesFiles(folders: notes).refuse(path)
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
            throw CLIError("cannot write \(path): it is a folder")
        }
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
            self.descriptor = PartialFile.awayFromStandardStreams(descriptor)
            kind = .device
            return
        }
        let target = try OutputPath.target(of: path)
        let (descriptor, partial) = try PartialFile.create(for: target)
        if stat(target, &info) == 0 {
            // Owner first: changing it may clear the set-ID bits that the mode then restores.
            if info.st_uid != geteuid() || info.st_gid != getegid() { _ = fchown(descriptor, info.st_uid, info.st_gid) }
            _ = fchmod(descriptor, info.st_mode & 0o7777)
        }
        self.descriptor = descriptor
        kind = .replacing(target: target, partial: partial)
    }

    func write(_ bytes: [UInt8]) {
        byteCount += bytes.count
        if case .standardOutput = kind { return Output.write(bytes) }
        guard failure == nil else { return }
        failure = Output.write(bytes, to: descriptor)
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    /// Puts the file in place, or reports the first thing that failed with its own reason.
    func finish() throws {
        switch kind {
        case .standardOutput:
            return
        case .device:
            if close(descriptor) != 0 && errno != EINTR && failure == nil { failure = errno }
            if let failure { throw CLIError("cannot write \(path): \(String(cString: strerror(failure)))") }
        case .replacing(let target, let partial):
            defer { PartialFile.release() }
            if failure == nil && fsync(descriptor) != 0 { failure = errno }
            // Renamed before it is closed: the lock goes with the descriptor, and a second export
            // to the same folder must never see this file unlocked under its partial name, or its
            // sweep would take it for a killed export's leftover.
            if failure == nil && rename(partial, target) != 0 { failure = errno }
            if failure != nil { unlink(partial) }
            if close(descriptor) != 0 && errno != EINTR && failure == nil { failure = errno }
            if let failure { throw CLIError("cannot write \(path): \(String(cString: strerror(failure)))") }
            syncFolder(of: target)
        }
    }

    /// A rename is durable only once the folder holding it is on disk too.
    private func syncFolder(of target: String) {
        let folder = open(PartialFile.parent(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }

    deinit {
        // Dropped unfinished (the export failed): its partial file must not stay behind.
        if case .replacing(_, let partial) = kind, access(partial, F_OK) == 0 {
            close(descriptor)
            unlink(partial)
            PartialFile.release()
        }
    }
}
