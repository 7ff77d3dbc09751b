import StudyContent

/// The notes folders as the watcher compares them: each note file's size, modification time and
/// inode, and every folder walked (what inotify watches). Two looks that agree mean nothing was
/// being written between them. Walked as the loader walks (see `NotesListing`): the files
/// compared are the files a reload reads, symlinks followed only inside the notes.
struct NotesSnapshot: Equatable {
    private let listing: NotesListing

    var files: [String: NotesListing.Stamp] { listing.files }
    var folders: [String] { listing.folders }

    init(_ listing: NotesListing) { self.listing = listing }

    static func take(_ roots: [String]) -> NotesSnapshot {
        NotesSnapshot(NotesListing.take(roots))
    }

    /// The note files added, removed or changed since `older`.
    func changedFiles(since older: NotesSnapshot) -> Int {
        let changed = files.filter { older.files[$0.key] != $0.value }.count
        let removed = older.files.keys.filter { files[$0] == nil }.count
        return changed + removed
    }
}
