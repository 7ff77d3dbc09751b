#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the progress database lives: `--db PATH`, else `$STUDYDASH_DB`, else
/// `$XDG_DATA_HOME/studydash/progress.sqlite` (`~/.local/share/...` when XDG_DATA_HOME is unset).
/// Also prepares a new location: folders it creates get mode 0700 and a new file 0600, because
/// the notes a learner writes are theirs alone.
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: (String) -> String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment("STUDYDASH_DB"), !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome: String
        if let xdg = environment("XDG_DATA_HOME"), xdg.hasPrefix("/") {
            dataHome = xdg  // the XDG spec says relative values are invalid and must be ignored
        } else {
            dataHome = (environment("HOME") ?? "/tmp") + "/.local/share"
        }
        return dataHome + "/studydash/progress.sqlite"
    }

    /// Creates the missing folders above `path` (0700) and an empty file (0600) when absent.
    /// Returns true when the file was created here.
    static func prepare(_ path: String) throws(StoreError) -> Bool {
        let folder = parent(of: path)
        try makeFolders(folder)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return true
        }
        if errno == EEXIST { return false }  // another process created it first: use it
        throw .cannotCreateFile(path: path, reason: systemError())
    }

    private static func makeFolders(_ folder: String) throws(StoreError) {
        guard !folder.isEmpty, folder != "/", folder != "." else { return }
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .cannotCreateFolder(path: folder, reason: "a file of that name is in the way")
            }
            return
        }
        guard errno == ENOENT else { throw .cannotCreateFolder(path: folder, reason: systemError()) }
        try makeFolders(parent(of: folder))
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateFolder(path: folder, reason: systemError())
        }
    }

    /// Whether this process may change the store: the file and its folder, where SQLite keeps its
    /// `-wal` and `-shm` files. The kernel answers (faccessat with the effective user), so an
    /// immutable file or a read-only mount counts as read-only even for root.
    static func isWritable(_ path: String) -> Bool {
        faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 && faccessat(AT_FDCWD, parent(of: path), W_OK, AT_EACCESS) == 0
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
