import Foundation
import StudyTestSupport
import Testing

/// Live reload in the real dashboard: a note is changed on disk while it is open in the reader,
/// and the dashboard shows the new resource within 2 s with the cursor still on its line; then
/// Ctrl-L repaints. (About 3 s: the reload waits for the note to hold still for a tick.)
@Suite(.enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct LiveReloadTerminalTests {
    @Test func aResourceAppendedToTheOpenNoteShowsWithinTwoSecondsCursorKept() throws {
        let scratch = try TemporaryFolder([
            "notes/README.md": "# Study\n\nIntro.\n",
            "notes/tools.md": """
                # Tools

                Some tools.

                - [Alpha](https://alpha.example) - first.
                - [Beta](https://beta.example) - second.

                ## Later

                - [Gamma](https://gamma.example) - third.

                """,
        ])
        let ready = scratch.url("ready.txt"), note = scratch.url("notes/tools.md")
        // The probe writes `ready` when the reader's cursor is on Beta; then the note changes,
        // as an editor's save or a `git pull` would change it.
        let writer = Thread {
            for _ in 0..<3000 where !FileManager.default.fileExists(atPath: ready) { usleep(10_000) }
            guard let handle = FileHandle(forWritingAtPath: note) else { return }
            handle.seekToEndOfFile()
            handle.write(Data("- [Delta](https://delta.example) - fourth.\n".utf8))
            handle.closeFile()
        }
        writer.start()
        let result = try TUIProbe.run("live-reload", ["--content", scratch.url("notes"), "--db", scratch.url("p.sqlite")],
                                      size: "60x14", scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.sane)
        var clears = 0, rest = result.raw[...]
        while let found = rest.range(of: Data("\u{1b}[2J".utf8)) {
            clears += 1
            rest = rest[found.upperBound...]
        }
        #expect(clears == 2, "the first screen and Ctrl-L each clear the terminal once: \(clears)")
    }
}
