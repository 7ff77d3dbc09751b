import Foundation
import StudyTestSupport
@testable import StudyTerminal
import Testing

/// How much goes into one clipboard sequence (OSC 52), and its exact bytes.
struct ClipboardTests {
    @Test func aShortTextIsOneOSC52Sequence() throws {
        let bytes = try #require(Clipboard.sequence(for: "https://semver.org/"))
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1b}]52;c;aHR0cHM6Ly9zZW12ZXIub3JnLw==\u{07}")
    }

    @Test func aTextOverTheCapIsNotSent() {
        let payload = Clipboard.maximumPayload / 4 * 3  // base64 of exactly this many bytes fits
        #expect(Clipboard.sequence(for: String(repeating: "a", count: payload)) != nil)
        #expect(Clipboard.sequence(for: String(repeating: "a", count: payload + 1)) == nil)
        #expect(Clipboard.sequence(for: String(repeating: "a", count: 8_000_000)) == nil)
    }
}

/// The same promises end to end, in a real pseudo-terminal (see `TUIProbe`).
@Suite(.serialized, .enabled(if: TUIProbe.available, "the terminal driver needs python3 with pyte (scripts/test installs it)"))
struct TerminalSafetyProbeTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func probe(_ script: String, content: String = "notes", environment: [String: String] = [:],
               sourceLocation: SourceLocation = #_sourceLocation) throws -> ProbeResult {
        let result = try TUIProbe.run(script, ["--db", db, "--content", content], environment: environment, scratch: scratch)
        let ok = result.ok, failure = result.failure
        #expect(ok, "\(script): \(failure)", sourceLocation: sourceLocation)
        return result
    }

    @Test func aBrowserPathWithASpaceCanBeQuoted() throws {
        let log = scratch.url("browser.log")
        try scratch.write("My Browser/open.sh", "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '\(log)'\n")
        chmod(scratch.url("My Browser/open.sh"), 0o755)
        let browser = "/nonexistent/first:'\(scratch.url("My Browser/open.sh"))' --new-tab \"%s\""
        _ = try probe("open-link-quoted", environment: ["BROWSER": browser])
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "<not started>"
        #expect(logged == "2\n--new-tab\nhttps://semver.org/\n")
    }

    @Test func aLinkTooLongForTheClipboardIsNotSent() throws {
        let huge = "https://e.com/" + String(repeating: "A", count: 200_000)
        try scratch.write("long/README.md", "# Long\n\n- [Huge](\(huge))\n- [Short](https://e.com/short)\n")
        let result = try probe("copy-link", content: scratch.url("long"))
        let short = "\u{1b}]52;c;" + String(decoding: Clipboard.base64(Array("https://e.com/short".utf8)), as: UTF8.self)
        #expect(result.raw.contains(short), "the short link is copied")
        #expect(result.raw.count < 100_000, "\(result.raw.count) bytes written: the huge link went out")
    }

    @Test(arguments: ["SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGXCPU", "SIGRTMIN"])
    func aSignalThatEndsTheProgramRestoresTheTerminalFirst(signal: String) throws {
        let script = "signal-" + signal.dropFirst(3).lowercased()
        let result = try probe(script)
        let exit = result.report["exit"] as? [String: Any]
        #expect(exit?["signal"] as? String == signal, "died of \(signal), not \(String(describing: exit))")
        #expect(result.sane)
    }

    @Test func sigpipeIsIgnored() throws {
        let result = try probe("signal-pipe")
        #expect(result.exitCode == 0)
    }

    @Test func fiveCtrlCInARowStillExit130() throws {
        let result = try probe("signal-int-5")
        #expect(result.exitCode == 130)
        #expect(result.sane)
    }

    /// A crash before the screen is up (loading hostile notes) and one while it is up: the
    /// terminal as it was, one line, and never the runtime's interactive prompt holding the
    /// terminal.
    @Test(arguments: [("crash-at-start", "STUDYDASH_DEBUG_CRASH_AT_START"), ("crash", "STUDYDASH_DEBUG_CRASH_KEY")])
    func aCrashRestoresTheTerminalAndSaysSoInOneLine(script: String, hook: String) throws {
        let result = try probe(script, environment: [hook: "!"])
        #expect(result.sane)
        #expect(!result.screen.contains("Press space"), "the interactive backtracer took the terminal:\n\(result.screen)")
        let unwrapped = result.screen.split(separator: "\n").joined()  // the line is wider than the terminal
        #expect(unwrapped.contains("studydash crashed. To keep a backtrace next time"), "\(result.screen)")
    }

    /// Asked for with SWIFT_BACKTRACE, the backtrace is written to a file, after the terminal is
    /// restored, and the terminal stays sane.
    @Test(arguments: [("crash-at-start", "STUDYDASH_DEBUG_CRASH_AT_START"), ("crash", "STUDYDASH_DEBUG_CRASH_KEY")])
    func aBacktraceAskedForGoesToAFile(script: String, hook: String) throws {
        let folder = scratch.url("crashes")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try probe(script, environment: [hook: "!", "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,output-to=\(folder)"])
        #expect(result.sane)
        #expect(!result.screen.contains("Press space"), "\(result.screen)")
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(logs.count == 1, "one backtrace file: \(logs)")
        let backtrace = logs.first.flatMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) } ?? ""
        #expect(backtrace.contains("crashForTesting"), "the file holds the crashing thread's backtrace")
    }
}
