import Foundation
import StudyTestSupport
import Testing

/// The dashboard beside the command line: a change made by `studydash mark` in another terminal
/// shows in the open dashboard, and the dashboard's `u` says what it undid.
@Suite(.serialized) struct DashboardDailyUseTests {
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
        guard TUIProbe.available else {
            print("⚠︎ skipping other-writer: \(TUIProbe.tool) is missing (it comes with ../shared)")
            return
        }
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
}
