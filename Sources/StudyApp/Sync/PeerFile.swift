#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore
import StudyStore

/// Another device's sync file, read from where the last sync stopped. The last 4 KiB before that
/// point are fingerprinted: a file that shrank or whose bytes there changed (replaced by another
/// copy) is read again from the start, which is safe since merging is idempotent.
struct PeerFile {
    let path: String
    let device: String

    /// What a read found: the batch to merge and the cursor to record with it (nil when the file
    /// was passed over as a whole, so that it is tried again next time).
    struct Read {
        var batch = SyncBatch()
        var cursor: SyncCursor?
        var warnings: [String] = []
    }

    static let window: Int64 = 4096
    /// A file this large is not a year of study; reading it whole could exhaust memory.
    static let largest: Int64 = 1 << 30

    func readNew(after previous: SyncCursor) -> Read {
        var read = Read()
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "a symlink, which sync does not follow" : String(cString: strerror(errno))
            read.warnings.append("\(path): \(reason); skipped")
            return read
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            read.warnings.append("\(path): not a regular file; skipped")
            return read
        }
        let size = Int64(info.st_size)
        guard size <= Self.largest else {
            read.warnings.append("\(path): larger than 1 GiB, not a StudyDash sync file; skipped")
            return read
        }
        var cursor = previous
        if cursor.bytes > size || (cursor.bytes > 0 && tailHash(descriptor, endingAt: cursor.bytes) != cursor.tailHash) {
            cursor = .start
        }
        if cursor.bytes == size {
            read.cursor = cursor
            return read
        }
        let bytes = SyncFolder.readRange(descriptor, from: cursor.bytes, count: Int(size - cursor.bytes))
        var consumed = 0
        var lineNumber = cursor.lines
        var version: Int? = cursor.bytes == 0 ? nil : SyncLines.currentVersion
        var start = 0
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                // Cut short: another sync (or the tool copying the file) is still writing it.
                read.warnings.append("\(path):\(lineNumber + 1): the last line is incomplete (still being written?); "
                    + "it will be read by the next sync")
                break
            }
            lineNumber += 1
            let line = bytes[start..<end]
            let place = "\(path):\(lineNumber)"
            start = end + 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                consumed = start
                continue
            }
            switch SyncLines.parse(line) {
            case .success(.header(let lineVersion, let named)):
                guard named == device else {
                    read.warnings.append("\(place): the header names device \(named), not \(device); the file is skipped")
                    return Read(warnings: read.warnings)
                }
                guard lineVersion <= SyncLines.currentVersion else {
                    // Kept unread, so that it is merged once this StudyDash is upgraded.
                    read.warnings.append("\(place): written by a newer StudyDash (sync version \(lineVersion); this one "
                        + "reads up to \(SyncLines.currentVersion)); the rest of the file waits for an upgrade")
                    return finish(read, cursor, consumed: consumed, lines: lineNumber - 1, descriptor)
                }
                version = lineVersion
            case .success(let value):
                guard version != nil else {
                    read.warnings.append("\(place): not a StudyDash sync file (no header line); skipped")
                    return Read(warnings: read.warnings)
                }
                switch value {
                case .event(let event):
                    read.batch.events.append(event)
                    cursor.events += 1
                case .status(let state): read.batch.states.append(state)
                case .note(let note): read.batch.annotations.append(note)
                case .item(let item): read.batch.items.append(item)
                case .header: break
                }
            case .failure(let error):
                if version == nil {
                    read.warnings.append("\(place): not a StudyDash sync file (\(error)); skipped")
                    return Read(warnings: read.warnings)
                }
                read.warnings.append("\(place): \(error); the line is skipped")
            }
            consumed = start
        }
        return finish(read, cursor, consumed: consumed, lines: lineNumber, descriptor)
    }

    /// The cursor after the lines consumed (whole lines only; a cut-short last one stays unread).
    private func finish(_ read: Read, _ cursor: SyncCursor, consumed: Int, lines: Int, _ descriptor: Int32) -> Read {
        var read = read
        var next = cursor
        next.bytes = cursor.bytes + Int64(consumed)
        next.lines = lines
        next.tailHash = tailHash(descriptor, endingAt: next.bytes)
        read.cursor = next
        return read
    }

    private func tailHash(_ descriptor: Int32, endingAt end: Int64) -> String { Self.tailHash(descriptor, endingAt: end) }

    static func tailHash(_ descriptor: Int32, endingAt end: Int64) -> String {
        let from = max(0, end - Self.window)
        return Self.fingerprint(SyncFolder.readRange(descriptor, from: from, count: Int(end - from)))
    }

    /// FNV-1a, 64 bits: enough to notice bytes that changed, not a defence against forgery.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
