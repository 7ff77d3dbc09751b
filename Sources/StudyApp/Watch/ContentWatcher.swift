import StudyContent
import StudyCore

/// Notices that the notes folders changed under an open dashboard (an editor's save, a
/// `git pull`) and reads them afresh once they hold still. On Linux inotify says when to look
/// (an unchanged tree costs one `read` per idle tick, under a microsecond); elsewhere (macOS),
/// or when the kernel refuses more watches, every look walks the folders and stats each note
/// file: cheap for a course's hundred files, but about 110 ms a look for 5,000 files in a debug
/// build (`find` needs 20 ms for the same stats), which is why Linux does not poll.
///
/// A change is loaded only after two looks a tick apart agree (a file still being written
/// changes between them), and a load is kept only when the files are as they were before it
/// was read: a file caught half-written is read again at a later tick, never shown. With the
/// parse cache, a reload parses only the files that changed (the rest are read from the cache,
/// which is then written again).
public final class ContentWatcher {
    public enum Mechanism: String, Sendable {
        case inotify, polling
    }

    /// The notes read afresh, and how many note files differ from the last load.
    public struct Reloaded {
        public let tree: ContentTree
        public let changedFiles: Int
    }

    private let folders: [String]
    private let cache: ParseCache?
    /// What the tree on screen was read from.
    private var loaded: NotesSnapshot
    /// A look that differed from `loaded`: loaded when the next look agrees with it.
    private var pending: NotesSnapshot?
    #if os(Linux)
    private var events: FolderEvents?
    #endif

    /// `walk`: the walk of these folders by the load the tree on screen came from
    /// (`ContentLoader.loadWalked`); its stamps are what the tree was read by. Without one, the
    /// watcher walks the folders now.
    public init(folders: [String], cache: ParseCache? = nil, startingFrom walk: NotesListing.Walked? = nil) {
        self.folders = folders
        self.cache = cache
        loaded = walk.map { NotesSnapshot($0.listing) } ?? NotesSnapshot.take(folders)
        #if os(Linux)
        events = FolderEvents()
        if let events, !events.watch(loaded.folders) { self.events = nil }
        #endif
    }

    public var mechanism: Mechanism {
        #if os(Linux)
        if events != nil { return .inotify }
        #endif
        return .polling
    }

    /// One look, at an idle tick: true when the notes differ from what was loaded and did not
    /// change since the look before (then `reload` them).
    public func look() -> Bool {
        #if os(Linux)
        if let events {
            guard events.drain() || pending != nil else { return false }
        }
        #endif
        let now = NotesSnapshot.take(folders)
        #if os(Linux)
        // New sub-folders are watched from now on.
        if let events, !events.watch(now.folders) { self.events = nil }
        #endif
        if now == loaded {
            pending = nil
            return false
        }
        if now == pending { return true }
        pending = now
        return false
    }

    /// Reads the notes afresh (after `look`, or by hand). Nil when a file changed while they
    /// were read: the next looks see it, and load it once it holds still. A load that fails
    /// (a notes folder gone) is reported once, and waits for the next change.
    public func reload() -> Result<Reloaded, ContentLoader.LoadError>? {
        let before = pending ?? NotesSnapshot.take(folders)
        let result: Result<ContentTree, ContentLoader.LoadError>
        do {
            result = .success(try ContentLoader.load(folders: folders, cache: cache))
        } catch {
            result = .failure(error)
        }
        let after = NotesSnapshot.take(folders)
        guard after == before else {
            pending = after
            return nil
        }
        let changed = after.changedFiles(since: loaded)
        loaded = after
        pending = nil
        return result.map { Reloaded(tree: $0, changedFiles: changed) }
    }
}
