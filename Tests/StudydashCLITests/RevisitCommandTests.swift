import Foundation
import Testing
import StudyTestSupport

/// `studydash revisit`: the finished topics due (text and JSON, and in `stats`), recording a
/// revisit, refusing one that is not due with the date it will be, and `undo` taking it back.
/// The store's times are moved back with sqlite3, since the binary runs on the real clock.
@Suite struct RevisitCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db])
    }

    /// "Later" (its one resource, Semantic Versioning) finished two days ago.
    func laterFinishedTwoDaysAgo() throws {
        #expect(try run(["mark", "Later", "done"]).status == 0)
        let twoDaysAgo = Int64(Date().timeIntervalSince1970 * 1000) - 2 * 86_400_000
        try sqlite(db, "UPDATE item_state SET updated_at = \(twoDaysAgo)")
    }

    @Test func nothingIsDueBeforeATopicIsFinishedOrOnTheDayItIs() throws {
        #expect(try run(["revisit"]).out == "Nothing is due for a revisit.\n")
        #expect(try run(["mark", "Later", "done"]).status == 0)
        #expect(try run(["revisit"]).out == "Nothing is due for a revisit.\n")
        let refused = try run(["revisit", "Later"])
        #expect(refused.status == 1)
        #expect(refused.err.hasPrefix("studydash: 'Later' is not due for a revisit until "), "\(refused.err)")
        #expect(refused.err.hasSuffix(" (in 1 day)\n"), "\(refused.err)")
    }

    @Test func aDueTopicIsListedRevisitedAndUndone() throws {
        try laterFinishedTwoDaysAgo()
        let list = try run(["revisit"])
        #expect(list.out.hasPrefix("  due 1 day ago     rung 1 of 4    Later  t1p96jyrg7p\n"), "\(list.out)")
        let json = try run(["revisit", "--json"]).json()
        let due = try #require(json["dueForRevisit"] as? [[String: Any]])
        #expect(due.map { $0["title"] as? String } == ["Later"])
        #expect(due.first?["rung"] as? Int == 1 && due.first?["days"] as? Int == 1)
        #expect(due.first?["topicPath"] as? [String] == ["Fixture Notes"])
        let stats = try run(["stats", "--json"]).json()
        #expect((stats["dueForRevisit"] as? [[String: Any]])?.map { $0["id"] as? String } == ["t1p96jyrg7p"])
        #expect(try run(["stats"]).out.hasSuffix("\nDue for revisit\n  due 1 day ago     rung 1 of 4    Later  t1p96jyrg7p\n"))

        let revisited = try run(["revisit", "t1p96"])
        #expect(revisited.status == 0, "\(revisited.err)")
        #expect(revisited.out.hasPrefix("revisited 'Later'; next revisit in 7 days ("), "\(revisited.out)")
        #expect(try run(["revisit"]).out == "Nothing is due for a revisit.\n")
        #expect(try run(["stats"]).out.hasSuffix("\nDue for revisit\n  nothing\n"))

        let undo = try run(["undo"])
        #expect(undo.out.contains("Later: revisit taken back"), "\(undo.out)")
        #expect(try run(["revisit"]).out.contains("rung 1 of 4    Later"))
    }

    @Test func aTopicWithSomethingToDoOrAResourceIsRefusedWithTheReason() throws {
        let topic = try run(["revisit", "Tools"])
        #expect(topic.status == 1)
        #expect(topic.err == "studydash: 'Tools' is not finished (2 still to do); revisits start once every resource is done\n")
        let resource = try run(["revisit", "git-cliff"])
        #expect(resource.status == 1)
        #expect(resource.err == "studydash: 'git-cliff' is a resource; revisits are of topics\n")
        let folder = try run(["revisit", "Basics"])
        #expect(folder.err.contains("lists no resources of its own"), "\(folder.err)")
    }

    @Test func helpExplainsTheLadder() throws {
        let help = try run(["revisit", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("1 day after it was finished") && help.contains("then 7, 30 and 90 days after each revisit"),
                "\(help)")
    }
}
