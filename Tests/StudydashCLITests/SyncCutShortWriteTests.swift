import Foundation
import Testing
import StudyTestSupport

/// A sync whose append is cut short (a full disk; here a file-size limit, which fails a write
/// the same way, part written then an error) leaves its own file as it was: no half batch and
/// no half line that every device reading the file would warn about for ever.
@Suite struct SyncCutShortWriteTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(["shared/.keep": ""]) }

    func run(_ arguments: [String], db: String, limited: Bool = false) throws -> CLIResult {
        let words = arguments + ["--content", "notes", "--db", scratch.url(db)]
        guard limited else { return try CLI.run(words) }
        // SIGXFSZ ignored: the write past the limit fails with EFBIG instead of killing the process.
        return try CLI.runProcess("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 2048; exec \"$0\" \"$@\"", CLI.binary] + words,
                                  cwd: CLI.fixtures, environment: ProcessInfo.processInfo.environment)
    }

    @Test func aFailedAppendLeavesTheFileAsItWas() throws {
        _ = try run(["mark", "Versioning", "done"], db: "laptop.sqlite")
        #expect(try run(["sync", scratch.url("shared")], db: "laptop.sqlite").status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.url("shared")).first { $0.hasSuffix(".jsonl") })
        let path = scratch.url("shared/\(name)")
        // The limit in bytes, as the shell sets it (its unit differs between shells).
        let probe = scratch.url("probe")
        _ = try CLI.runProcess("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 2048; head -c 4000000 /dev/zero > \"$0\"", probe],
                               cwd: CLI.fixtures, environment: ProcessInfo.processInfo.environment)
        let limit = try #require(try FileManager.default.attributesOfItem(atPath: probe)[.size] as? Int)
        // Our file grown to just under the limit with a blank line, which readers pass over.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data((String(repeating: " ", count: limit - size - 60) + "\n").utf8))
        handle.closeFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        _ = try run(["mark", "S3 Standard", "learning"], db: "laptop.sqlite")
        let failed = try run(["sync", scratch.url("shared")], db: "laptop.sqlite", limited: true)
        #expect(failed.status == 1 && failed.err.contains("cannot append"), "\(failed.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        #expect(try run(["sync", scratch.url("shared")], db: "laptop.sqlite").status == 0)
        let desktop = try run(["sync", scratch.url("shared")], db: "desktop.sqlite")
        #expect(desktop.status == 0 && !desktop.err.contains("warning"), "\(desktop.err)")
        #expect(try run(["status", "--json"], db: "desktop.sqlite").out == run(["status", "--json"], db: "laptop.sqlite").out)
    }
}
