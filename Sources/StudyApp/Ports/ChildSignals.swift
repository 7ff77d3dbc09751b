#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a program we start (a browser, an editor) begins: every signal at its default and none
/// blocked, whatever this process set up (the CLI ignores SIGPIPE to report a broken pipe, the
/// dashboard catches quit signals), optionally in a process group of its own.
public enum ChildSignals {
    /// Calls `spawn` with posix_spawn attributes that say so; returns what `spawn` returns.
    public static func withCleanAttributes(ownProcessGroup: Bool,
                                           _ spawn: (UnsafePointer<posix_spawnattr_t>) -> Int32) -> Int32 {
        #if os(Linux)
        var attributes = posix_spawnattr_t()
        #else
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
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
        posix_spawnattr_setflags(&attributes, Int16(flags))
        return spawn(&attributes)
    }
}
