#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyContent

/// The notes folders as the watcher compares them: each note file's size, modification time and
/// inode, and every folder walked (what inotify watches). Two looks that agree mean nothing was
/// being written between them. Hidden entries are skipped as the loader skips them; a symlinked
/// folder is not entered (its changes show with `R`), a symlinked file is stamped by its target.
struct NotesSnapshot: Equatable {
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    private(set) var files: [String: Stamp] = [:]
    private(set) var folders: [String] = []

    /// As deep as the loader goes (`FolderWalker.maxFolderDepth`).
    static let maxDepth = 32

    static func take(_ roots: [String]) -> NotesSnapshot {
        var snapshot = NotesSnapshot()
        for root in roots { snapshot.walk(root, depth: 0) }
        return snapshot
    }

    /// The note files added, removed or changed since `older`.
    func changedFiles(since older: NotesSnapshot) -> Int {
        let changed = files.filter { older.files[$0.key] != $0.value }.count
        let removed = older.files.keys.filter { files[$0] == nil }.count
        return changed + removed
    }

    private mutating func walk(_ folder: String, depth: Int) {
        guard let dir = opendir(folder) else { return }
        folders.append(folder)
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(dir)
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if depth < Self.maxDepth { walk(path, depth: depth + 1) }
            case S_IFREG, S_IFLNK:
                guard Self.isNote(name) else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
                    continue
                }
                files[path] = Stamp(size: Int64(info.st_size), modified: Self.modified(info), inode: UInt64(info.st_ino))
            default:
                continue
            }
        }
    }

    private static func isNote(_ name: String) -> Bool {
        guard name.contains("."), let ext = name.split(separator: ".").last else { return false }
        return ContentLoader.noteExtensions.contains(ext.lowercased())
    }

    private static func modified(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
