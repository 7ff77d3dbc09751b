import Foundation
import Testing
import StudyTestSupport

/// A store the user cannot write (here: made immutable, which stops root too): every reading
/// command works on it, every writing command says in one line that the file is read-only.
@Suite(.enabled(if: Unwritable.isAvailable, Comment(rawValue: Unwritable.reason)), .serialized)
struct ReadOnlyStoreCommandTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    func run(_ arguments: [String], db: String, stdin: Data? = nil) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db], stdin: stdin)
    }

    static let reading: [[String]] = [
        ["status"], ["status", "--json"], ["status", "--orphans"], ["next"], ["stats"], ["show", "https://semver.org"],
        ["export"], ["export", "--format", "csv"], ["export", "--format", "markdown"], ["note", "https://semver.org"],
    ]

    func check(db: String, locked: String) throws {
        #expect(try run(["mark", "https://semver.org", "done"], db: db).status == 0)
        #expect(try run(["note", "https://semver.org", "a thought"], db: db).status == 0)
        // An orphan for relink to move (its resource has left the notes).
        try sqlite(db, "INSERT INTO item_state VALUES ('rgone0000000', 'done', 1700000000000)")
        let export = try run(["export"], db: db).stdout
        Unwritable.lock(locked)
        defer { Unwritable.unlock(locked) }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        for command in Self.reading {
            let result = try run(command, db: db)
            #expect(result.status == 0, "\(command): \(result.err)")
            #expect(result.err.isEmpty, "\(command): \(result.err)")
        }
        #expect(try run(["status", "--json"], db: db).json()["overall"].flatMap { ($0 as? [String: Any])?["done"] as? Int } == 2)
        #expect(try run(["note", "https://semver.org"], db: db).out == "a thought\n")

        let writing: [[String]] = [
            ["mark", "git-cliff", "done"], ["note", "https://semver.org", "new"], ["note", "https://semver.org", "--clear"],
            ["undo"], ["relink", "rgone0000000", "git-cliff"], ["import", "-"],
        ]
        for command in writing {
            let result = try run(command, db: db, stdin: export)
            #expect(result.status == 1, "\(command): \(result.out)")
            #expect(result.err.hasPrefix("studydash: the progress database \(db) is read-only"), "\(command): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "\(command): \(result.err)")
        }
        // The editor is not even opened for a note that could not be saved.
        let marker = scratch.url("editor-ran")
        try scratch.write("editor", Data("#!/bin/sh\ntouch \(marker)\necho typed > \"$1\"\n".utf8))
        #expect(chmod(scratch.url("editor"), 0o755) == 0)
        let edit = try CLI.run(["note", "https://semver.org", "--edit", "--content", "notes", "--db", db],
                               environment: ["VISUAL": scratch.url("editor")])
        #expect(edit.status == 1)
        #expect(edit.err.hasPrefix("studydash: the progress database \(db) is read-only"), "\(edit.err)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func anUnwritableStoreFileIsReadAndRefusesChanges() throws {
        let db = scratch.url("progress.sqlite")
        try check(db: db, locked: db)
    }

    @Test func aStoreInAnUnwritableFolderIsReadAndRefusesChanges() throws {
        try FileManager.default.createDirectory(atPath: scratch.url("locked"), withIntermediateDirectories: false)
        let db = scratch.url("locked/progress.sqlite")
        try check(db: db, locked: scratch.url("locked"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url("locked")) == ["progress.sqlite"])
    }
}
