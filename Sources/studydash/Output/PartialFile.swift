#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `NAME.partial-XXXXXX` file an export writes beside NAME before renaming it into place:
/// created locked, removed if the export is interrupted by a signal, and swept by the next export
/// when an earlier one was killed outright (kill -9 runs no handler).
///
/// A partial file is stale when nobody holds its lock: the lock goes with the process that made
/// it, however that process ended, so a running export's file is never taken for a stale one.
enum PartialFile {
    /// Creates a fresh, locked, private (0600) partial file for `target`, removed if SIGINT,
    /// SIGTERM or SIGHUP ends the process before `release`; returns its descriptor and path.
    static func create(for target: String) throws(CLIError) -> (descriptor: Int32, path: String) {
        sweep(besides: target)
        // Held back until the handler knows the file, so that no signal falls in between.
        var signals = sigset_t(), previous = sigset_t()
        sigemptyset(&signals)
        for signal in handledSignals { sigaddset(&signals, signal) }
        sigprocmask(SIG_BLOCK, &signals, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        let created = try createLocked(for: target)
        removeOnSignal(created.path)
        return created
    }

    private static func createLocked(for target: String) throws(CLIError) -> (descriptor: Int32, path: String) {
        for _ in 0..<3 {
            var template = Array((target + marker + "XXXXXX").utf8CString)
            var descriptor = mkstemp(&template)
            guard descriptor >= 0 else { throw CLIError("cannot write \(target): \(String(cString: strerror(errno)))") }
            descriptor = awayFromStandardStreams(descriptor)
            let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            _ = flock(descriptor, LOCK_EX)
            // Another export's sweep may have taken it between mkstemp and flock: make another.
            if isStill(path, descriptor) { return (descriptor, path) }
            close(descriptor)
        }
        throw CLIError("cannot write \(target): its temporary file kept disappearing")
    }

    /// Removes `NAME.partial-XXXXXX` files beside `target` that no running export holds.
    static func sweep(besides target: String) {
        let folder = parent(of: target)
        let prefix = Array((basename(of: target) + marker).utf8)
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard name.count == prefix.count + 6, name.starts(with: prefix),
                  name.suffix(6).allSatisfy({ isTemplateCharacter($0) }) else { continue }
            let path = folder + "/" + String(decoding: name, as: UTF8.self)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { continue }
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 && isStill(path, descriptor) { unlink(path) }
            close(descriptor)
        }
    }

    private static func removeOnSignal(_ path: String) {
        release()
        pendingPartial = strdup(path)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = removePendingAndDie
        sigemptyset(&action.sa_mask)
        for signal in handledSignals { sigaction(signal, &action, nil) }
    }

    static func release() {
        guard let path = pendingPartial else { return }
        for signal in handledSignals { Glibc.signal(signal, SIG_DFL) }
        pendingPartial = nil
        free(path)
    }

    // MARK: Details

    static let marker = ".partial-"

    private static let handledSignals = [SIGINT, SIGTERM, SIGHUP]

    /// mkstemp's replacement characters.
    private static func isTemplateCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isStill(_ path: String, _ descriptor: Int32) -> Bool {
        var named = stat(), opened = stat()
        return lstat(path, &named) == 0 && fstat(descriptor, &opened) == 0
            && named.st_dev == opened.st_dev && named.st_ino == opened.st_ino
    }

    /// With standard output closed (`>&-`), a new file would get descriptor 1 and receive what
    /// the command prints; move it out of the way.
    static func awayFromStandardStreams(_ descriptor: Int32) -> Int32 {
        guard descriptor <= STDERR_FILENO else { return descriptor }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// The partial file to remove if a signal ends the export: a C string made before the handler is
/// installed, so that the handler only reads a pointer and calls unlink (async-signal-safe).
nonisolated(unsafe) private var pendingPartial: UnsafeMutablePointer<CChar>?

private func removePendingAndDie(_ signal: Int32) {
    if let path = pendingPartial { unlink(path) }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
