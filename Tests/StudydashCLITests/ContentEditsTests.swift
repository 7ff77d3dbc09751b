import Foundation
import Testing
import StudyTestSupport

/// Progress is keyed by stable IDs, so editing the notes keeps it attached; what does leave the
/// notes is kept as an orphan, listed, and can be relinked.
@Suite struct ContentEditsTests {
    let notes: TemporaryFolder
    /// The store lives outside the notes, in a folder this test removes when it ends.
    let stores: TemporaryFolder
    let db: String

    init() throws {
        notes = try TemporaryFolder([
            "01-alpha.md": """
                # Alpha

                - [One](https://one.example/) — first
                - [Two](https://two.example/) — second

                ## Chores

                - [ ] Task without a link
                """,
            "02-beta.md": "# Beta\n\n- [Three](https://three.example/)\n",
        ])
        stores = try TemporaryFolder()
        db = stores.url("progress.sqlite")
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", notes.path, "--db", db])
    }

    func statuses() throws -> [String: String] {
        var result: [String: String] = [:]
        for topic in ["Alpha", "Beta"] {
            let json = try run(["show", topic, "--json"]).json()
            for resource in json["resources"] as? [[String: Any]] ?? [] {
                result[resource["title"] as? String ?? ""] = resource["status"] as? String
            }
        }
        return result
    }

    @Test func renamingReorderingAndMovingKeepEveryStatusAndNote() throws {
        _ = try run(["mark", "One", "done"])
        _ = try run(["mark", "Two", "learning"])
        _ = try run(["mark", "Three", "skipped"])
        _ = try run(["note", "Two", "Keep this thought"])
        _ = try run(["note", "Beta", "A topic note"])

        // Rename a topic, reorder the files, move a resource to the other topic.
        try FileManager.default.removeItem(atPath: notes.url("01-alpha.md"))
        try FileManager.default.removeItem(atPath: notes.url("02-beta.md"))
        try notes.write("01-beta.md", "# Beta\n\n- [Three](https://three.example/)\n- [Two, moved](https://two.example/)\n")
        try notes.write("02-alpha.md", "# Alpha, renamed\n\n- [One](https://one.example/) — first\n")

        #expect(try statuses() == ["One": "done", "Two, moved": "learning", "Three": "skipped"])
        #expect(try run(["note", "https://two.example/"]).out == "Keep this thought\n")
        #expect(try run(["note", "Beta"]).out == "A topic note\n")
        #expect(try run(["status", "--orphans"]).out.hasPrefix("No orphans"))
    }

    @Test func whatLeavesTheNotesIsKeptListedAndCanBeRelinked() throws {
        _ = try run(["mark", "Task without a link", "done"])
        _ = try run(["note", "Task without a link", "Did it on Sunday"])
        _ = try run(["mark", "One", "done"])
        // The task's ID comes from its place (it has no URL); renaming the topic above it and
        // changing One's URL both orphan their entries.
        try notes.write("01-alpha.md", """
            # Alpha

            - [One](https://one.example/v2) — first
            - [Two](https://two.example/) — second

            ## Housekeeping

            - [ ] Task without a link
            """)
        let orphans = try run(["status", "--orphans"])
        #expect(orphans.out.contains("2 stored entries whose item is no longer in the notes"))
        #expect(orphans.out.contains("[x] Task without a link"))
        #expect(orphans.out.contains(" › Alpha › Chores\n"))
        #expect(orphans.out.contains("annotation: Did it on Sunday"))
        #expect(orphans.out.contains("https://one.example/"))
        #expect(try run(["status"]).out.contains("2 stored entries have left the notes"))
        let csv = try run(["export", "--format", "csv"]).out
        #expect(csv.contains(",Did it on Sunday,") && csv.contains(",no\r\n"))

        let json = try run(["status", "--orphans", "--json"]).json()
        let list = json["orphans"] as? [[String: Any]] ?? []
        #expect(json["schema"] as? String == "studydash.orphans/2")
        let task = try #require(list.first { $0["title"] as? String == "Task without a link" })
        #expect(task["annotation"] as? String == "Did it on Sunday", "the learner's text is an annotation")
        #expect(task["note"] == nil)
        let oldID = try #require(task["id"] as? String)

        let relinked = try run(["relink", oldID, "Task without a link"])
        #expect(relinked.status == 0, "\(relinked.err)")
        #expect(relinked.out.hasPrefix("Moved the entries of \(oldID) onto Task without a link (r"), "\(relinked.out)")
        #expect(try run(["show", "Task without a link", "--json"]).json()["status"] as? String == "done")
        #expect(try run(["note", "Task without a link"]).out == "Did it on Sunday\n")
        #expect(try run(["relink", oldID, "Two"]).err.contains("the store holds nothing under"))
        let newID = try #require(try run(["show", "Task without a link", "--json"]).json()["id"] as? String)
        let onto = try run(["relink", newID, "Task without a link"])
        #expect(onto.status == 1)
        #expect(onto.err == "studydash: OLD and NEW are the same item (\(newID))\n", "\(onto.err)")

        // One's new URL has a status of its own now: relinking onto it is refused.
        _ = try run(["mark", "https://one.example/v2", "learning"])
        let oneOld = try #require((try run(["status", "--orphans", "--json"]).json()["orphans"] as? [[String: Any]])?.first?["id"] as? String)
        let refused = try run(["relink", oneOld, "https://one.example/v2"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("already has its own status or annotation"))

        _ = try run(["undo"])  // the learning mark
        _ = try run(["undo"])  // the relink of the task
        #expect(try run(["status", "--orphans"]).out.contains("2 stored entries"))
    }
}
