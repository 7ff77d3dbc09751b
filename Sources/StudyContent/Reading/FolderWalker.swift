#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// A notes folder on disk as a plan of what to read: sub-folders, note files, and the folder's
/// own note file (`README.md` or `index.md`). Hidden entries (`.git`, `.obsidian`) are skipped,
/// a symlink is followed only when its target lies inside one of the content folders (a notes
/// folder must not pull in `/etc` or the folder around it), a folder is never entered twice
/// (so loops end), and anything that cannot be read becomes a warning while the rest is walked.
struct FolderPlan {
    var path: String
    var displayPath: String
    var name: String
    var noteFile: FilePlan?
    var folders: [FolderPlan] = []
    var files: [FilePlan] = []
}

struct FilePlan {
    var path: String
    var displayPath: String
    var name: String
    var size: Int
    /// What the parse cache knows this file by.
    var stamp: FileStamp
    /// Index into the loader's list of files to parse.
    var index: Int = -1
}

enum FolderWalkError: Error {
    case missing(String)
    case notAFolder(String)
    case unreadable(String, String)
}

struct FolderWalker {
    static let noteExtensions = ContentLoader.noteExtensions
    static let folderNoteNames = ["readme", "index"]
    /// Notes are rarely nested ten deep; a cap keeps every walk over the topic tree shallow.
    static let maxFolderDepth = 32

    private var visited = Set<FileIdentity>()
    private(set) var warnings: [ContentWarning] = []
    private(set) var files: [FilePlan] = []
    /// Every folder opened, in walk order (what the notes watcher watches).
    private(set) var folders: [String] = []
    /// The content folders with every symlink in them resolved: where a symlink may lead.
    private let resolvedRoots: [String]

    init(roots: [String]) {
        resolvedRoots = roots.compactMap(Self.resolved)
    }

    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    mutating func walkRoot(_ path: String) throws(FolderWalkError) -> FolderPlan {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path) }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if (info.st_mode & S_IFMT) == S_IFREG && ContentLoader.isNotesFile(name) {
            return walkFile(path: path, name: name, info: info)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notAFolder(path) }
        guard let dir = opendir(path) else { throw .unreadable(path, String(cString: strerror(errno))) }
        closedir(dir)
        return walk(path: path, displayPath: path, name: name, identity: identity(of: info), depth: 0)
    }

    /// One file given as the content (`studydash notes/README.md`, as glow and frogmouth take a
    /// file): it is read as the note of a folder holding nothing else, so its title and note
    /// are the root's and its headings get the IDs they have when its folder is opened with it
    /// as the README.
    private mutating func walkFile(path: String, name: String, info: stat) -> FolderPlan {
        visited.insert(identity(of: info))
        let file = register(FilePlan(path: path, displayPath: path, name: name, size: Int(info.st_size),
                                                  stamp: FileStamp(info)))
        return FolderPlan(path: path, displayPath: path, name: name, noteFile: file)
    }

    private func identity(of info: stat) -> FileIdentity {
        FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private mutating func walk(path: String, displayPath: String, name: String, identity: FileIdentity,
                               depth: Int) -> FolderPlan {
        visited.insert(identity)
        var plan = FolderPlan(path: path, displayPath: displayPath, name: name)
        guard let dir = opendir(path) else {
            warnings.append(ContentWarning(SourceLocation(file: displayPath, line: 0),
                                           "cannot read folder: \(String(cString: strerror(errno)))"))
            return plan
        }
        folders.append(path)
        var names: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if entryName.hasPrefix(".") { continue }
            names.append(entryName)
        }
        closedir(dir)
        names.sort()

        var noteCandidates: [FilePlan] = []
        for entryName in names {
            let entryPath = path.hasSuffix("/") ? path + entryName : path + "/" + entryName
            let entryDisplay = displayPath.hasSuffix("/") ? displayPath + entryName : displayPath + "/" + entryName
            var info = stat()
            guard lstat(entryPath, &info) == 0 else {
                warnings.append(ContentWarning(SourceLocation(file: entryDisplay, line: 0),
                                               "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            // Only a symlink needs a second look (at its target): for anything else `lstat`
            // said all that `stat` would, and five thousand files are one call each.
            if (info.st_mode & S_IFMT) == S_IFLNK {
                if let target = Self.resolved(entryPath), !isInsideRoots(target) {
                    warnings.append(ContentWarning(SourceLocation(file: entryDisplay, line: 0), "symlink leaves the notes"))
                    continue
                }
                guard stat(entryPath, &info) == 0 else {
                    warnings.append(ContentWarning(SourceLocation(file: entryDisplay, line: 0),
                                                   "cannot read: \(String(cString: strerror(errno)))"))
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = self.identity(of: info)
                if visited.contains(id) {
                    warnings.append(ContentWarning(SourceLocation(file: entryDisplay, line: 0),
                                                   "skipped: folder already read (symlink loop or repeated link)"))
                    continue
                }
                guard depth < Self.maxFolderDepth else {
                    warnings.append(ContentWarning(SourceLocation(file: entryDisplay, line: 0),
                                                   "skipped: folders nested deeper than \(Self.maxFolderDepth) levels"))
                    continue
                }
                plan.folders.append(walk(path: entryPath, displayPath: entryDisplay, name: entryName, identity: id,
                                         depth: depth + 1))
            case S_IFREG:
                let kind = Self.noteKind(of: entryName)
                guard kind.isNote else { continue }
                let file = FilePlan(path: entryPath, displayPath: entryDisplay, name: entryName, size: Int(info.st_size),
                                                  stamp: FileStamp(info))
                if kind.isFolderNote {
                    noteCandidates.append(file)
                } else {
                    plan.files.append(file)
                }
            default:
                continue
            }
        }
        // README wins over index; a second candidate is an ordinary topic.
        noteCandidates.sort { lhs, rhs in
            Self.noteRank(lhs.name) < Self.noteRank(rhs.name)
        }
        if let first = noteCandidates.first {
            plan.noteFile = register(first)
            plan.files.append(contentsOf: noteCandidates.dropFirst())
        }
        plan.files = plan.files.map { register($0) }
        return plan
    }

    /// The path with every symlink resolved; nil when it leads nowhere (the caller's `stat`
    /// then reports why). `NoteLinkResolver` judges a link's real place with it too.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private func isInsideRoots(_ path: String) -> Bool {
        resolvedRoots.contains { root in
            path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// Whether a file name is a note (its last dot-separated part, in lower case, is a note
    /// extension) and whether it is a folder's own note (the parts before it read `readme` or
    /// `index`, and it is not a `.txt`). Names in ASCII, nearly all of them, are read byte by
    /// byte; any other goes by characters (a dot with a combining mark is not a dot).
    static func noteKind(of name: String) -> (isNote: Bool, isFolderNote: Bool) {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let parts = name.utf8.split(separator: UInt8(ascii: "."))
            guard let last = parts.last, name.utf8.contains(UInt8(ascii: ".")) else { return (false, false) }
            let ext = String(decoding: last.map(Self.lowercasedASCII), as: UTF8.self)
            guard noteExtensions.contains(ext) else { return (false, false) }
            let isFolderNote = parts.count == 2 && ext != "txt"
                && folderNoteNames.contains(String(decoding: parts[0].map(Self.lowercasedASCII), as: UTF8.self))
            return (true, isFolderNote)
        }
        // A dot byte, not `contains(".")`: that resolves to Foundation's `range(of:)`,
        // 5,800 instructions a name.
        guard let ext = name.split(separator: ".").last.map({ $0.lowercased() }),
              name.utf8.contains(UInt8(ascii: ".")), noteExtensions.contains(ext) else { return (false, false) }
        let stem = name.split(separator: ".").dropLast().joined(separator: ".").lowercased()
        return (true, folderNoteNames.contains(stem) && ext != "txt")
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func noteRank(_ name: String) -> Int {
        name.lowercased().hasPrefix("readme") ? 0 : 1
    }

    private mutating func register(_ file: FilePlan) -> FilePlan {
        var file = file
        file.index = files.count
        files.append(file)
        return file
    }
}
