import Dispatch
import StudyCore

/// Reads notes folders (or single notes files) into a `ContentTree`. This is StudyContent's
/// entry point.
///
/// A folder is a topic (its `README.md` or `index.md` gives its title and note), a `.md`,
/// `.markdown` or `.txt` file is a topic (title from front matter `title`, else its opening
/// heading, else its name; see `OpeningHeading`), and headings are sub-topics. Files are parsed in parallel; the tree is then
/// assembled in a fixed order, so the result does not depend on timing.
public enum ContentLoader {
    /// The file endings read as notes (compared in lower case).
    public static let noteExtensions: Set<String> = ["md", "markdown", "txt"]

    /// A name (or path) ending in one of the note extensions.
    public static func isNotesFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name[dot...].firstIndex(of: "/") == nil
        else { return false }
        return noteExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case notAFolder(String)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path):
                isNotesFile(path) ? "notes file not found: \(path)" : "content folder not found: \(path)"
            case .notAFolder(let path):
                "content path is neither a folder nor a notes file (.md, .markdown, .txt): \(path)"
            case .unreadable(let path, let reason): "cannot read content folder \(path): \(reason)"
            }
        }
    }

    /// With a `cache`, unchanged files are read from it instead of parsed (see `ParseCache`).
    public static func load(folders: [String], cache: ParseCache? = nil) throws(LoadError) -> ContentTree {
        try loadWalked(folders: folders, cache: cache).tree
    }

    /// The same, with the walk the tree was read by: what the notes watcher starts from.
    public static func loadWalked(folders: [String], cache: ParseCache? = nil)
        throws(LoadError) -> (tree: ContentTree, walk: NotesListing.Walked) {
        _ = CmarkDocument.extensionsRegistered
        let startedAt = FileStamp.now()
        var walker = FolderWalker(roots: folders)
        var plans: [FolderPlan] = []
        for folder in folders {
            do {
                plans.append(try walker.walkRoot(folder))
            } catch {
                switch error {
                case .missing(let path): throw .missing(path)
                case .notAFolder(let path): throw .notAFolder(path)
                case .unreadable(let path, let reason): throw .unreadable(path, reason: reason)
                }
            }
        }
        // Handed on, not kept here: the assembler frees each outline once it is used.
        var assembler = TreeAssembler(outlines: parseAll(walker.files, roots: folders, cache: cache, startedAt: startedAt))
        let roots = plans.map { assembler.root($0) }
        let tree = ContentTree(roots: roots, resources: assembler.resources,
                               warnings: walker.warnings + assembler.warnings, numbering: assembler.numbering)
        return (tree, NotesListing.Walked(files: walker.files, folders: walker.folders))
    }

    /// Parses every file (or reads its outline from the cache), spread over the machine's
    /// cores; slot `i` holds file `i`'s outline. The cache is written again when any file was
    /// parsed or any kept outline is no longer needed.
    private static func parseAll(_ files: [FilePlan], roots: [String], cache: ParseCache?,
                                 startedAt: Int64) -> [FileOutline] {
        let stored = cache?.stored(roots: roots)
        let slots = Slots(files)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if let outline = stored?.outline(for: files[index]) {
                slots.set(index, outline, cached: true)
            } else {
                slots.set(index, FileReader.outline(of: files[index]), cached: false)
            }
        }
        let outlines = slots.values()
        if let cache, let stored {
            let hits = slots.hits()
            cache.record(hits: hits, misses: files.count - hits)
            if hits != files.count || stored.entries.count != files.count {
                cache.save(roots: roots, files: files, outlines: outlines, startedAt: startedAt, readFrom: stored.notes)
            }
        }
        return outlines
    }

    /// Each concurrent iteration writes only its own slot, so no two writers touch the same memory.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<FileOutline>
        private let cached: UnsafeMutableBufferPointer<Bool>

        /// Every slot starts as a skipped file, so that no slot is ever empty.
        init(_ files: [FilePlan]) {
            buffer = .allocate(capacity: files.count)
            _ = buffer.initialize(from: files.map {
                FileOutline.skipped(ContentWarning(SourceLocation(file: $0.displayPath, line: 0), "not read"))
            })
            cached = .allocate(capacity: files.count)
            cached.initialize(repeating: false)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
            cached.deallocate()
        }

        func set(_ index: Int, _ value: FileOutline, cached fromCache: Bool) {
            buffer[index] = value
            cached[index] = fromCache
        }

        func values() -> [FileOutline] { Array(buffer) }
        func hits() -> Int { cached.reduce(0) { $0 + ($1 ? 1 : 0) } }
    }
}
