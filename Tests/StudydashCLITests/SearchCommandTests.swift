import Foundation
import Testing
import StudyTestSupport

/// `studydash search`: the dashboard's matcher from the shell, on the fixture notes.
@Suite struct SearchCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("data/progress.sqlite")
    }

    func run(_ arguments: [String], content: String = "notes") throws -> CLIResult {
        try CLI.run(arguments + ["--content", content, "--db", db])
    }

    @Test func eachHitIsOneLineTitleMatchesFirst() throws {
        let result = try run(["search", "storage"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("topic     t"))
        #expect(lines[0].hasSuffix("  Storage  · Basics"))
        // The URL match ranks after every title match, and says where it matched.
        #expect(lines[4].hasPrefix("resource  r"))
        #expect(lines[4].hasSuffix("  S3 Standard  · Basics › Storage  · url: https://aws.amazon.com/s3/storage-classes/"))
    }

    @Test func wordsMayBeSeparateArgumentsAndMatchInAnyOrder() throws {
        let result = try run(["search", "CHEAP", "slow"])
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("  Cold storage  · Basics › Storage  · note: Slow and cheap.\n"))
    }

    @Test func nothingFoundExitsOneWithOneLine() throws {
        let result = try run(["search", "kubernetes"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == "studydash: nothing matches 'kubernetes'\n")
    }

    @Test func aFilterItDoesNotKnowIsAUsageErrorSayingWhatItTakes() throws {
        let result = try run(["search", "is:finished"])
        #expect(result.status == 64)
        #expect(result.err.contains("is: takes todo, learning, done or skipped"))
        #expect(try run(["search", " "]).status == 64)
    }

    @Test func statusFiltersAndAnnotationsComeFromTheStore() throws {
        #expect(try run(["mark", "git-cliff", "learning"]).status == 0)
        #expect(try run(["note", "S3 Standard", "Compare with Glacier pricing"]).status == 0)
        let learning = try run(["search", "is:learning"])
        #expect(learning.out.split(separator: "\n").count == 1)
        #expect(learning.out.contains("  git-cliff  · Basics › Versioning › Tools\n"))
        let annotated = try run(["search", "has:annotation", "glacier"])
        #expect(annotated.out.hasSuffix("  S3 Standard  · Basics › Storage  · annotation: Compare with Glacier pricing\n"))
    }

    @Test func jsonListsKindIDTitlePlaceFieldAndSnippet() throws {
        let result = try run(["search", "storage", "--json", "--limit", "2"])
        #expect(result.status == 0)
        let json = try result.json()
        #expect(json["schema"] as? String == "studydash.search/1")
        #expect(json["count"] as? Int == 5)
        let hits = json["hits"] as? [[String: Any]] ?? []
        #expect(hits.count == 2)
        #expect(hits.first?["kind"] as? String == "topic")
        #expect(hits.first?["title"] as? String == "Storage")
        #expect(hits.first?["topicPath"] as? [String] == ["Fixture Notes", "Basics"])
        #expect(hits.first?["field"] as? String == "title")
        #expect(hits.first?["snippet"] as? String == "Storage")
        #expect((hits.first?["id"] as? String)?.hasPrefix("t") == true)
    }

    @Test func aLimitSaysHowManyMoreThereAre() throws {
        let result = try run(["search", "storage", "--limit", "2"])
        #expect(result.out.split(separator: "\n").count == 2)
        #expect(result.err == "… and 3 more; --limit 5 lists them all\n")
    }

    @Test func aLimitBelowOneIsAUsageErrorSayingSo() throws {
        for limit in ["0", "-1"] {
            let result = try run(["search", "storage", "--limit", limit])
            #expect(result.status == 64)
            #expect(result.err.hasPrefix("Error: --limit must be at least 1"), "--limit \(limit): \(result.err)")
        }
    }

    @Test func controlCharactersFromTheNotesNeverReachTheTerminal() throws {
        let notes = try TemporaryFolder(["a.md": "# Trap \u{1b}[31m\n\nA note with a bell \u{07} and an escape \u{1b}]0;owned\u{07}.\n"])
        let result = try run(["search", "trap"], content: notes.path)
        #expect(result.status == 0)
        let noted = try run(["search", "bell"], content: notes.path)
        #expect(noted.status == 0)
        #expect(!(result.out + noted.out).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(result.out.contains("  Trap ␛[31m\n"))
        // A snippet is one line of plain text: controls in it are already gone.
        #expect(noted.out.contains("  · note: A note with a bell and an escape 0;owned ."))
    }

    @Test func helpExplainsTheQuerySyntaxWithAnExample() throws {
        let help = try CLI.run(["search", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("is:todo|learning|done|skipped"))
        #expect(help.out.contains("has:annotation"))
        #expect(help.out.contains("in:title"))
        #expect(help.out.contains("Example: studydash search is:learning kubernetes"))
    }
}
