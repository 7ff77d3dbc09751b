#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the parse cache knows a file by: its size, its modification time and its status-change
/// time (ctime), both to the nanosecond, and its device and inode.
///
/// Size and mtime alone can be fooled: an editor (or `touch -r`, or `utimes`) can write new
/// bytes of the same length and set the mtime back. The ctime cannot be set back by any user
/// call: every write, and the `utimes` that hides it, moves it to "now". So a file whose stamp
/// is unchanged has not been written since it was parsed — except within one tick of the
/// kernel's coarse clock, which `ParseCache.isSettled` guards against.
struct FileStamp: Equatable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var device: Int64
    var inode: Int64

    init(size: Int64, modified: Int64, changed: Int64, device: Int64, inode: Int64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
        #else
        let modified = info.st_mtim
        let changed = info.st_ctim
        #endif
        size = Int64(info.st_size)
        self.modified = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        self.changed = Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec)
        device = Int64(bitPattern: UInt64(info.st_dev))
        inode = Int64(bitPattern: UInt64(info.st_ino))
    }

    /// Nanoseconds since 1970 by the wall clock, as file times are kept.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
