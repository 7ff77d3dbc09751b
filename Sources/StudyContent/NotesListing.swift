import Dispatch

/// The note files a load reads and the folders it walks, each file with its size, modification
/// time and inode: what the notes watcher compares its looks by. Taken by the loader's own walk
/// (`FolderWalker`), so that the watcher sees exactly the files a reload would read.
///
/// A load hands on the walk it made (`ContentLoader.loadWalked`): the watcher starts from it
/// instead of walking and stating five thousand files again before the first screen. It is also
/// the truer start, since those stamps are the ones the tree on screen was read by.
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

    /// What a load walked, kept as the walker left it: the listing is made only when a watcher
    /// asks, so that a command that never watches pays nothing for it.
    public struct Walked: Sendable {
        let files: [FilePlan]
        let folders: [String]

        public var listing: NotesListing { NotesListing(files: files, folders: folders) }
    }
}
