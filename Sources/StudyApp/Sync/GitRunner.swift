#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs `git` as a process, its words given as argv (never through a shell), in a folder, with
/// what it prints captured for the message when it fails. `GIT_TERMINAL_PROMPT=0`: a remote that
/// wants a password fails with git's own message instead of waiting on a prompt; credentials are
/// git's business (its helpers, ssh keys), never ours.
public struct GitRunner: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var succeeded: Bool { status == 0 }
        /// git's own words, on one line, for a message.
        public var message: String {
            let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
            return lines.isEmpty ? "exit status \(status)" : lines.joined(separator: " / ")
        }
    }

    /// Runs `git -C FOLDER arguments...` and waits for it.
    public func run(_ arguments: [String]) throws(SyncError) -> Outcome {
        let words = ["git", "-C", folder] + arguments
        let capture: String
        switch FileBytes.temporary(named: "git-output", holding: "") {
        case .success(let path): capture = path
        case .failure(let failure): throw SyncError("cannot run git: \(failure)")
        }
        defer { unlink(capture) }
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid = pid_t()
        let status = ChildStart.withCleanStart(ownProcessGroup: false) { attributes, actions in
            posix_spawn_file_actions_addopen(actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(actions, STDOUT_FILENO, capture, O_WRONLY | O_TRUNC, 0)
            posix_spawn_file_actions_adddup2(actions, STDOUT_FILENO, STDERR_FILENO)
            return posix_spawnp(&pid, "git", actions, attributes, &argv, &envp)
        }
        guard status == 0 else {
            throw SyncError("cannot run git: \(String(cString: strerror(status))); install git (apt-get install git)")
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        let output = FileManager.default.contents(atPath: capture).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let exited = (exitStatus & 0x7f) == 0
        return Outcome(status: exited ? (exitStatus >> 8) & 0xff : 128 + (exitStatus & 0x7f), output: output)
    }

    /// Runs git and fails with its message, naming what was being done.
    @discardableResult
    public func must(_ arguments: [String], doing what: String) throws(SyncError) -> Outcome {
        let outcome = try run(arguments)
        guard outcome.succeeded else { throw SyncError("git could not \(what): \(outcome.message)") }
        return outcome
    }
}
