#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StudyCore
import StudyStore

/// Sync through a folder that some tool keeps in step between machines (Syncthing, Dropbox, a
/// network share, a git work tree): this device appends its new events to its own file,
/// `DIR/<device-id>.jsonl`, and merges every other device's file into the store.
///
/// Nothing in the folder is trusted: only names of the shape `<16 hex digits>.jsonl` are read, a
/// symlink is never followed, a line that cannot be read is reported as `file:line` and passed
/// over, and our own file is only ever appended to (O_APPEND, one write per batch, fsync'd).
public struct SyncFolder: Sendable {
    public let path: String

    /// What one sync did.
    public struct Report: Sendable {
        public var device: String
        /// Our own file, and how many events were appended to it.
        public var ownFile: String
        public var appended = 0
        /// What each other device's file brought, by device ID.
        public var merged: [String: MergeSummary] = [:]
        /// `file:line: reason` for every line or file passed over.
        public var warnings: [String] = []
    }

    /// The folder must exist and be a folder; it is the user's choice, so a symlink to one is fine.
    public init(_ path: String) throws(SyncError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SyncError("cannot use the sync folder \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw SyncError("the sync folder \(path) is not a folder") }
        self.path = path
    }

    /// Appends our new events, then merges every other device's.
    public func sync(_ store: ProgressStore) throws(SyncError) -> Report {
        var report = try appendOwn(store)
        try mergeOthers(store, into: &report)
        return report
    }

    public func file(of device: String) -> String { (path as NSString).appendingPathComponent(device + ".jsonl") }

    // MARK: Our own file

    /// Appends what this device has not written yet, in one write, then fsyncs and records it.
    public func appendOwn(_ store: ProgressStore) throws(SyncError) -> Report {
        var me = try SyncError.store { try store.syncSelf() }
        guard Self.isDeviceID(me.device) else { throw SyncError("the store's device ID '\(me.device)' is not 16 hex digits") }
        let own = file(of: me.device)
        var report = Report(device: me.device, ownFile: own)
        let descriptor = open(own, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SyncError("cannot write \(own): \(String(cString: strerror(errno)))"
                + (errno == ELOOP ? " (it is a symlink, which sync does not follow)" : ""))
        }
        defer { close(descriptor) }
        // Two syncs of this store at once would both append the same outbox; one waits for the
        // other, then finds it sent. (Where the folder's file system has no locks, this is skipped.)
        _ = flock(descriptor, LOCK_EX)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SyncError("\(own) is not a regular file; it was left as it is")
        }
        let size = Int64(info.st_size)
        if size > 0 {
            let head = Self.readRange(descriptor, from: 0, count: 4096)
            guard Self.startsWithHeader(head, device: me.device) else {
                throw SyncError("\(own) is not this device's sync file (its first line is not a StudyDash sync header "
                    + "for \(me.device)); it was left as it is")
            }
        }
        // The file lost lines we wrote (deleted, or an older copy put back): write everything again.
        if size < me.fileBytes || (size == 0 && me.sentRowid > 0) {
            try SyncError.store { try store.resendEverything() }
            me = try SyncError.store { try store.syncSelf() }
        }
        let outbox = try SyncError.store { try store.syncOutbox() }
        guard !outbox.batch.events.isEmpty else { return report }
        var bytes: [UInt8] = []
        // A line cut short (a copy caught mid-write) must not swallow our first line.
        if size > 0, Self.readRange(descriptor, from: size - 1, count: 1) != [UInt8(ascii: "\n")] {
            bytes.append(UInt8(ascii: "\n"))
        }
        bytes += SyncLines.encode(outbox.batch, device: me.device, at: store.clock.now())
        if let failure = FileBytes.write(bytes, to: descriptor) {
            // A write cut short (a full disk) would leave half a batch, its last line broken, for
            // every reader to warn about; the batch is sent whole next time.
            _ = ftruncate(descriptor, off_t(size))
            throw SyncError("cannot append to \(own): \(String(cString: strerror(failure)))")
        }
        guard fsync(descriptor) == 0 else { throw SyncError("cannot save \(own) to disk: \(String(cString: strerror(errno)))") }
        try SyncError.store {
            try store.markSent(upTo: outbox.lastRowid, events: outbox.batch.events.count, fileBytes: size + Int64(bytes.count))
        }
        report.appended = outbox.batch.events.count
        try skipReadingBack(store, device: me.device, descriptor, from: size, written: bytes, events: report.appended)
        return report
    }

    /// Our own file is merged like a peer's (see `mergeOthers`); the lines just written need not
    /// be read back. When the file had been read up to where this write began, unchanged, the
    /// cursor moves past the write (else the next merge reads it, which is only slower).
    private func skipReadingBack(_ store: ProgressStore, device: String, _ descriptor: Int32, from start: Int64,
                                 written: [UInt8], events: Int) throws(SyncError) {
        let own = try SyncError.store { try store.syncPeers() }.first { $0.device == device }?.cursor ?? .start
        guard own.bytes == start, start == 0 || own.tailHash == PeerFile.tailHash(descriptor, endingAt: start) else { return }
        let end = start + Int64(written.count)
        let cursor = SyncCursor(bytes: end, lines: own.lines + written.count { $0 == UInt8(ascii: "\n") },
                                tailHash: PeerFile.tailHash(descriptor, endingAt: end), events: own.events + events)
        _ = try SyncError.store { try store.mergeSync(SyncBatch(), from: device, cursor: cursor) }
    }

    // MARK: Other devices' files

    /// Merges the new part of every device's file, ours included.
    public func mergeOthers(_ store: ProgressStore, into report: inout Report) throws(SyncError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw SyncError("cannot list the sync folder \(path): \(error.localizedDescription)")
        }
        let peers = try SyncError.store { try store.syncPeers() }
        var cursors: [String: SyncCursor] = [:]
        for peer in peers { cursors[peer.device] = peer.cursor }
        for name in names where name.hasSuffix(".jsonl") {
            let device = String(name.dropLast(".jsonl".count))
            // Our own file is read too: a store put back from a backup, or copied to a second
            // machine (one device ID, one file), gets back the lines only that file still holds.
            guard Self.isDeviceID(device) else {
                report.warnings.append("\(file(of: device)): not named as a StudyDash sync file (16 hex digits .jsonl); skipped")
                continue
            }
            let read = PeerFile(path: file(of: device), device: device).readNew(after: cursors[device] ?? .start)
            report.warnings += read.warnings
            guard let cursor = read.cursor, cursor != cursors[device] || !read.batch.isEmpty else { continue }
            let summary = try SyncError.store { try store.mergeSync(read.batch, from: device, cursor: cursor) }
            guard device != report.device || !summary.isEmpty else { continue }
            report.merged[device] = summary
        }
    }

    // MARK: Helpers

    /// A device ID as the v6 migration makes it: 16 lowercase hex digits.
    public static func isDeviceID(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func startsWithHeader(_ head: [UInt8], device: String) -> Bool {
        let line = head.prefix { $0 != UInt8(ascii: "\n") }
        guard case .success(.header(_, let named)) = SyncLines.parse(line[...]) else { return false }
        return named == device
    }

    static func readRange(_ descriptor: Int32, from offset: Int64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(buffer.prefix(filled))
    }
}

/// A failure of sync as a whole, in one line a user can act on.
public struct SyncError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    static func store<T>(_ body: () throws -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw SyncError(String(describing: error))
        }
    }
}
