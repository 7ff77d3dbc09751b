import Foundation
import StudyTestSupport
import Testing

/// The painter sends only the cells that changed since the last frame: the screen it leaves
/// after many keys must be, cell by cell and in every attribute and colour, the screen a
/// repaint from scratch (Ctrl-L) gives at the same place. Notes with wide characters, styled
/// text and rows of different lengths, so that every kind of change is painted over another.
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct RepaintTerminalTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
        try scratch.write("wide/README.md", """
            # Wide

            A **bold** start, `code` and *italic* words, then a long line that the pane wraps over
            several rows of the detail pane.

            """)
        try scratch.write("wide/01-first.md", """
            # First

            中文中文中文中文 wide 中文 words, ==highlighted== and plain.

            - [Short](https://example.com/a)
            - [A much longer resource title that is clipped](https://example.com/b) — and its description, long too

            """)
        try scratch.write("wide/02-second.md", """
            # Second

            Plain short.

            ## Deeper

            x中文中文中文中文中文中文中文中文中文 end.

            - [Only one](https://example.com/c)

            """)
        try scratch.write("wide/03-third.md", """
            # Third

            > A quote, dimmed, and a line of 漢字かな.

            """)
    }

    /// The screen pyte holds at the last full clear (just before Ctrl-L's repaint) and at the
    /// end (the repaint), compared cell by cell: text, colours, bold, italic, underline, reverse.
    static let compare = #"""
    import sys, pyte
    raw = open(sys.argv[1], "rb").read()
    clear = b"\x1b[H\x1b[2J"
    clears = raw.count(clear)
    before = raw.rfind(clear)
    end = raw.rfind(b"\x1b[?1049l")
    end = len(raw) if end < 0 else end
    def screen(data):
        s = pyte.Screen(100, 30)
        pyte.ByteStream(s).feed(data)
        return s
    a, b = screen(raw[:before]), screen(raw[:end])
    def cell(s, x, y):
        c = s.buffer[y][x]
        return (c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse)
    diffs = [(x, y, cell(a, x, y), cell(b, x, y)) for y in range(30) for x in range(100) if cell(a, x, y) != cell(b, x, y)]
    print(f"clears={clears} painted={before} differ={len(diffs)}")
    for d in diffs[:10]:
        print(d)
    """#

    @Test func aScreenPaintedKeyByKeyIsTheScreenPaintedFromScratch() throws {
        let result = try TUIProbe.run("repaint-equal", ["--db", scratch.url("progress.sqlite"), "--content", scratch.url("wide"), "--fresh"],
                                      size: "100x30", environment: ["XDG_STATE_HOME": scratch.url("state")], scratch: scratch)
        #expect(result.ok, "\(result.failure)")
        #expect(result.sane)
        try result.raw.write(to: URL(fileURLWithPath: scratch.url("repaint.raw")))
        let check = try CLI.runProcess("/usr/bin/env", ["python3", "-c", Self.compare, scratch.url("repaint.raw")],
                                       cwd: scratch.path, environment: ProcessInfo.processInfo.environment)
        let report = check.out
        #expect(check.status == 0, "\(check.err)")
        // The first frame and Ctrl-L's clear the screen; the keys in between paint over it.
        #expect(report.contains("clears=2"), "\(report)")
        #expect(report.contains("differ=0"), "\(report)")
    }
}
