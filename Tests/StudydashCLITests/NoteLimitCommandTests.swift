import Foundation
import Testing
import StudyTestSupport

/// An annotation is at most 1 MB whichever way it comes in: the text argument, standard input, the
/// editor, or an import. Above it the command says which item and how large, and changes nothing.
@Suite struct NoteLimitCommandTests {
    let scratch: TemporaryFolder
    let db: String
    static let limit = 1_048_576

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func run(_ arguments: [String], db: String? = nil, stdin: Data? = nil,
             environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db ?? self.db], environment: environment, stdin: stdin)
    }

    func expectRefused(_ result: CLIResult, bytes: Int) {
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("studydash: the annotation on 'Semantic Versioning' ("), "\(result.err)")
        #expect(result.err.contains("is \(bytes) bytes"), "\(result.err)")
        #expect(result.err.contains("at most 1 MB (1048576 bytes)"), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1)
    }

    func storedNote() throws -> String {
        try run(["note", "https://semver.org"]).out
    }

    /// Far more than an annotation holds is refused before it is all read (a wrong file piped in).
    @Test func aFloodOnStandardInputIsRefusedEarly() throws {
        let flood = Data(repeating: UInt8(ascii: "a"), count: 5 * Self.limit)
        let result = try run(["note", "https://semver.org", "-"], stdin: flood)
        #expect(result.status == 1)
        #expect(result.err == "studydash: standard input holds more than 4 MB; an annotation holds at most 1 MB; nothing was changed\n", "\(result.err)")
    }

    @Test func standardInputAtTheLimitIsSavedAndOneByteMoreIsRefused() throws {
        let largest = String(repeating: "a", count: Self.limit)
        #expect(try run(["note", "https://semver.org", "-"], stdin: Data(largest.utf8)).status == 0)
        expectRefused(try run(["note", "https://semver.org", "-"], stdin: Data((largest + "é").utf8)), bytes: Self.limit + 2)
        #expect(try storedNote() == largest + "\n")
    }

    @Test func theEditorCannotSaveMoreThanTheLimit() throws {
        #expect(try run(["note", "https://semver.org", "kept"]).status == 0)
        let editor = scratch.url("big-editor")
        try scratch.write("big-editor", Data("#!/bin/sh\nhead -c \(Self.limit + 100) /dev/zero | tr '\\0' x > \"$1\"\n".utf8))
        #expect(chmod(editor, 0o755) == 0)
        let result = try run(["note", "https://semver.org", "--edit"], environment: ["VISUAL": editor])
        expectRefused(result, bytes: Self.limit + 100)
        #expect(try storedNote() == "kept\n")
        // What was typed in the editor is not thrown away: the message says where it is.
        let kept = try #require(result.err.firstMatch(of: /your text is kept in (\S+\.md)/)).1
        defer { unlink(String(kept)) }
        #expect(kept.contains("/studydash-annotation-"), "the kept file is named for what it holds: \(kept)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: String(kept))).count == Self.limit + 100)
    }

    @Test func anImportHoldingALargerNoteIsRefusedAndNothingChanges() throws {
        #expect(try run(["note", "https://semver.org", "small"]).status == 0)
        let export = try run(["export"]).out
        let big = String(repeating: "x", count: Self.limit + 1)
        let edited = export.replacingOccurrences(of: "\"small\"", with: "\"\(big)\"")
        let target = scratch.url("target.sqlite")
        #expect(try run(["mark", "git-cliff", "done"], db: target).status == 0)
        let before = try run(["export"], db: target).json()["events"] as? [Any]
        let result = try run(["import", "-"], db: target, stdin: Data(edited.utf8))
        #expect(result.status == 1)
        #expect(result.err.contains("is \(Self.limit + 1) bytes"), "\(result.err)")
        #expect(result.err.contains("nothing was changed"))
        let after = try run(["export"], db: target).json()
        #expect((after["events"] as? [Any])?.count == before?.count)
        #expect((after["annotations"] as? [Any])?.isEmpty == true)
    }
}
