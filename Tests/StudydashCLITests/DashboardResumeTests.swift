import Foundation
import StudyTestSupport
import Testing

/// Quit and reopen: the dashboard comes back where it was left (the topic, the open note and its
/// scroll, the marks), and `--fresh` opens at the top; `next` starts from that place.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct DashboardResumeTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func probe(_ script: String, _ extra: [String] = []) throws {
        let result = try TUIProbe.run(script, ["--db", db, "--content", "notes"] + extra, size: "60x10", scratch: scratch)
        #expect(result.ok, "\(script): \(result.failure)")
        #expect(result.sane, "\(script)")
    }

    @Test func quitAndReopenLandsOnTheSamePlaceWithTheSameScroll() throws {
        try probe("resume-leave")
        try probe("resume-return")
        try probe("resume-fresh", ["--fresh"])
    }

    @Test func nextStartsFromWhereTheDashboardWasLeft() throws {
        try probe("resume-leave")
        let environment = ["XDG_STATE_HOME": scratch.url("state")]
        let next = try CLI.run(["next", "--content", "notes", "--db", db], environment: environment)
        #expect(next.status == 0, "\(next.err)")
        #expect(titles(next.out) == ["git-cliff", "S3 Standard", "cloud.google.com/storage/docs/storage-classes",
                                     "Semantic Versioning"],
                "learning first, then the todos after the place, wrapping: \(next.out)")
        let fromStart = try CLI.run(["next", "--from-start", "--content", "notes", "--db", db], environment: environment)
        #expect(titles(fromStart.out) == ["git-cliff", "Semantic Versioning", "S3 Standard",
                                          "cloud.google.com/storage/docs/storage-classes"], "\(fromStart.out)")
    }

    /// A resume file that is a FIFO (or any file that is not a regular one) would block the
    /// read that opens it forever: the dashboard and `next` must ignore it, not hang.
    @Test func aResumeFileThatIsAFIFOIsIgnoredNotWaitedOn() throws {
        try probe("resume-leave")
        let folder = scratch.url("state/studydash")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("resume-") })
        let path = (folder as NSString).appendingPathComponent(kept)
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = scratch.url("state")
        let next = try CLI.runProcess("/usr/bin/timeout", ["-k", "2", "10", CLI.binary, "next", "--content", "notes", "--db", db],
                                      cwd: CLI.fixtures, environment: env)
        #expect(next.status == 0, "timeout exits 124 when next waited on the FIFO: \(next.status) \(next.err)")
        #expect(titles(next.out).first == "git-cliff", "\(next.out)")
    }

    /// The titles of `next`'s text: each resource's first line, without its mark and ID.
    func titles(_ out: String) -> [String] {
        out.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { line in
            String(line.dropFirst(4).split(separator: " ", omittingEmptySubsequences: false).dropLast(2).joined(separator: " "))
        }
    }
}
