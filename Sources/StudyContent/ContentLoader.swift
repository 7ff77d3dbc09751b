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
        let outlines = Outlines(walker.files, roots: folders, cache: cache, startedAt: startedAt)
        var assembler = TreeAssembler(outlines: outlines.slots, sizes: outlines.sizes)
        let roots = plans.map { assembler.root($0) }
        outlines.finish()
        let tree = ContentTree(roots: roots, resources: assembler.resources,
                               warnings: walker.warnings + assembler.warnings, numbering: assembler.numbering)
        return (tree, NotesListing.Walked(files: walker.files, folders: walker.folders))
    }

    /// Every file's outline, read from the cache where the file is unchanged, else parsed; file
    /// `i`'s in slot `i`. The cache is written again when any file was parsed or any kept outline
    /// is no longer needed.
    ///
    /// When every file has its outline in the cache, the outlines are read while the tree is
    /// assembled (see `OutlineSlots`), and the cache written after it only if one did not read
    /// back. Otherwise every file is read or parsed, over all cores, and the cache written,
    /// before the tree is assembled.
    private struct Outlines {
        let slots: OutlineSlots
        let sizes: TreeAssembler.Sizes
        private let files: [FilePlan]
        private let roots: [String]
        private let cache: ParseCache?
        private let stored: ParseCache.Stored?
        private let startedAt: Int64
        private let whileAssembling: Bool

        init(_ files: [FilePlan], roots: [String], cache: ParseCache?, startedAt: Int64) {
            let stored = cache?.stored(roots: roots)
            slots = OutlineSlots(count: files.count) { index in
                if let outline = stored?.outline(for: files[index]) { return (outline, true) }
                return (FileReader.outline(of: files[index]), false)
            }
            (self.files, self.roots, self.cache, self.stored, self.startedAt) = (files, roots, cache, stored, startedAt)
            whileAssembling = stored?.isCurrent(for: files) == true
            if let stored, whileAssembling {
                sizes = stored.sizes
                slots.startFilling()
                return
            }
            slots.fillAll()
            let outlines = slots.all()
            sizes = TreeAssembler.Sizes(outlines)
            Self.recordAndSave(slots, files: files, roots: roots, cache: cache, stored: stored, startedAt: startedAt) {
                outlines
            }
        }

        /// Once the tree is assembled: what is left of reading through the cache.
        func finish() {
            slots.stopFilling()
            guard whileAssembling, let stored else { return }
            Self.recordAndSave(slots, files: files, roots: roots, cache: cache, stored: stored, startedAt: startedAt) {
                slots.outlinesToSave { index in
                    stored.outline(for: files[index]) ?? FileReader.outline(of: files[index])
                }
            }
        }

        /// Records how many outlines came from the cache, and writes it again, from `outlines`,
        /// when any file was parsed or any kept outline is no longer needed.
        private static func recordAndSave(_ slots: OutlineSlots, files: [FilePlan], roots: [String], cache: ParseCache?,
                                          stored: ParseCache.Stored?, startedAt: Int64, outlines: () -> [FileOutline]) {
            guard let cache, let stored else { return }
            let hits = slots.hits()
            cache.record(hits: hits, misses: files.count - hits)
            guard hits != files.count || stored.entries.count != files.count else { return }
            cache.save(roots: roots, files: files, outlines: outlines(), startedAt: startedAt, readFrom: stored.notes)
        }
    }
}
