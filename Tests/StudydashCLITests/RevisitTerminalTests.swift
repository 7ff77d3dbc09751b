import Foundation
import StudyTestSupport
import Testing

/// Revisits end to end in a pseudo-terminal: `D` lists a due topic, `v` records the revisit and
/// `u` takes it back, `Enter` on the due row lands on the topic.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct RevisitTerminalTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    @Test func dListsADueTopicVRevisitsItAndEnterGoesToIt() throws {
        #expect(try CLI.run(["mark", "Later", "done", "--content", "notes", "--db", db]).status == 0)
        let twoDaysAgo = Int64(Date().timeIntervalSince1970 * 1000) - 2 * 86_400_000
        try sqlite(db, "UPDATE item_state SET updated_at = \(twoDaysAgo)")
        let result = try TUIProbe.run("revisit", ["--db", db, "--content", "notes"], size: "80x24", term: "xterm-256color",
                                      environment: [:], scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "revisit: \(failure)")
        // The revisit was undone: the store holds it and its undo, and Later is due again.
        #expect(try CLI.run(["revisit", "--content", "notes", "--db", db]).out.contains("Later"))
    }
}
