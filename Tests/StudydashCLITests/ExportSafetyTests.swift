import Foundation
import Testing
import StudyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `export` never destroys what its output path names, keeps the learner's notes private, reports
/// every failed write, and writes no control character from the notes.
@Suite struct ExportSafetyTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    var db: String { scratch.url("progress.sqlite") }

    func run(_ arguments: [String], content: String = "notes") throws -> CLIResult {
        try CLI.run(arguments + ["--content", content, "--db", db])
    }

    /// Runs the binary under bash, so that a test can give it the standard output a shell would
    /// (`>/dev/full`, `>&-`, `| head -c1`). `"$@"` is the binary's arguments.
    func shell(_ script: String, _ arguments: [String]) throws -> CLIResult {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = CLI.scratchData
        return try CLI.runProcess("/bin/bash", ["-c", script, CLI.binary] + arguments
                                    + ["--content", "notes", "--db", db], cwd: CLI.fixtures, environment: environment)
    }

    func fill() throws {
        _ = try run(["mark", "Versioning", "done"])
        _ = try run(["note", "S3 Standard", "private: my salary"])
    }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// Linux's dev_t for a major and minor number (Glibc's makedev is a macro Swift cannot see).
    func device(_ major: UInt64, _ minor: UInt64) -> dev_t {
        dev_t((minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32))
    }

    func partials(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".partial-") }
    }

    /// A store with so many events that exporting it takes a moment (and fills a pipe many times).
    func fillLarge(events: Int = 40_000) throws {
        var json = #"{"format": "studydash-progress", "schemaVersion": 2, "exportedAt": "2026-01-01T00:00:00.000Z", "states": [], "annotations": [], "items": [], "events": ["#
        for index in 0..<events {
            if index > 0 { json += "," }
            json += #"{"uid": "u\#(index)", "change": "c\#(index)", "id": "r\#(index % 500)", "kind": "status", "old": null, "new": "done", "at": "2026-01-01T00:00:00.000Z", "undoes": null}"#
        }
        json += "]}"
        try scratch.write("large.json", json)
        let imported = try run(["import", scratch.url("large.json")])
        #expect(imported.status == 0, "\(imported.err)")
    }

    // MARK: Every failed write is reported

    @Test func aFullOrClosedStandardOutputIsAnError() throws {
        try fill()
        let full = try shell(#""$0" "$@" >/dev/full"#, ["export"])
        #expect(full.status == 1)
        #expect(full.err == "studydash: cannot write to standard output: No space left on device\n", "\(full.err)")
        let closed = try shell(#""$0" "$@" >&-"#, ["export", "--format", "csv"])
        #expect(closed.status == 1)
        #expect(closed.err == "studydash: cannot write to standard output: Bad file descriptor\n", "\(closed.err)")
        // Every command's output, not only export's.
        for command in [["status"], ["next"], ["show", "S3 Standard"], ["note", "S3 Standard"]] {
            let result = try shell(#""$0" "$@" >/dev/full"#, command)
            #expect(result.status == 1, "\(command)")
            #expect(result.err.contains("cannot write to standard output: No space left on device"), "\(command): \(result.err)")
        }
    }

    /// A reader that stops early (`| head`) ends the export quietly with status 1, not by SIGPIPE.
    @Test func aReaderThatGoesAwayEndsTheExportQuietly() throws {
        try fillLarge(events: 20_000)
        let result = try shell(#""$0" "$@" | head -c1 >/dev/null; echo "status ${PIPESTATUS[0]}""#, ["export"])
        #expect(result.out == "status 1\n")
        #expect(result.err.isEmpty, "\(result.err)")
    }
}
