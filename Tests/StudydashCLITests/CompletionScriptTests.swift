import Foundation
import StudyTestSupport
import Testing

/// Shell completions from swift-argument-parser for bash, zsh and fish, with the item arguments
/// of `mark`, `show` and `note` completed from the notes by calling the binary back.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func aCompletionScriptIsGenerated(shell: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.err)")
        for command in ["mark", "show", "note", "tree"] { #expect(result.out.contains(command)) }
        #expect(result.out.contains("---completion"), "\(shell): the item arguments call the binary back")
    }

    /// What the bash script runs on Tab after `studydash show Kube`.
    func complete(_ command: String, _ typed: String, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["---completion", command, "--", "positional@0", "2", "\(typed.count)",
                     "studydash", command, typed], environment: environment)
    }

    @Test func itemTitlesAndIDsAreCompletedFromTheNotes() throws {
        let titles = try complete("show", "Semantic", environment: ["STUDYDASH_CONTENT": CLI.fixtures + "/notes"])
        #expect(titles.status == 0, "\(titles.err)")
        #expect(titles.out.split(separator: "\n").contains("Semantic Versioning"), "\(titles.out)")
        let statuses = try complete("mark", "le", environment: ["STUDYDASH_CONTENT": CLI.fixtures + "/notes"])
        #expect(statuses.out.split(separator: "\n").contains("learning"), "\(statuses.out)")
    }

    @Test func withoutNotesOrAStoreItOffersNothingAndDoesNotFail() throws {
        let result = try complete("note", "", environment: ["STUDYDASH_CONTENT": "/nonexistent/notes",
                                                             "STUDYDASH_DB": "/nonexistent/progress.sqlite"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(result.err.isEmpty)
    }
}
