import Foundation
import Testing
import StudyTestSupport

/// "note" is the author's prose of a topic; the learner's own text is an "annotation" in every
/// line the command line prints, as in the dashboard, the help and the JSON. Only the subcommand
/// keeps the short name (`studydash note` in a hint), and "the notes" still means the folder.
@Suite struct AnnotationWordsCommandTests {
    let notes: TemporaryFolder
    /// Stores and exports live beside the notes, in a folder of this test's own: a fixed name in
    /// the shared temporary folder would meet another run's files there.
    let outside: TemporaryFolder
    let db: String

    init() throws {
        notes = try TemporaryFolder([
            "01-alpha.md": "# Alpha\n\nThe author's prose.\n\n- [One](https://one.example/)\n- [Two](https://two.example/)\n",
        ])
        outside = try TemporaryFolder()
        db = outside.url("progress.sqlite")
    }

    func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", notes.path, "--db", db], environment: environment, stdin: stdin)
    }

    /// The word "note" (not "notes", not the subcommand's name in a hint) anywhere in `text`.
    func saysNote(_ text: String) -> Bool {
        let hintsRemoved = text.replacingOccurrences(of: "`studydash note", with: "`studydash")
        return hintsRemoved.range(of: #"\bnote\b"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    func expectAnnotationWords(_ result: CLIResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let printed = result.out + result.err
        #expect(!printed.isEmpty, "\(what) printed nothing", sourceLocation: sourceLocation)
        #expect(!saysNote(printed), "\(what): \(printed)", sourceLocation: sourceLocation)
    }

    @Test func everyPlainTextOutputCallsTheLearnersTextAnAnnotation() throws {
        expectAnnotationWords(try run(["note", "One"]), "note, before any")
        let saved = try run(["note", "One", "Read it twice"])
        expectAnnotationWords(saved, "note TEXT")
        #expect(saved.out == "Saved the annotation on One.\n")
        expectAnnotationWords(try run(["note", "One", "Read it twice"]), "note TEXT, unchanged")
        let show = try run(["show", "One"])
        expectAnnotationWords(show, "show")
        #expect(show.out.contains("Your annotation (updated "), "\(show.out)")
        expectAnnotationWords(try run(["note", "One", "--clear"]), "note --clear")

        let undone = try run(["undo"])
        expectAnnotationWords(undone, "undo")
        #expect(undone.out == "Undid 1 change:\n  One: annotation restored\n", "\(undone.out)")

        let exported = try run(["export", "-o", outside.url("export.json")])
        expectAnnotationWords(exported, "export -o")
        #expect(exported.err.contains("1 annotation and "), "\(exported.err)")
        let imported = try CLI.run(["import", outside.url("export.json"), "--content", notes.path,
                                    "--db", outside.url("other.sqlite")])
        expectAnnotationWords(imported, "import into another store")
        #expect(imported.out.contains("1 annotation, "), "\(imported.out)")

        let refusedNUL = try run(["note", "Two", "-"], stdin: Data("a\u{0}b".utf8))
        #expect(refusedNUL.status == 1)
        expectAnnotationWords(refusedNUL, "note - with a NUL byte")
        let failedEditor = try run(["note", "Two", "--edit"], environment: ["EDITOR": "/bin/false", "VISUAL": ""])
        #expect(failedEditor.status == 1)
        expectAnnotationWords(failedEditor, "note --edit, the editor failing")

        expectAnnotationWords(try run(["status", "--orphans"]), "status --orphans, none")
        try notes.write("01-alpha.md", "# Alpha\n\n- [One, moved](https://one.example/v2)\n- [Two](https://two.example/)\n")
        let orphans = try run(["status", "--orphans"])
        expectAnnotationWords(orphans, "status --orphans")
        #expect(orphans.out.contains("annotation: Read it twice"), "\(orphans.out)")

        _ = try run(["mark", "Two", "done"])
        let oldID = try #require((try run(["status", "--orphans", "--json"]).json()["orphans"] as? [[String: Any]])?.first?["id"] as? String)
        let refusedRelink = try run(["relink", oldID, "Two"])
        #expect(refusedRelink.status == 1)
        expectAnnotationWords(refusedRelink, "relink onto an item with its own entries")
    }
}
