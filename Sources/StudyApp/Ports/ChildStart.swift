#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a program we start (a browser, an editor) begins: every signal at its default and none
/// blocked, whatever this process set up (the CLI ignores SIGPIPE to report a broken pipe, the
/// dashboard catches quit signals), optionally in a process group of its own; and with no file
/// of ours open but the standard three, so that it can neither write into one (a partial export,
/// the store) nor keep one busy after we are done with it.
public enum ChildStart {
    /// Calls `spawn` with posix_spawn attributes and file actions that say so (the caller may add
    /// more actions, such as redirecting a standard stream); returns what `spawn` returns.
    public static func withCleanStart(
        ownProcessGroup: Bool,
        _ spawn: (UnsafePointer<posix_spawnattr_t>, UnsafeMutablePointer<posix_spawn_file_actions_t>) -> Int32
    ) -> Int32 {
        #if os(Linux)
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #else
        var attributes: posix_spawnattr_t?
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)  // 0: a new group, led by the child
            flags |= POSIX_SPAWN_SETPGROUP
        }
        #if os(Linux)
        // Runs in the child before the program: descriptor 3 and up are closed, so none leaks in.
        _ = closeFrom?(&actions, 3)
        #else
        flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        return spawn(&attributes, &actions)
    }

    #if os(Linux)
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare: looked up by name, and skipped on an older C library (where a
    /// descriptor not opened close-on-exec would still reach the child).
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()
    #endif
}
