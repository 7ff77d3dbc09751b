import Foundation
import StudyTestSupport
import Testing

/// The dashboard beside the command line: a change made by `studydash mark` in another terminal
/// shows in the open dashboard, and the dashboard's `u` says what it undid.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct DashboardDailyUseTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    /// The probe's report, handed from the thread that waits for it.
    final class Box: @unchecked Sendable {
        let scratch: TemporaryFolder
        var result: ProbeResult?
        var error: Error?
        init(scratch: TemporaryFolder) { self.scratch = scratch }
    }

    func status(of item: String) throws -> String? {
        try CLI.run(["show", item, "--json", "--content", "notes", "--db", db]).json()["status"] as? String
    }

    @Test func aMarkFromAnotherProcessShowsWithinASecondAndUNamesIt() throws {
        let box = Box(scratch: scratch)
        let finished = DispatchSemaphore(value: 0)
        let arguments = ["--db", db, "--content", "notes"]
        Thread.detachNewThread {
            do { box.result = try TUIProbe.run("other-writer", arguments, scratch: box.scratch) } catch { box.error = error }
            finished.signal()
        }
        // The dashboard's own mark is the sign that it is up and holds the store open.
        var waited = 0
        while try status(of: "Semantic Versioning") != "done" && waited < 600 {
            usleep(50_000)
            waited += 1
        }
        try #require(try status(of: "Semantic Versioning") == "done", "the dashboard never marked its resource")
        let mark = try CLI.run(["mark", "git-cliff", "done", "--content", "notes", "--db", db])
        #expect(mark.status == 0, "\(mark.err)")
        finished.wait()
        if let error = box.error { throw error }
        let result = try #require(box.result)
        #expect(result.ok, "other-writer: \(result.failure)")
        #expect(try status(of: "git-cliff") == "todo", "the dashboard's u undid the other process's mark")
        #expect(try status(of: "Semantic Versioning") == "done")
    }

    func probe(_ script: String, environment: [String: String] = [:]) throws -> ProbeResult {
        let result = try TUIProbe.run(script, ["--db", db, "--content", "notes"], environment: environment, scratch: scratch)
        #expect(result.ok, "\(script): \(result.failure)")
        return result
    }

    @Test func aHugeAnnotationFromAnOldStoreIsShownCutAndStaysQuick() throws {
        let note = try CLI.run(["note", "Semantic Versioning", "small", "--content", "notes", "--db", db])
        try #require(note.status == 0, "\(note.err)")
        // Written behind the store's back, as a store from before the limit would hold it.
        let script = """
            import sqlite3, sys
            text = "first line of a very long note\\n" + ("study the spec twice " * 5 + "\\n") * 200_000
            assert len(text.encode()) > 20_000_000
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE annotation SET text = ?", (text[:20_971_520],))
            db.commit()
            """
        let update = try CLI.runProcess("/usr/bin/env", ["python3", "-c", script, db], cwd: CLI.fixtures,
                                        environment: ProcessInfo.processInfo.environment)
        try #require(update.status == 0, "\(update.err)")
        let result = try probe("huge-annotation")
        #expect(result.exitCode == 0)
    }

    @Test func anOverLongTextFromTheEditorIsRefusedAndKept() throws {
        try scratch.write("editor.sh", "#!/bin/sh\nhead -c 1100000 /dev/zero | tr '\\0' x > \"$1\"\n")
        chmod(scratch.url("editor.sh"), 0o755)
        _ = try probe("editor-too-long", environment: ["EDITOR": scratch.url("editor.sh"), "VISUAL": ""])
        let shown = try CLI.run(["show", "Semantic Versioning", "--json", "--content", "notes", "--db", db]).json()
        #expect(shown["annotation"] == nil || shown["annotation"] is NSNull, "nothing was saved")
    }

    /// Ctrl-C over unsaved text in the editor asks before anything is lost; `n` goes back to
    /// the text, which Ctrl-S then saves.
    @Test func ctrlCInTheEditorAsksAndKeepsTheText() throws {
        let result = try probe("editor-interrupt")
        #expect(result.exitCode == 0)
        let shown = try CLI.run(["show", "Semantic Versioning", "--json", "--content", "notes", "--db", db]).json()
        #expect(shown["annotation"] as? String == "Kept after Ctrl-C", "\(shown)")
    }

    /// A second Ctrl-C, at the question, quits as Ctrl-C always does, terminal restored.
    @Test func asecondCtrlCAtTheQuestionQuits() throws {
        let result = try probe("editor-interrupt-twice")
        #expect(result.exitCode == 130)
        #expect(result.sane)
    }

    /// Closing the terminal over unsaved text keeps it in a private draft file.
    @Test func aHangUpInTheEditorKeepsADraft() throws {
        let state = scratch.url("state")
        let result = try probe("editor-hangup", environment: ["XDG_STATE_HOME": state])
        #expect(result.exitCode == 129)
        let folder = state + "/studydash/drafts"
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(drafts.count == 1, "\(drafts)")
        let text = drafts.first.flatMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        #expect(text == "Half a paragraph")
        let mode = drafts.first.flatMap { try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.posixPermissions] as? Int }
        #expect(mode == 0o600)
    }
}
