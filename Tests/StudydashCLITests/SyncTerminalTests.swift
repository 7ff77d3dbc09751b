import Foundation
import Testing
import StudyTestSupport

/// The dashboard's auto-sync (`[sync] on_open` / `on_quit`), driven in a real terminal.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct SyncTerminalTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(["shared/.keep": ""]) }

    func cli(_ arguments: [String], db: String) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", scratch.url(db)])
    }

    /// The laptop's marks are in the folder; the desktop's dashboard syncs on open or on quit.
    @Test(arguments: ["on_open", "on_quit"]) func dashboardSyncs(when setting: String) throws {
        _ = try cli(["mark", "Versioning", "done"], db: "laptop.sqlite")
        _ = try cli(["sync", scratch.url("shared")], db: "laptop.sqlite")
        _ = try cli(["mark", "S3 Standard", "learning"], db: "desktop.sqlite")
        try scratch.write("config.toml", "[sync]\ndir = \"shared\"\n\(setting) = true\n")
        let result = try TUIProbe.run("sync-quit", ["--content", "notes", "--db", scratch.url("desktop.sqlite")],
                                      environment: ["STUDYDASH_CONFIG": scratch.url("config.toml")], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.exitCode == 0)
        _ = try cli(["sync", scratch.url("shared")], db: "laptop.sqlite")
        #expect(try cli(["status", "--json"], db: "desktop.sqlite").out == cli(["status", "--json"], db: "laptop.sqlite").out)
    }

    @Test func aFailedSyncIsAMessageAndQuitStillQuits() throws {
        try scratch.write("config.toml", "[sync]\ndir = \"nowhere\"\non_open = true\non_quit = true\n")
        let result = try TUIProbe.run("sync-failure", ["--content", "notes", "--db", scratch.url("desktop.sqlite")],
                                      environment: ["STUDYDASH_CONFIG": scratch.url("config.toml")], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains("sync failed") || result.screen.contains("sync failed"))
    }
}
