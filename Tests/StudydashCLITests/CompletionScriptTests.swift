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

    /// bash's `compgen -W` expands each candidate: a note titled `$(touch FILE)` ran that command
    /// on Tab after `studydash mark `. Such a title is not offered (its ID still is).
    @Test func aTitleTheShellWouldExpandIsNotOffered() throws {
        let scratch = try TemporaryFolder()
        let marker = scratch.url("pwned")
        try scratch.write("notes/a.md", "# Topic\n\n- [$(touch \(marker))](https://b.example) - y.\n- [Fine](https://c.example) - z.\n")
        let script = try CLI.run(["--generate-completion-script", "bash"])
        try scratch.write("complete.bash", script.out + """

            COMP_WORDS=(studydash mark ""); COMP_CWORD=2; COMP_LINE="studydash mark "; COMP_POINT=${#COMP_LINE}
            _studydash studydash "" mark
            printf '%s\\n' "${COMPREPLY[@]}"

            """)
        var environment = ProcessInfo.processInfo.environment
        environment["STUDYDASH_CONTENT"] = scratch.url("notes")
        environment["PATH"] = (CLI.binary as NSString).deletingLastPathComponent + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try CLI.runProcess("/usr/bin/env", ["bash", scratch.url("complete.bash")], cwd: scratch.path, environment: environment)
        #expect(result.out.split(separator: "\n").contains("Fine"), "\(result.out) \(result.err)")
        #expect(!FileManager.default.fileExists(atPath: marker), "a title ran as a command on Tab")
    }
}
