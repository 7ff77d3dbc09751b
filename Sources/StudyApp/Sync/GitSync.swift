#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StudyStore

/// Sync through a git work tree: `git pull --rebase`, merge the other devices' files, append
/// ours, commit it (`studydash sync from <device>`) and push. Each device only ever appends to
/// its own file, so a rebase never conflicts; `*.jsonl merge=union` in `.gitattributes` (written
/// by the first sync) keeps both sides' lines should two clones ever append to the same file.
/// A push that loses a race with another device pulls, merges and pushes again.
public struct GitSync: Sendable {
    public let folder: SyncFolder
    public let attempts: Int
    let git: GitRunner

    public static let attribute = "*.jsonl merge=union"

    public init(folder: SyncFolder, attempts: Int = 5) {
        self.folder = folder
        self.attempts = attempts
        git = GitRunner(folder: folder.path)
    }

    public func sync(_ store: ProgressStore) throws(SyncError) -> SyncFolder.Report {
        let inside = try git.run(["rev-parse", "--is-inside-work-tree"])
        guard inside.succeeded, inside.output.hasPrefix("true") else {
            throw SyncError("\(folder.path) is not in a git work tree (git says: \(inside.message))")
        }
        let remote = try upstreamRemote()
        var report: SyncFolder.Report?
        for attempt in 1...max(1, attempts) {
            if let remote { try pull(remote) }
            // After the pull: another device's first sync may have brought the file already.
            try ensureAttributes()
            var round = try folder.appendOwn(store)
            try folder.mergeOthers(store, into: &round)
            if let earlier = report {
                round.appended += earlier.appended
                for (device, summary) in earlier.merged where round.merged[device] == nil { round.merged[device] = summary }
                round.warnings = earlier.warnings + round.warnings.filter { !earlier.warnings.contains($0) }
            }
            report = round
            try commit(round)
            guard let remote else { return round }
            let push = try git.run(["push", "--porcelain"] + (remote.setsUpstream ? ["--set-upstream"] : [])
                + [remote.name, "HEAD:\(remote.branch)"])
            if push.succeeded { return round }
            let lostRace = push.output.contains("[rejected]") || push.output.contains("fetch first")
                || push.output.contains("non-fast-forward") || push.output.contains("[remote rejected]")
            guard lostRace, attempt < attempts else { throw SyncError("git could not push: \(push.message)") }
            usleep(useconds_t(50_000 * attempt))  // the winner's push settles; then pull it in
        }
        throw SyncError("git could not push after \(attempts) attempts")
    }

    /// `.gitattributes` in the sync folder holds the union rule; it is appended to, never rewritten.
    private func ensureAttributes() throws(SyncError) {
        let path = (folder.path as NSString).appendingPathComponent(".gitattributes")
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw SyncError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 1 << 20 else {
            throw SyncError("\(path) is not a regular file; it was left as it is")
        }
        let existing = SyncFolder.readRange(descriptor, from: 0, count: Int(info.st_size))
        let lines = String(decoding: existing, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard !lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == Self.attribute }) else { return }
        let prefix = existing.isEmpty || existing.last == UInt8(ascii: "\n") ? "" : "\n"
        if let failure = FileBytes.write(Array((prefix + Self.attribute + "\n").utf8), to: descriptor) {
            throw SyncError("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }

    struct Remote {
        var name: String
        var branch: String
        var setsUpstream = false
    }

    /// The current branch's upstream as configured (a clone sets it, even of an empty
    /// repository); nil for a repository with no remote, which is only committed to.
    private func upstreamRemote() throws(SyncError) -> Remote? {
        let branch = try git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        guard branch.succeeded else { throw SyncError("git is not on a branch in \(folder.path): \(branch.message)") }
        let name = branch.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let remote = try git.run(["config", "--get", "branch.\(name).remote"])
        if remote.succeeded {
            let merge = try git.run(["config", "--get", "branch.\(name).merge"])
            let ref = merge.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let target = ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : name
            return Remote(name: remote.output.trimmingCharacters(in: .whitespacesAndNewlines), branch: target)
        }
        let remotes = try git.run(["remote"])
        let names = remotes.output.split(whereSeparator: \.isNewline).map(String.init)
        guard let only = names.first(where: { $0 == "origin" }) ?? (names.count == 1 ? names.first : nil) else { return nil }
        // Without an upstream, pushing would add a branch to the shared remote that no other
        // device syncs with; only a first sync (nothing committed here, or an empty remote) may
        // choose the branch, and it sets the upstream so later syncs follow it.
        let committed = try git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded
        let remoteHeads = try git.run(["ls-remote", "--heads", only])
        let remoteIsEmpty = remoteHeads.succeeded && remoteHeads.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard !committed || remoteIsEmpty else {
            throw SyncError("branch \(name) has no upstream; set one once with `git push -u \(only) \(name)` "
                + "(or switch to the branch the other devices sync)")
        }
        return Remote(name: only, branch: name, setsUpstream: true)
    }

    /// Pulls with rebase; a remote branch that does not exist yet (the first push to an empty
    /// repository) is nothing to pull.
    private func pull(_ remote: Remote) throws(SyncError) {
        let heads = try git.run(["ls-remote", "--heads", remote.name, "refs/heads/\(remote.branch)"])
        guard heads.succeeded else { throw SyncError("git could not reach \(remote.name): \(heads.message)") }
        guard !heads.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let pull = try git.run(["pull", "--rebase", "--autostash", "--no-edit", remote.name, remote.branch])
        guard pull.succeeded else {
            _ = try? git.run(["rebase", "--abort"])
            throw SyncError("git pull --rebase failed: \(pull.message)")
        }
    }

    /// Commits our file and `.gitattributes` alone (pathspecs), leaving anything else the user
    /// has staged for them to commit.
    private func commit(_ report: SyncFolder.Report) throws(SyncError) {
        let own = (report.ownFile as NSString).lastPathComponent
        let paths = [own, ".gitattributes"].filter {
            FileManager.default.fileExists(atPath: (folder.path as NSString).appendingPathComponent($0))
        }
        try git.must(["add", "--"] + paths, doing: "add \(paths.joined(separator: " "))")
        let staged = try git.run(["diff", "--cached", "--quiet", "--"] + paths)
        guard !staged.succeeded else { return }
        try git.must(["commit", "--quiet", "-m", "studydash sync from \(report.device)", "--"] + paths,
                     doing: "commit")
    }
}
