import Foundation
import Testing
import StudyTestSupport

/// `studydash sync`: two stores through one folder from the command line, the warnings a user
/// reads, and `--status`.
@Suite struct SyncCommandTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(["shared/.keep": ""]) }

    func run(_ arguments: [String], db: String, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", scratch.url(db)], environment: environment)
    }

    @Test func twoStoresSyncThroughAFolder() throws {
        _ = try run(["mark", "Versioning", "done"], db: "laptop.sqlite")
        _ = try run(["note", "S3 Standard", "desktop note"], db: "desktop.sqlite")
        let first = try run(["sync", scratch.url("shared")], db: "laptop.sqlite")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("3 new events appended"))   // "Versioning" holds 3 resources
        // The folder from the environment, and from --sync-dir.
        let second = try run(["sync"], db: "desktop.sqlite", environment: ["STUDYDASH_SYNC_DIR": scratch.url("shared")])
        #expect(second.status == 0 && second.out.contains("3 events, 3 statuses, 0 annotations merged"), "\(second.out)\(second.err)")
        _ = try run(["sync", "--sync-dir", scratch.url("shared")], db: "laptop.sqlite")
        #expect(try run(["note", "S3 Standard"], db: "laptop.sqlite").out == "desktop note\n")
        #expect(try run(["status", "--json"], db: "laptop.sqlite").out == run(["status", "--json"], db: "desktop.sqlite").out)

        let status = try run(["sync", "--status", "--json"], db: "laptop.sqlite").json()
        let peers = status["peers"] as? [[String: Any]] ?? []
        #expect(peers.count == 1 && peers.first?["events"] as? Int == 1)   // the desktop's note
        #expect((status["device"] as? [String: Any])?["events"] as? Int == 3)
        let text = try run(["sync", "--status"], db: "laptop.sqlite").out
        #expect(text.contains("1 event, last merged"))
    }

    @Test func aCorruptLineIsAWarningNamingFileAndLine() throws {
        _ = try run(["mark", "Versioning", "done"], db: "laptop.sqlite")
        _ = try run(["sync", scratch.url("shared")], db: "laptop.sqlite")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.url("shared")).first { $0.hasSuffix(".jsonl") })
        let path = scratch.url("shared/\(file)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        try (String(contentsOfFile: path, encoding: .utf8) + "{\"type\":\"event\",\u{1b}[31m\n").write(toFile: path, atomically: false, encoding: .utf8)
        let result = try run(["sync", scratch.url("shared")], db: "desktop.sqlite")
        #expect(result.status == 0)
        #expect(result.err.contains("warning: \(path):\(lines + 1): not valid JSON; the line is skipped"), "\(result.err)")
        #expect(!result.err.contains("\u{1b}"))
        #expect(try run(["status", "--json"], db: "desktop.sqlite").out == run(["status", "--json"], db: "laptop.sqlite").out)
    }

    @Test func noFolderIsAnErrorSayingWhereOneComesFrom() throws {
        let result = try run(["sync"], db: "laptop.sqlite", environment: ["STUDYDASH_SYNC_DIR": ""])
        #expect(result.status == 1)
        #expect(result.err.contains("--sync-dir") && result.err.contains("STUDYDASH_SYNC_DIR"))
        let missing = try run(["sync", scratch.url("nowhere")], db: "laptop.sqlite")
        #expect(missing.status == 1 && missing.err.contains("nowhere"))
    }

    /// A status query changes nothing, so it must not leave a new database where none was.
    @Test func statusOnAMissingStoreSaysSoAndCreatesNothing() throws {
        let result = try run(["sync", "--status"], db: "nowhere/none.sqlite")
        #expect(result.status == 1 && result.err == "studydash: no store at \(scratch.url("nowhere/none.sqlite"))\n", "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url("nowhere")))
    }

    /// --status never pulls or pushes; taking --git silently would let a user think it did.
    @Test func statusWithGitIsRefusedInOneLine() throws {
        _ = try run(["mark", "Versioning", "done"], db: "laptop.sqlite")
        let result = try run(["sync", "--status", "--git"], db: "laptop.sqlite")
        #expect(result.status == 1 && result.out.isEmpty)
        #expect(result.err.split(separator: "\n").count == 1 && result.err.contains("--status") && result.err.contains("--git"), "\(result.err)")
    }

    @Test func helpExplains() throws {
        let help = try CLI.run(["sync", "--help"])
        #expect(help.out.contains("<device-id>.jsonl") && help.out.contains("--git") && help.out.contains("merge=union"))
    }
}
