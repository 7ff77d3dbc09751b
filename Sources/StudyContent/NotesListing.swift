import Dispatch

/// The note files a load reads and the folders it walks, each file with its size, modification
/// time and inode: what the notes watcher compares its looks by. Taken by the loader's own walk
/// (`FolderWalker`), so that the watcher sees exactly the files a reload would read.
///
/// A load keeps the listing it walked (`lastLoad(of:)`): the watcher starts from it instead of
/// walking and stating five thousand files again before the first screen. It is also the truer
/// start, since those stamps are the ones the tree on screen was read by.
public struct NotesListing: Equatable, Sendable {
    public struct Stamp: Equatable, Sendable {
        public var size: Int64
        public var modified: Int64
        public var inode: Int64
    }

    /// Each note file's stamp, by its path.
    public private(set) var files: [String: Stamp] = [:]
    /// Every folder walked.
    public private(set) var folders: [String] = []

    init(files plans: [FilePlan], folders: [String]) {
        files.reserveCapacity(plans.count)
        for plan in plans {
            files[plan.path] = Stamp(size: plan.stamp.size, modified: plan.stamp.modified, inode: plan.stamp.inode)
        }
        self.folders = folders
    }

    /// The folders walked now, as a load walks them; a folder that cannot be read lists nothing.
    public static func take(_ roots: [String]) -> NotesListing {
        var walker = FolderWalker(roots: roots)
        for root in roots { _ = try? walker.walkRoot(root) }
        return NotesListing(files: walker.files, folders: walker.folders)
    }

    /// The listing of the latest load of exactly these folders, handed out once (later looks
    /// walk afresh); nil when they were not loaded since, or it was handed out already.
    public static func lastLoad(of roots: [String]) -> NotesListing? {
        LastLoad.shared.take(roots)
    }

    static func recordLoad(of roots: [String], files: [FilePlan], folders: [String]) {
        LastLoad.shared.keep(Walked(roots: roots, files: files, folders: folders))
    }

    /// What a load walked, kept as the walker left it: the dictionary is made only when a
    /// watcher asks, so that a command that never watches pays nothing for it.
    struct Walked: Sendable {
        var roots: [String]
        var files: [FilePlan]
        var folders: [String]
    }

    /// The latest walk of each set of folders (a process loads one or two); loads run on any
    /// thread, hence the queue.
    private final class LastLoad: @unchecked Sendable {
        static let shared = LastLoad()
        private let queue = DispatchQueue(label: "studydash.notes-listing")
        private var kept: [[String]: Walked] = [:]

        func keep(_ walked: Walked) { queue.sync { kept[walked.roots] = walked } }

        func take(_ roots: [String]) -> NotesListing? {
            let walked = queue.sync { kept.removeValue(forKey: roots) }
            return walked.map { NotesListing(files: $0.files, folders: $0.folders) }
        }
    }
}
