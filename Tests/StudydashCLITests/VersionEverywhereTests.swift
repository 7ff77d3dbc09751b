import Foundation
import Testing
import StudyTestSupport

/// The version comes from one place: what `--version` prints is what every file StudyDash
/// writes names as its maker (JSON export, Markdown report, sync files) and what the man page's
/// header says, so a bug report with an attached export tells which build wrote it.
@Suite struct VersionEverywhereTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", scratch.url("progress.sqlite")])
    }

    var version: String {
        get throws {
            let result = try CLI.run(["--version"])
            #expect(result.status == 0)
            return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func exportsAndSyncFilesNameTheBuildThatWroteThem() throws {
        let version = try version
        #expect(version.split(separator: ".").count == 3, "a SemVer version: \(version)")
        _ = try run(["mark", "Versioning", "done"])

        #expect(try run(["export"]).json()["app"] as? String == "studydash \(version)")
        #expect(try run(["export", "--format", "markdown"]).out.contains("Exported by StudyDash \(version) on "))

        try FileManager.default.createDirectory(atPath: scratch.url("shared"), withIntermediateDirectories: false)
        let sync = try run(["sync", scratch.url("shared")])
        #expect(sync.status == 0, "\(sync.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url("shared")).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        let header = try String(contentsOfFile: scratch.url("shared/\(files.first ?? "")"), encoding: .utf8)
            .split(separator: "\n").first.map(String.init) ?? ""
        let fields = try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
        #expect(fields?["format"] as? String == "studydash-sync")
        #expect(fields?["app"] as? String == "studydash \(version)")
    }

    @Test func theManPageHeaderNamesTheSameVersion() throws {
        let page = try String(contentsOfFile: (Repository.root as NSString).appendingPathComponent("docs/studydash.1"),
                              encoding: .utf8)
        #expect(page.contains("\"StudyDash \(try version)\""), "docs/studydash.1's .TH line names another version")
    }

    @Test func anExportWithoutTheFieldStillImports() throws {
        _ = try run(["mark", "Versioning", "done"])
        var document = try run(["export"]).json()
        document["app"] = nil
        let path = scratch.url("old.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        let imported = try CLI.run(["import", path, "--content", "notes", "--db", scratch.url("other.sqlite")])
        #expect(imported.status == 0, "\(imported.err)")
        let other = try CLI.run(["status", "--json", "--content", "notes", "--db", scratch.url("other.sqlite")])
        #expect(other.out == (try run(["status", "--json"]).out))
    }
}
