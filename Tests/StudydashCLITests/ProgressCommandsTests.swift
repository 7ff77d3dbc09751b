import Foundation
import Testing
import StudyTestSupport

/// `mark`, `status`, `next`, `note`, `undo`: the store changed and read from the shell, on the
/// fixture notes (6 resources; Conventional Commits is ticked `[x]` in the notes).
@Suite struct ProgressCommandsTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("data/progress.sqlite")
    }

    func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db], environment: environment, stdin: stdin)
    }

    func overall() throws -> [String: Int] {
        let json = try run(["status", "--json"]).json()
        return (json["overall"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
    }

    @Test func markByURLShowsInStatusAndCountsTheCheckboxAsDone() throws {
        #expect(try overall()["done"] == 1)  // the [x] in the notes
        let marked = try run(["mark", "https://semver.org", "done"])
        #expect(marked.status == 0, "\(marked.err)")
        #expect(marked.out == "[x] Semantic Versioning is now done\n")
        let counts = try overall()
        #expect(counts["done"] == 2 && counts["todo"] == 4 && counts["percent"] == 33)

        let text = try run(["status"]).out
        #expect(text.contains("Basics"))
        #expect(text.contains("  Basics                                ██████░░░░░░░░░░░░░░  2/6   33%\n"))
        #expect(text.contains("6 resources: 4 todo · 0 learning · 2 done · 0 skipped"))
    }

    @Test func skippedResourcesLeaveTheDenominator() throws {
        #expect(try run(["mark", "git-cliff", "Write a changelog", "skipped"]).status == 0)
        let counts = try overall()
        #expect(counts["skipped"] == 2 && counts["counted"] == 4 && counts["percent"] == 25)
    }

    @Test func aTopicMarksEveryResourceUnderItAndSaysHowManyChanged() throws {
        let result = try run(["mark", "Versioning", "done"])
        #expect(result.status == 0)
        #expect(result.out == "Marked 3 of 4 resources done (Versioning); 1 already was\n")
        #expect(try overall()["done"] == 4)
        let json = try run(["status", "Versioning", "--json"]).json()
        #expect((json["topic"] as? [String: Any])?["percent"] as? Int == 100)
    }

    @Test func anUnknownOrAmbiguousItemChangesNothing() throws {
        let ambiguous = try run(["mark", "https://semver.org", "rage", "done"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err.contains("'rage' matches 4 items"))
        #expect(ambiguous.err.contains("Hot storage"))
        let unknown = try run(["mark", "quantum gravity", "done"])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("nothing matches 'quantum gravity'"))
        #expect(try overall()["done"] == 1)
        #expect(try run(["undo"]).out == "Nothing to undo.\n")
    }

    @Test func aBadStatusIsAUsageError() throws {
        let result = try run(["mark", "https://semver.org", "finished-ish"])
        #expect(result.status == 64)
        #expect(result.err.contains("'finished-ish' is not a status"))
    }

    @Test func undoRevertsAWholeCommandThenTheOneBefore() throws {
        _ = try run(["mark", "https://semver.org", "learning"])
        _ = try run(["mark", "Basics", "done"])
        #expect(try overall()["done"] == 6)
        let undo = try run(["undo"])
        #expect(undo.out.hasPrefix("Undid 5 changes:\n"))
        let afterFirst = try overall()
        #expect(afterFirst["done"] == 1 && afterFirst["learning"] == 1)
        _ = try run(["undo"])
        #expect(try overall()["learning"] == 0)
        #expect(try run(["undo"]).out == "Nothing to undo.\n")
    }

    @Test func nextListsLearningFirstThenTodoInCurriculumOrder() throws {
        _ = try run(["mark", "git-cliff", "learning"])
        _ = try run(["mark", "https://semver.org", "done"])
        let next = try run(["next", "-n", "3", "--json"]).json()
        let titles = (next["resources"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == ["git-cliff", "Write a changelog by hand once", "S3 Standard"])
        let text = try run(["next", "-n", "1"]).out
        #expect(text.hasPrefix("[~] git-cliff  rx8yzyd5mqc\n    Basics › Versioning › Tools\n"))
    }

    /// "note" is the author's prose; the learner's own text is an annotation, in help as in code
    /// (the subcommand keeps the short name, and says what it edits).
    @Test func helpCallsTheLearnersTextAnAnnotation() throws {
        let note = try run(["note", "--help"])
        #expect(note.out.contains("Read, write or clear your annotation (your own text)"), "\(note.out)")
        #expect(note.out.contains("Delete the annotation."))
        #expect(try run(["undo", "--help"]).out.contains("(a mark, an annotation or a relink)"))
        for command in ["note", "undo", "relink", "status", "export", "import", "stats"] {
            let help = try run([command, "--help"]).out
            #expect(!help.contains("your own note") && !help.contains("status and note")
                    && !help.contains("statuses and notes") && !help.contains("or note was"), "\(command)")
        }
    }

    @Test func notesAreWrittenReadEditedAndCleared() throws {
        #expect(try run(["note", "S3 Standard", "Cheap, but mind the egress.\nSecond line"]).status == 0)
        #expect(try run(["note", "S3 Standard"]).out == "Cheap, but mind the egress.\nSecond line\n")
        #expect(try run(["show", "S3 Standard"]).out.contains("Your annotation"))
        #expect(try run(["show", "Storage"]).out.contains("    ✎ Cheap, but mind the egress."))

        #expect(try run(["note", "Storage", "-"], stdin: Data("From stdin  \n\n".utf8)).status == 0)
        #expect(try run(["note", "Storage", "--json"]).json()["text"] as? String == "From stdin")

        let editor = scratch.url("fake-editor.sh")
        try scratch.write("fake-editor.sh", "#!/bin/sh\nprintf 'Edited in the editor\\n' >> \"$1\"\n")
        chmod(editor, 0o755)
        let edited = try run(["note", "Storage", "--edit"], environment: ["EDITOR": editor, "VISUAL": ""])
        #expect(edited.status == 0, "\(edited.err)")
        #expect(try run(["note", "Storage"]).out == "From stdin\nEdited in the editor\n")

        let failing = try run(["note", "Storage", "--edit"], environment: ["EDITOR": "/bin/false", "VISUAL": ""])
        #expect(failing.status == 1)
        #expect(failing.err.contains("the annotation was left unchanged"))

        #expect(try run(["note", "Storage", "--clear"]).out == "Deleted the annotation on Storage.\n")
        #expect(try run(["note", "Storage"]).out.hasPrefix("No annotation on Storage yet"))
        _ = try run(["undo"])
        #expect(try run(["note", "Storage"]).out == "From stdin\nEdited in the editor\n")
    }

    @Test func statsShowTodaysActivityAndAStreak() throws {
        _ = try run(["mark", "Basics", "done"])
        let json = try run(["stats", "--weeks", "4", "--json"]).json()
        #expect(json["currentStreak"] as? Int == 1)
        #expect((json["donePerWeek"] as? [[String: Any]])?.last?["done"] as? Int == 5)
        #expect(json["remaining"] as? Int == 0)
        let text = try run(["stats", "--weeks", "4"]).out
        #expect(text.contains("Streak: 1 day (longest 1 day)"))
        #expect(text.contains("Pace: "))
    }

    /// `relink` names stored IDs; when a prefix fits several, each is listed with its title, place
    /// and link, as the item lookup lists its candidates.
    @Test func anAmbiguousStoredPrefixListsWhatEachIs() throws {
        let marked = try CLI.run(["mark", "Python and Software Engineering", "done", "--db", db])
        #expect(marked.status == 0, "\(marked.err)")
        let stored = (try CLI.run(["export", "--db", db]).json()["states"] as? [[String: Any]] ?? [])
            .compactMap { $0["id"] as? String }
        let shared = Dictionary(grouping: stored, by: { String($0.prefix(3)) })
        let prefix = try #require(shared.first { $0.value.count >= 2 }?.key)
        let result = try CLI.run(["relink", prefix, "Kubernetes", "--db", db])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("'\(prefix)' is the start of") == true, "\(result.err)")
        #expect(lines.filter { $0.hasPrefix("      was under MLOps & ML Engineering › Python and Software Engineering") }.count >= 2,
                "\(result.err)")
        #expect(lines.filter { $0.hasPrefix("      http") }.count >= 2, "\(result.err)")
    }

    @Test func theDatabaseIsPrivate() throws {
        _ = try run(["mark", "S3 Standard", "done"])
        var info = stat()
        #expect(stat(scratch.url("data"), &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(stat(db, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
