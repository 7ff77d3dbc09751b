import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// Two clones of a local bare repository, each a device's sync folder: syncing in turn and at
/// the same moment (a push race the loser settles by pulling and pushing again).
@Suite(.enabled(if: GitPresence.installed, "skipped: git is not installed (scripts/test installs it)"))
struct GitSyncTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try Self.git(folder.path, ["init", "--quiet", "--bare", "remote.git"])
        for clone in ["laptop-repo", "desktop-repo"] {
            try Self.git(folder.path, ["clone", "--quiet", "remote.git", clone])
            try Self.git(folder.url(clone), ["config", "user.name", "Test \(clone)"])
            try Self.git(folder.url(clone), ["config", "user.email", "\(clone)@example.invalid"])
        }
    }

    @discardableResult
    static func git(_ directory: String, _ arguments: [String]) throws -> String {
        let outcome = try GitRunner(folder: directory).run(arguments)
        guard outcome.succeeded else { throw SyncError("git \(arguments.joined(separator: " ")): \(outcome.message)") }
        return outcome.output
    }

    func sync(_ device: SyncDevice, _ clone: String) throws -> SyncFolder.Report {
        try GitSync(folder: SyncFolder(folder.url(clone))).sync(device.store)
    }

    @Test func clonesSyncInTurn() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try desktop.note("r2", "from the desktop")
        _ = try sync(laptop, "laptop-repo")
        _ = try sync(desktop, "desktop-repo")
        _ = try sync(laptop, "laptop-repo")
        #expect(laptop.snapshot == desktop.snapshot)
        #expect(laptop.notes == ["r2": "from the desktop"] && desktop.statuses == ["r1": .done])
        let attributes = try String(contentsOfFile: folder.url("desktop-repo/.gitattributes"), encoding: .utf8)
        #expect(attributes == "*.jsonl merge=union\n")
        let log = try Self.git(folder.url("laptop-repo"), ["log", "--format=%s"])
        #expect(log.contains("studydash sync from \(laptop.id)") && log.contains("studydash sync from \(desktop.id)"))
        // Nothing new: nothing committed.
        let head = try Self.git(folder.url("laptop-repo"), ["rev-parse", "HEAD"])
        _ = try sync(laptop, "laptop-repo")
        #expect(try Self.git(folder.url("laptop-repo"), ["rev-parse", "HEAD"]) == head)
    }

    @Test func pushRaceIsSettledByTheLoser() async throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try desktop.mark("r2", .learning)
        let folderPath = folder.path, laptopStore = laptop.store, desktopStore = desktop.store
        let first = Task.detached {
            (try GitSync(folder: SyncFolder(folderPath + "/laptop-repo")).sync(laptopStore)).appended
        }
        let second = Task.detached {
            (try GitSync(folder: SyncFolder(folderPath + "/desktop-repo")).sync(desktopStore)).appended
        }
        let appended = (try await first.value, try await second.value)
        #expect(appended == (1, 1))
        _ = try sync(laptop, "laptop-repo")
        _ = try sync(desktop, "desktop-repo")
        #expect(laptop.statuses == ["r1": .done, "r2": .learning])
        #expect(desktop.snapshot == laptop.snapshot)
    }

    /// Two clones appending to the same file (one store copied to two machines) keep both
    /// sides' lines: the union merge, not a conflict.
    @Test func unionMergeKeepsBothSidesLines() throws {
        let laptop = try SyncDevice(folder, "laptop")
        try laptop.mark("r1", .done)
        _ = try sync(laptop, "laptop-repo")
        try Self.git(folder.url("desktop-repo"), ["pull", "--quiet", "--rebase"])
        let name = "\(laptop.id).jsonl"
        try "{\"extra\":\"desktop\"}\n".append(to: folder.url("desktop-repo/\(name)"))
        try Self.git(folder.url("desktop-repo"), ["commit", "--quiet", "-am", "desktop line"])
        try Self.git(folder.url("desktop-repo"), ["push", "--quiet"])
        // The laptop's own commit to the same file, not pushed yet: the pull replays it on top.
        try "{\"extra\":\"laptop\"}\n".append(to: folder.url("laptop-repo/\(name)"))
        try Self.git(folder.url("laptop-repo"), ["commit", "--quiet", "-am", "laptop line"])
        try laptop.mark("r2", .done)
        _ = try sync(laptop, "laptop-repo")
        let text = try String(contentsOfFile: folder.url("laptop-repo/\(name)"), encoding: .utf8)
        #expect(text.contains("\"extra\":\"desktop\"") && text.contains("\"extra\":\"laptop\"") && text.contains("\"id\":\"r2\""))
    }

    /// A branch made after the first sync has no upstream: pushing it would add a branch to the
    /// shared remote that no other device syncs with, so the user is told to set one instead.
    @Test func aBranchWithNoUpstreamIsRefusedNotPushed() throws {
        let laptop = try SyncDevice(folder, "laptop")
        _ = try sync(laptop, "laptop-repo")
        try Self.git(folder.url("laptop-repo"), ["checkout", "--quiet", "-b", "side"])
        try laptop.mark("r1", .done)
        #expect { try sync(laptop, "laptop-repo") } throws: { error in
            "\(error)".contains("no upstream") && "\(error)".contains("git push -u origin side")
        }
        let heads = try Self.git(folder.url("laptop-repo"), ["ls-remote", "--heads", "origin"])
        #expect(!heads.contains("refs/heads/side"))
    }

    @Test func aFolderOutsideGitIsRefusedWithGitsWords() throws {
        let laptop = try SyncDevice(folder, "laptop")
        try FileManager.default.createDirectory(atPath: folder.url("plain"), withIntermediateDirectories: true)
        #expect { try sync(laptop, "plain") } throws: { error in
            "\(error)".contains("not in a git work tree") && "\(error)".contains("git says")
        }
    }
}

enum GitPresence {
    static let installed = ["/usr/bin/git", "/bin/git", "/usr/local/bin/git"].contains { FileManager.default.isExecutableFile(atPath: $0) }
}

extension String {
    func append(to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(utf8))
        handle.closeFile()
    }
}
