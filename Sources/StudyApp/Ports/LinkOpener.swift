import StudyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening a link in the user's browser without disturbing the dashboard: `$BROWSER` or the
/// platform opener, started directly (never through a shell, the URL as one argument; see
/// `BrowserList`), with its standard streams on /dev/null so it cannot draw over the screen, in
/// a process group of its own so that Ctrl-C and Ctrl-Z at the terminal do not reach it. It is
/// not waited for. Only links `LinkPolicy` allows are opened.
public enum LinkOpener {
    /// Starts the opener for `url`. nil when it was started, else a message for the status bar.
    public static func open(_ url: String, environment: [String: String]) -> String? {
        // The reducer asked the same policy; asking again here keeps a program from ever seeing
        // a link it refuses, whoever calls this.
        if let refusal = LinkPolicy.refusal(url) { return refusal }
        let listed: [BrowserCommand]
        switch BrowserList.parse(environment["BROWSER"] ?? "") {
        case .success(let commands): listed = commands
        case .failure(let error): return "cannot open the link: \(error)"
        }
        for command in listed.isEmpty ? [BrowserCommand(words: [platformOpener])] : listed {
            if let problem = BrowserHandOff.problem(command.words, placeholder: "%s") { return "not opening the link with $BROWSER: \(problem)" }
            let status = spawn(command.arguments(for: url), environment: environment)
            if status == 0 { return nil }
            // Not installed: try the next entry of $BROWSER.
            if status == ENOENT { continue }
            return "cannot open \(url) with '\(command.words[0])': \(String(cString: strerror(status)))"
        }
        if !listed.isEmpty {
            return "cannot open \(url): no program in $BROWSER was found"
        }
        return "cannot open \(url): no $BROWSER set and \(platformOpener) is not installed"
    }

    /// Opens `url` with the config file's `browser` when `$BROWSER` does not name one (the
    /// environment wins over the file). A `terminal = true` browser (w3m, lynx) runs inside
    /// `handOver`, which gives it the terminal until it exits, as `$EDITOR` gets it; any other is
    /// started and left running, as above.
    public static func open(_ url: String, environment: [String: String], browser: BrowserSetting?,
                            handOver: (_ run: () -> Void) -> Void) -> String? {
        guard let browser, (environment["BROWSER"] ?? "").isEmpty else { return open(url, environment: environment) }
        if let refusal = LinkPolicy.refusal(url) { return refusal }
        let arguments = browser.arguments(for: url)
        guard !arguments.isEmpty else { return "cannot open the link: the config file's browser names no program" }
        var status: Int32 = 0
        var exit: Int32 = 0
        if browser.terminal {
            handOver {
                status = spawnInTerminal(arguments, environment: environment, exitStatus: &exit)
            }
        } else {
            status = spawn(arguments, environment: environment)
        }
        if status == ENOENT { return "cannot open \(url): '\(arguments[0])' (browser in the config file) is not installed" }
        if status != 0 { return "cannot open \(url) with '\(arguments[0])': \(String(cString: strerror(status)))" }
        if exit != 0 { return "'\(arguments[0])' ended with exit status \(exit)" }
        return nil
    }

    /// Runs a text browser on our terminal, in our process group, and waits for it: the
    /// posix_spawnp result, and its exit status (or 128 + the signal that ended it).
    static func spawnInTerminal(_ arguments: [String], environment: [String: String], exitStatus: inout Int32) -> Int32 {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let status = ChildStart.withCleanStart(ownProcessGroup: false) { attributes, actions in
            posix_spawnp(&pid, arguments[0], actions, attributes, &argv, &envp)
        }
        guard status == 0 else { return status }
        var waited: Int32 = 0
        while waitpid(pid, &waited, 0) < 0 && errno == EINTR {}
        exitStatus = (waited & 0x7f) == 0 ? (waited >> 8) & 0xff : 128 + (waited & 0x7f)
        return 0
    }

    #if os(macOS)
    public static let platformOpener = "open"
    #else
    public static let platformOpener = "xdg-open"
    #endif

    /// posix_spawnp's result: 0, or the errno (ENOENT when the program is not on PATH).
    static func spawn(_ arguments: [String], environment: [String: String]) -> Int32 {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        // Its own process group, so that a Ctrl-C at the dashboard never reaches the browser;
        // its standard streams on /dev/null, so that it cannot draw over the screen.
        let status = ChildStart.withCleanStart(ownProcessGroup: true) { attributes, actions in
            posix_spawn_file_actions_addopen(actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
            return posix_spawnp(&pid, arguments[0], actions, attributes, &argv, &envp)
        }
        if status == 0 { children.add(pid) }
        return status
    }

    /// Collects openers that have finished, so they do not linger as zombies. Only the
    /// children started here are waited for, never anyone else's (an editor, say).
    public static func reapFinished() {
        children.removeAll { pid in
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            // Finished, or not our child any more (ECHILD): forget it either way.
            return result == pid || (result < 0 && errno == ECHILD)
        }
    }

    private static let children = ChildList()
}

/// The openers started and not yet reaped. A lock, because `open` may in principle be called
/// from any thread.
private final class ChildList: @unchecked Sendable {
    private var pids: [pid_t] = []
    // Allocated, because a pthread mutex must not move and a stored property has no fixed address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    func add(_ pid: pid_t) {
        pthread_mutex_lock(mutex)
        pids.append(pid)
        pthread_mutex_unlock(mutex)
    }

    func removeAll(where finished: (pid_t) -> Bool) {
        pthread_mutex_lock(mutex)
        pids.removeAll(where: finished)
        pthread_mutex_unlock(mutex)
    }
}
