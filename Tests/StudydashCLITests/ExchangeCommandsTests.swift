import Foundation
import Testing
import StudyTestSupport

/// `export` and `import`: the learner's data leaves and comes back whole.
@Suite struct ExchangeCommandsTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    func run(_ arguments: [String], db: String) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", scratch.url(db)])
    }

    func fill(_ db: String) throws {
        _ = try run(["mark", "Versioning", "done"], db: db)
        _ = try run(["mark", "S3 Standard", "learning"], db: db)
        _ = try run(["note", "S3 Standard", "Egress costs, \"really\"\nsecond line"], db: db)
        _ = try run(["note", "Storage", "Tiers"], db: db)
    }

    @Test func jsonRoundTripsEverythingAndImportingTwiceChangesNothing() throws {
        try fill("a.sqlite")
        let export = try run(["export", "-o", scratch.url("export.json")], db: "a.sqlite")
        #expect(export.status == 0 && export.out.isEmpty)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.url("export.json")))) as? [String: Any]
        #expect(document?["format"] as? String == "studydash-progress")
        #expect(document?["schemaVersion"] as? Int == 2)
        #expect((document?["events"] as? [Any])?.count == 6)

        let first = try run(["import", scratch.url("export.json")], db: "b.sqlite")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("6 events"))
        let again = try run(["import", scratch.url("export.json")], db: "b.sqlite")
        #expect(again.out.hasPrefix("Nothing new in"))

        #expect(try run(["status", "--json"], db: "b.sqlite").out == run(["status", "--json"], db: "a.sqlite").out)
        #expect(try run(["note", "S3 Standard"], db: "b.sqlite").out == "Egress costs, \"really\"\nsecond line\n")
        // Re-exported, the same states, notes and events (only the export time differs).
        let reexport = try run(["export"], db: "b.sqlite").json()
        for key in ["states", "annotations", "events", "items"] {
            #expect(NSArray(array: reexport[key] as? [Any] ?? []) == NSArray(array: document?[key] as? [Any] ?? []), "\(key)")
        }
    }

    @Test func theNewerChangeWinsPerItem() throws {
        _ = try run(["mark", "S3 Standard", "done"], db: "old.sqlite")
        _ = try run(["export", "-o", scratch.url("old.json")], db: "old.sqlite")
        Thread.sleep(forTimeInterval: 0.01)
        _ = try run(["mark", "S3 Standard", "skipped"], db: "new.sqlite")
        _ = try run(["import", scratch.url("old.json")], db: "new.sqlite")
        let show = try run(["show", "S3 Standard", "--json"], db: "new.sqlite").json()
        #expect(show["status"] as? String == "skipped")
        // Both logs are kept.
        #expect((try run(["export"], db: "new.sqlite").json()["events"] as? [Any])?.count == 2)
    }

    @Test func badFilesAreRefusedAndChangeNothing() throws {
        try fill("a.sqlite")
        let before = try run(["export"], db: "a.sqlite").json()
        try scratch.write("garbage.json", "{ not json")
        try scratch.write("other.json", #"{"hello": "world"}"#)
        try scratch.write("future.json", #"{"format": "studydash-progress", "schemaVersion": 99, "exportedAt": "2030-01-01T00:00:00.000Z", "states": [], "annotations": [], "events": [], "items": []}"#)
        try scratch.write("badstatus.json", #"{"format": "studydash-progress", "schemaVersion": 2, "exportedAt": "2026-01-01T00:00:00.000Z", "states": [{"id": "rabc", "status": "finished", "updatedAt": "2026-01-01T00:00:00.000Z"}], "annotations": [], "events": [], "items": []}"#)
        let expectations = [
            "garbage.json": "it is not valid JSON",
            "other.json": "it is not a StudyDash export",
            "future.json": "exported by a newer StudyDash (schema version 99",
            "badstatus.json": "states[0].status (item rabc): 'finished' is not todo, learning, done or skipped",
        ]
        for (file, message) in expectations {
            let result = try run(["import", scratch.url(file)], db: "a.sqlite")
            #expect(result.status == 1, "\(file)")
            #expect(result.err.contains(message), "\(file): \(result.err)")
            #expect(result.err.contains("nothing was changed"), "\(file)")
        }
        let missing = try run(["import", scratch.url("missing.json")], db: "a.sqlite")
        #expect(missing.status == 1 && missing.err.contains("no such file"))
        let after = try run(["export"], db: "a.sqlite").json()
        #expect(NSArray(array: after["events"] as? [Any] ?? []) == NSArray(array: before["events"] as? [Any] ?? []))
    }

    @Test func csvHasOneRowPerResourceAndQuotesNotes() throws {
        try fill("a.sqlite")
        let csv = try run(["export", "--format", "csv"], db: "a.sqlite").out
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,title,url,status,topic,annotation,updated_at,in_notes")
        #expect(csv.contains(#"rfhtjvnm6f5,S3 Standard,https://aws.amazon.com/s3/storage-classes/,learning,Fixture Notes › Basics › Storage,"Egress costs, ""really"""#))
        #expect(csv.contains("rysfjytqvy3,Conventional Commits,https://www.conventionalcommits.org/en/v1.0.0/,done,"))
        #expect(lines.filter { $0.hasSuffix(",yes") }.count == 6)
    }

    @Test func markdownIsATreeWithCheckboxesStatusesAndNotes() throws {
        try fill("a.sqlite")
        let markdown = try run(["export", "--format", "markdown"], db: "a.sqlite").out
        #expect(markdown.hasPrefix("# Study progress\n"))
        #expect(markdown.contains("## Fixture Notes — 4/6 done (66%), 1 learning\n"))
        #expect(markdown.contains("- [x] [Semantic Versioning](https://semver.org/)\n"))
        #expect(markdown.contains("- [ ] [S3 Standard](https://aws.amazon.com/s3/storage-classes/) *(learning)*\n  > Egress costs, \"really\"\n  > second line\n"))
        #expect(markdown.contains("#### Storage — 0/2 done (0%), 1 learning\n\n> Tiers\n"))
    }
}
