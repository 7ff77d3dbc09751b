#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import StudyCore

/// The parse cache on disk: a magic line, the lengths of its two regions (8 bytes each), the
/// outlines region (read whole at start) and the notes region (read a note at a time, when
/// shown). A file whose lengths do not add up to its size is not a cache.
enum CacheFile {
    /// The outlines region, and the notes region held open; nil when there is no whole cache.
    static func read(_ path: String, magic: [UInt8]) -> (outlines: [UInt8], notes: CacheNotes)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        let headerLength = magic.count + 16
        guard fstat(fd, &info) == 0, info.st_size >= headerLength,
              let header = readExactly(fd, at: 0, count: headerLength),
              header.prefix(magic.count).elementsEqual(magic) else {
            close(fd)
            return nil
        }
        let (outlinesLength, notesLength) = header.withUnsafeBytes { buffer in
            (buffer.loadUnaligned(fromByteOffset: magic.count, as: UInt64.self).littleEndian,
             buffer.loadUnaligned(fromByteOffset: magic.count + 8, as: UInt64.self).littleEndian)
        }
        let size = UInt64(info.st_size) - UInt64(headerLength)
        guard outlinesLength <= size, notesLength == size - outlinesLength,
              let outlines = readExactly(fd, at: headerLength, count: Int(outlinesLength)) else {
            close(fd)
            return nil
        }
        return (outlines, CacheNotes(fd: fd, path: path, base: headerLength + Int(outlinesLength), length: Int(notesLength)))
    }

    /// A new file (never an existing one) holding both regions.
    static func write(_ path: String, magic: [UInt8], outlines: [UInt8], notes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = ByteWriter()
        header.raw(magic)
        header.fixed(UInt64(outlines.count))
        header.fixed(UInt64(notes.count))
        return writeAll(fd, header.bytes) && writeAll(fd, outlines) && writeAll(fd, notes)
    }

    /// `count` bytes from `offset`, or nil when the file holds fewer.
    static func readExactly(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var filled = 0
            while filled < count {
                let got = pread(fd, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                filled += got
            }
            initialized = filled
        }
        guard bytes.count == count else { return nil }
        return bytes
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}

/// The C library's `write`, which `CacheFile.write` hides inside the enum.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }

/// The notes region of an open cache file. The file stays open for as long as a note may be
/// asked for: a later start that writes a new cache renames a new file over it, and deleting it
/// unlinks it, so these bytes do not change under the open file. Should a note still fail its
/// checksum (the file damaged in place), it is said to be unreadable, never shown as other
/// text, and the damaged cache is deleted so that the next start parses the notes again.
final class CacheNotes: NoteStore {
    private let fd: Int32
    private let path: String
    private let base: Int
    private let length: Int
    /// Whether a note failed to read back: the outlines made from this file then hold the
    /// message instead of that note, and must not be saved as a new cache (ParseCache.save).
    /// Set at most once, from false to true, and read after the reads that set it.
    nonisolated(unsafe) private(set) var failed = false

    static let unreadable = "*This note could not be read back from the parse cache, which is now deleted; it shows again when studydash next starts.*"

    init(fd: Int32, path: String, base: Int, length: Int) {
        self.fd = fd
        self.path = path
        self.base = base
        self.length = length
    }

    deinit { close(fd) }

    func note(at offset: Int, length count: Int, checksum: UInt64) -> String {
        guard offset >= 0, count >= 0, offset <= length, count <= length - offset,
              let text = queue.sync(execute: { read(at: offset, count: count, checksum: checksum) })
        else {
            failed = true
            forget()
            return Self.unreadable
        }
        return text
    }

    /// Notes and descriptions are mostly read in the order they were written (a search index,
    /// `tree --json`, a topic's resources): one read of the region's next `windowLength` bytes
    /// then serves the next hundreds of them, where a read each cost 90,000 system calls.
    static let windowLength = 64 * 1024
    /// Reads may come from any thread: the window is only touched on this queue.
    private let queue = DispatchQueue(label: "studydash.cache-notes")
    nonisolated(unsafe) private var window: [UInt8] = []
    nonisolated(unsafe) private var windowStart = 0

    private func read(at offset: Int, count: Int, checksum: UInt64) -> String? {
        if offset < windowStart || offset + count > windowStart + window.count {
            let span = max(count, min(Self.windowLength, length - offset))
            // A window that cannot be read whole (the file damaged since) still lets the note
            // itself be tried.
            guard let bytes = CacheFile.readExactly(fd, at: base + offset, count: span)
                ?? CacheFile.readExactly(fd, at: base + offset, count: count) else { return nil }
            window = bytes
            windowStart = offset
        }
        let from = offset - windowStart
        return window.withUnsafeBytes { all -> String? in
            let slice = UnsafeRawBufferPointer(rebasing: all[from..<from + count])
            guard ByteReader.checksum(slice) == checksum else { return nil }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// Deletes the cache file, unless it is no longer this one (a newer cache renamed over it).
    private func forget() {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0,
              open.st_dev == named.st_dev, open.st_ino == named.st_ino else { return }
        unlink(path)
    }
}
