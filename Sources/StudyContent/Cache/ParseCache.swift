#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parse cache: each notes file's outline kept on disk, so that a start with nothing
/// changed reads outlines instead of parsing Markdown.
///
/// One file per set of content folders, in `$XDG_CACHE_HOME/studydash/` (else
/// `~/.cache/studydash/`). It is only ever a copy: deleting it costs one slower start. It opens
/// with a format version and the program's version, and either differing means it is ignored.
/// An outline is used only when its file's `FileStamp` (size, mtime, ctime, device, inode) is
/// unchanged, and its bytes pass a checksum; anything that does not read back whole is parsed
/// afresh, and the cache is written again (to a temporary file, then renamed over the old one,
/// so a reader never sees half a cache).
public final class ParseCache: @unchecked Sendable {
    /// Bumped whenever the bytes of an outline, or what the outline holds, change.
    static let formatVersion: Int64 = 4
    static let magic = Array("studydash parse cache\n".utf8)
    /// A file changed this recently may be changed again within the same tick of the kernel's
    /// coarse clock, keeping its ctime: it is parsed, but not kept until it has settled.
    static let settleNanoseconds: Int64 = 200_000_000

    public let directory: String
    public let programVersion: String
    /// How the last load went: outlines read from the cache, and files parsed.
    public private(set) var lastHits = 0
    public private(set) var lastMisses = 0

    public init(directory: String, programVersion: String) {
        self.directory = directory
        self.programVersion = programVersion
    }

    /// `$XDG_CACHE_HOME/studydash`, else `$HOME/.cache/studydash`; nil with neither.
    public static func standardDirectory(xdgCacheHome: String?, home: String?) -> String? {
        if let xdgCacheHome, xdgCacheHome.hasPrefix("/") { return xdgCacheHome + "/studydash" }
        if let home, !home.isEmpty { return home + "/.cache/studydash" }
        return nil
    }

    /// The cache file for these content folders (their real paths name it).
    func filePath(roots: [String]) -> String {
        let key = roots.map { FolderWalker.resolved($0) ?? $0 }.joined(separator: "\u{0}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return directory + "/outlines-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin"
    }

    /// The outlines stored for `roots`, empty when there is no cache or it cannot be trusted.
    /// Only the outlines are read; the notes region stays on disk, read a note at a time.
    func stored(roots: [String]) -> Stored {
        guard let opened = CacheFile.read(filePath(roots: roots), magic: Self.magic) else { return .none }
        let (bytes, notes) = opened
        let (entries, sizes) = index(bytes, notes: notes) ?? ([:], .init())
        return Stored(bytes: bytes, entries: entries, sizes: sizes, notes: notes)
    }

    func record(hits: Int, misses: Int) {
        lastHits = hits
        lastMisses = misses
    }

    /// Where each file's outline lies in the cache's bytes, and what they hold in all; nil when
    /// the header or the list of entries is not whole.
    private func index(_ bytes: [UInt8], notes: CacheNotes) -> ([String: Stored.Entry], TreeAssembler.Sizes)? {
        bytes.withUnsafeBytes { buffer -> ([String: Stored.Entry], TreeAssembler.Sizes)? in
            var reader = ByteReader(buffer)
            guard reader.varint() == UInt64(Self.formatVersion), reader.string() == programVersion,
                  let resources = reader.count(), let topics = reader.count(),
                  let count = reader.count() else { return nil }
            var entries: [String: Stored.Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = reader.string(), let display = reader.string(),
                      let size = reader.fixedSigned(), let modified = reader.fixedSigned(),
                      let changed = reader.fixedSigned(), let device = reader.fixedSigned(),
                      let inode = reader.fixedSigned(), let checksum = reader.fixed(),
                      let length = reader.count(), let range = reader.skip(length) else { return nil }
                entries[path] = Stored.Entry(
                    displayPath: display,
                    stamp: FileStamp(size: size, modified: modified, changed: changed, device: device, inode: inode),
                    checksum: checksum, range: range)
            }
            return reader.atEnd ? (entries, TreeAssembler.Sizes(resources: resources, topics: topics)) : nil
        }
    }

    /// What a cache file held when opened: its outlines' bytes, where each outline lies in them,
    /// and its notes region, held open for the notes read later.
    struct Stored: @unchecked Sendable {
        struct Entry {
            var displayPath: String
            var stamp: FileStamp
            var checksum: UInt64
            var range: Range<Int>
        }

        let bytes: [UInt8]
        let entries: [String: Entry]
        /// What the outlines hold in all, as written.
        let sizes: TreeAssembler.Sizes
        let notes: CacheNotes?

        static let none = Stored(bytes: [], entries: [:], sizes: .init(), notes: nil)

        /// Holds an outline for each of `files` and for nothing else, each file unchanged since
        /// (the outlines may still fail to read back).
        func isCurrent(for files: [FilePlan]) -> Bool {
            entries.count == files.count && files.allSatisfy { entry(for: $0) != nil }
        }

        private func entry(for file: FilePlan) -> Entry? {
            guard let entry = entries[file.path], entry.displayPath == file.displayPath,
                  entry.stamp == file.stamp else { return nil }
            return entry
        }

        /// The outline kept for `file`, when the file is unchanged and its bytes read back whole.
        func outline(for file: FilePlan) -> FileOutline? {
            guard let entry = entry(for: file) else { return nil }
            return bytes.withUnsafeBytes { buffer -> FileOutline? in
                let slice = UnsafeRawBufferPointer(rebasing: buffer[entry.range])
                guard ByteReader.checksum(slice) == entry.checksum else { return nil }
                var reader = ByteReader(buffer, from: entry.range.lowerBound, to: entry.range.upperBound)
                guard let outline = OutlineCoding.read(from: &reader, store: notes), reader.atEnd else { return nil }
                return outline
            }
        }
    }

    /// Writes the outlines of every settled file, then their long notes. Failing to write is not
    /// an error the user must act on (the next start parses again), so it is silent.
    ///
    /// `readFrom`: the cache the outlines' long notes are read from; when one of them could not
    /// be read back (now or before), nothing is written, so that the message standing in for it
    /// is not kept as the note.
    func save(roots: [String], files: [FilePlan], outlines: [FileOutline], startedAt: Int64, readFrom notesRead: CacheNotes?) {
        let settledBefore = startedAt - Self.settleNanoseconds
        var writer = ByteWriter()
        var notes = NotesWriter()
        writer.varint(UInt64(Self.formatVersion))
        writer.string(programVersion)
        let kept = files.indices.filter {
            files[$0].stamp.changed < settledBefore && files[$0].stamp.modified < settledBefore
        }
        let sizes = TreeAssembler.Sizes(kept.lazy.map { outlines[$0] })
        writer.count(sizes.resources)
        writer.count(sizes.topics)
        writer.count(kept.count)
        for index in kept {
            let file = files[index]
            var body = ByteWriter()
            OutlineCoding.write(outlines[index], to: &body, notes: &notes)
            writer.string(file.path)
            writer.string(file.displayPath)
            for value in [file.stamp.size, file.stamp.modified, file.stamp.changed, file.stamp.device, file.stamp.inode] {
                writer.fixed(value)
            }
            writer.fixed(body.bytes.withUnsafeBytes { ByteReader.checksum($0) })
            writer.count(body.bytes.count)
            writer.raw(body.bytes)
        }
        guard notesRead?.failed != true, Self.makeDirectory(directory) else { return }
        let path = filePath(roots: roots)
        let temporary = directory + "/.outlines-\(getpid())-\(startedAt).tmp"
        guard CacheFile.write(temporary, magic: Self.magic, outlines: writer.bytes, notes: notes.bytes) else {
            unlink(temporary)
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The directory and its parents, made private to the user where they are new.
    private static func makeDirectory(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            guard makeDirectory(String(path[..<slash])) else { return false }
        }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }
}
