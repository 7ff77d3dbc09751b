import Foundation
import StudyTestSupport
import Testing

/// Keys that are already waiting when the dashboard reads one (a paste, a held key, keys typed
/// during a slow frame) are applied together and drawn once: the end result must be what the
/// same keys give one at a time, and a `q` among them still quits and keeps the place.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct QueuedKeysTerminalTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
    }

    /// Runs `script` on the fixture notes with its own store and state folder, and returns the
    /// snapshot it took.
    func run(_ script: String, snap: String, folder: String, fresh: Bool = true) throws -> String {
        var arguments = ["--db", scratch.url("\(folder)/progress.sqlite"), "--content", "notes"]
        if fresh { arguments.append("--fresh") }
        let result = try TUIProbe.run(script, arguments, environment: ["XDG_STATE_HOME": scratch.url("\(folder)/state")],
                                      scratch: scratch)
        #expect(result.ok, "\(script): \(result.failure)")
        #expect(result.sane, "\(script)")
        return try String(contentsOfFile: scratch.url("\(snap).txt"), encoding: .utf8)
    }

    @Test func keysTypedTogetherGiveTheScreenOfKeysPressedOneByOne() throws {
        let together = try run("keys-typed", snap: "keys-typed", folder: "typed")
        let apart = try run("keys-one-by-one", snap: "keys-one-by-one", folder: "apart")
        #expect(together.contains("[x]"), "d marked the topic the three moves reached: \(together)")
        #expect(together == apart, "typed together:\n\(together)\none by one:\n\(apart)")
    }

    @Test func aQuitTypedAmongWaitingKeysKeepsThePlaceItReached() throws {
        _ = try run("keys-one-by-one", snap: "keys-one-by-one", folder: "apart")
        let apart = try run("keys-reopen", snap: "keys-reopen", folder: "apart", fresh: false)
        _ = try run("keys-typed", snap: "keys-typed", folder: "typed")
        let together = try run("keys-reopen", snap: "keys-reopen", folder: "typed", fresh: false)
        let top = try run("keys-reopen", snap: "keys-reopen", folder: "top")
        #expect(together == apart, "reopened after typed keys:\n\(together)\nafter keys one by one:\n\(apart)")
        #expect(together != top, "the place moved from the top: \(together)")
    }
}
