#if os(Linux)
import Glibc

/// Linux's inotify on every notes folder: a non-blocking descriptor the run loop drains at each
/// idle tick, so an unchanged notes tree costs one `read` a tick and no walk. The events are not
/// parsed: any event means "look again", and the look (a `NotesSnapshot`) finds what changed and
/// watches the folders that appeared.
final class FolderEvents {
    private let descriptor: Int32
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when the kernel gives no inotify instance (the limit of instances reached).
    init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Watches each folder (one already watched keeps its watch). False when the kernel refused
    /// one (`max_user_watches` reached): the caller then polls instead.
    func watch(_ folders: [String]) -> Bool {
        for folder in folders where inotify_add_watch(descriptor, folder, Self.mask) < 0 {
            // A folder removed since the walk is no reason to stop watching the rest.
            if errno == ENOENT || errno == ENOTDIR { continue }
            return false
        }
        return true
    }

    /// True when anything happened in a watched folder since the last call.
    func drain() -> Bool {
        var any = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                any = true
                continue
            }
            if count < 0 && errno == EINTR { continue }
            return any
        }
    }
}
#endif
