import Foundation
import Testing
import StudyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `export` never destroys what its output path names, keeps the learner's notes private, reports
/// every failed write, and writes no control character from the notes.
@Suite struct ExportSafetyTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    var db: String { scratch.url("progress.sqlite") }

    func run(_ arguments: [String], content: String = "notes") throws -> CLIResult {
        try CLI.run(arguments + ["--content", content, "--db", db])
    }

    /// Runs the binary under bash, so that a test can give it the standard output a shell would
    /// (`>/dev/full`, `>&-`, `| head -c1`). `"$@"` is the binary's arguments.
    func shell(_ script: String, _ arguments: [String]) throws -> CLIResult {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = CLI.scratchData
        return try CLI.runProcess("/bin/bash", ["-c", script, CLI.binary] + arguments
                                    + ["--content", "notes", "--db", db], cwd: CLI.fixtures, environment: environment)
    }

    func fill() throws {
        _ = try run(["mark", "Versioning", "done"])
        _ = try run(["note", "S3 Standard", "private: my salary"])
    }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// Linux's dev_t for a major and minor number (Glibc's makedev is a macro Swift cannot see).
    func device(_ major: UInt64, _ minor: UInt64) -> dev_t {
        dev_t((minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32))
    }

    func partials(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".partial-") }
    }

    /// A store with so many events that exporting it takes a moment (and fills a pipe many times).
    func fillLarge(events: Int = 40_000) throws {
        var json = #"{"format": "studydash-progress", "schemaVersion": 2, "exportedAt": "2026-01-01T00:00:00.000Z", "states": [], "annotations": [], "items": [], "events": ["#
        for index in 0..<events {
            if index > 0 { json += "," }
            json += #"{"uid": "u\#(index)", "change": "c\#(index)", "id": "r\#(index % 500)", "kind": "status", "old": null, "new": "done", "at": "2026-01-01T00:00:00.000Z", "undoes": null}"#
        }
        json += "]}"
        try scratch.write("large.json", json)
        let imported = try run(["import", scratch.url("large.json")])
        #expect(imported.status == 0, "\(imported.err)")
    }

    // MARK: What the output path names survives

    /// Our own device nodes (same numbers as /dev/null and /dev/full), so a regression cannot
    /// destroy the machine's real ones.
    @Test func aDeviceIsWrittenThroughAndStaysADevice() throws {
        try fill()
        #expect(mknod(scratch.url("null"), S_IFCHR | 0o666, device(1, 3)) == 0)
        let written = try run(["export", "-o", scratch.url("null")])
        #expect(written.status == 0, "\(written.err)")
        #expect(fileType(scratch.url("null")) == S_IFCHR)

        #expect(mknod(scratch.url("full"), S_IFCHR | 0o666, device(1, 7)) == 0)
        let full = try run(["export", "-o", scratch.url("full")])
        #expect(full.status == 1)
        #expect(full.err.contains("No space left on device"), "\(full.err)")
        #expect(full.err.split(separator: "\n").count == 1)
        #expect(fileType(scratch.url("full")) == S_IFCHR)
        #expect(try partials(in: scratch.path).isEmpty)
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        try fill()
        let fifo = scratch.url("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened before the export starts, without blocking, so that the test cannot hang when the
        // export replaces the FIFO instead of opening it.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let finished = Flag()
        let db = self.db
        DispatchQueue.global().async {
            _ = try? CLI.run(["export", "-o", fifo, "--content", "notes", "--db", db])
            finished.set()
        }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(reader, &buffer, buffer.count)
            if count > 0 { received += buffer[0..<count]; continue }
            if finished.isSet && count == 0 { break }
            usleep(1000)
        }
        #expect(fileType(fifo) == S_IFIFO)
        let document = try? JSONSerialization.jsonObject(with: Data(received)) as? [String: Any]
        #expect(document?["format"] as? String == "studydash-progress")
    }

    @Test func aSymlinkStaysALinkAndItsTargetGetsTheExport() throws {
        try fill()
        try scratch.write("real/target.json", "old")
        try scratch.symlink("link.json", to: "real/target.json")
        let result = try run(["export", "-o", scratch.url("link.json")])
        #expect(result.status == 0, "\(result.err)")
        #expect(fileType(scratch.url("link.json")) == S_IFLNK)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.url("real/target.json")))) as? [String: Any]
        #expect(document?["format"] as? String == "studydash-progress")
        #expect(try partials(in: scratch.url("real")).isEmpty && partials(in: scratch.path).isEmpty)
    }

    @Test func theOpenStoreAndItsSideFilesAreRefused() throws {
        try fill()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try FileManager.default.createDirectory(atPath: scratch.url("x"), withIntermediateDirectories: true)
        try scratch.symlink("alias.sqlite", to: "progress.sqlite")
        try scratch.symlink("wal-alias", to: "progress.sqlite-wal")
        #expect(link(db, scratch.url("hard.sqlite")) == 0)
        let names = ["progress.sqlite", "x/../progress.sqlite", "alias.sqlite", "hard.sqlite",
                     "progress.sqlite-wal", "progress.sqlite-shm", "progress.sqlite-journal", "wal-alias"]
        for name in names {
            for format in ["json", "csv", "markdown"] {
                let result = try run(["export", "--format", format, "-o", scratch.url(name)])
                #expect(result.status == 1, "\(name) \(format)")
                #expect(result.err.contains("is the progress store"), "\(name): \(result.err)")
                #expect(result.err.split(separator: "\n").count == 1)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(fileType(scratch.url("alias.sqlite")) == S_IFLNK)
        #expect(try run(["note", "S3 Standard"]).out == "private: my salary\n")
    }

    @Test func aNotesFileOfTheFoldersReadIsRefusedAndANewFileBesideThemIsWritten() throws {
        let notes = scratch.url("course")
        try FileManager.default.createDirectory(atPath: notes + "/sub", withIntermediateDirectories: true)
        let original = "# Serving\n\n- [KServe](https://kserve.github.io/) — serving\n"
        try original.write(toFile: notes + "/02-serving.md", atomically: true, encoding: .utf8)
        try "# Extra\n".write(toFile: notes + "/sub/extra.TXT", atomically: true, encoding: .utf8)
        try scratch.symlink("alias.md", to: "course/02-serving.md")
        for target in [notes + "/02-serving.md", notes + "/sub/../02-serving.md", scratch.url("alias.md"),
                       notes + "/sub/extra.TXT"] {
            for format in ["json", "csv", "markdown"] {
                let result = try run(["export", "--format", format, "-o", target], content: notes)
                #expect(result.status == 1, "\(target) \(format)")
                #expect(result.err.contains("is a notes file in"), "\(target): \(result.err)")
            }
        }
        #expect(try String(contentsOfFile: notes + "/02-serving.md", encoding: .utf8) == original)
        #expect(fileType(scratch.url("alias.md")) == S_IFLNK)
        let beside = try run(["export", "--format", "markdown", "-o", notes + "/report.md"], content: notes)
        #expect(beside.status == 0, "a new file beside the notes is the user's to make: \(beside.err)")
        let again = try run(["export", "--format", "csv", "-o", notes + "/progress.csv"], content: notes)
        #expect(again.status == 0 && again.err.contains("wrote"), "a file the loader does not read may be replaced")
    }

    // MARK: Every failed write is reported

    @Test func aFullOrClosedStandardOutputIsAnError() throws {
        try fill()
        let full = try shell(#""$0" "$@" >/dev/full"#, ["export"])
        #expect(full.status == 1)
        #expect(full.err == "studydash: cannot write to standard output: No space left on device\n", "\(full.err)")
        let closed = try shell(#""$0" "$@" >&-"#, ["export", "--format", "csv"])
        #expect(closed.status == 1)
        #expect(closed.err == "studydash: cannot write to standard output: Bad file descriptor\n", "\(closed.err)")
        // Every command's output, not only export's.
        for command in [["status"], ["next"], ["show", "S3 Standard"], ["note", "S3 Standard"]] {
            let result = try shell(#""$0" "$@" >/dev/full"#, command)
            #expect(result.status == 1, "\(command)")
            #expect(result.err.contains("cannot write to standard output: No space left on device"), "\(command): \(result.err)")
        }
    }

    /// A reader that stops early (`| head`) ends the export quietly with status 1, not by SIGPIPE.
    @Test func aReaderThatGoesAwayEndsTheExportQuietly() throws {
        try fillLarge(events: 20_000)
        let result = try shell(#""$0" "$@" | head -c1 >/dev/null; echo "status ${PIPESTATUS[0]}""#, ["export"])
        #expect(result.out == "status 1\n")
        #expect(result.err.isEmpty, "\(result.err)")
    }

    /// A full disk under a file being renamed into place: the real reason, and nothing left over.
    @Test(.enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
    func aFullDiskSaysSo() throws {
        try fillLarge(events: 5_000)
        let small = scratch.url("small")
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        try #require(CLI.runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], cwd: "/",
                                    environment: [:]).status == 0)
        defer { _ = try? CLI.runProcess("/bin/umount", [small], cwd: "/", environment: [:]) }
        let result = try run(["export", "-o", small + "/t.json"])
        #expect(result.status == 1)
        #expect(result.err == "studydash: cannot write \(small)/t.json: No space left on device\n", "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small).isEmpty)
    }

    // MARK: An export stays private and leaves nothing behind

    @Test func anExistingFileKeepsItsModeAndOwnerAndANewOneIsPrivate() throws {
        try fill()
        try scratch.write("mine.json", "old")
        #expect(chmod(scratch.url("mine.json"), 0o600) == 0)
        #expect(chown(scratch.url("mine.json"), 1234, 5678) == 0 || getuid() != 0)
        #expect(try run(["export", "-o", scratch.url("mine.json")]).status == 0)
        var info = stat()
        #expect(stat(scratch.url("mine.json"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o600)
        if getuid() == 0 { #expect(info.st_uid == 1234 && info.st_gid == 5678) }

        try scratch.write("shared.csv", "old")
        #expect(chmod(scratch.url("shared.csv"), 0o640) == 0)
        #expect(try run(["export", "--format", "csv", "-o", scratch.url("shared.csv")]).status == 0)
        #expect(stat(scratch.url("shared.csv"), &info) == 0 && info.st_mode & 0o7777 == 0o640)

        let previous = umask(0o022)
        defer { umask(previous) }
        #expect(try run(["export", "--format", "markdown", "-o", scratch.url("new.md")]).status == 0)
        #expect(stat(scratch.url("new.md"), &info) == 0 && info.st_mode & 0o7777 == 0o600)
    }

    @Test func aStalePartialFileOfOurNamingIsSweptOnTheNextExport() throws {
        try fill()
        try scratch.write("t.json.partial-AbC123", "half an export")
        try scratch.write("t.json.partial-live99", "an export still running")
        try scratch.write("other.json.partial-AbC123", "not ours to judge")
        try scratch.write("t.json.partial-notours", "not our naming")
        // A partial file whose writer still runs holds a lock on it (as a running export does).
        let live = open(scratch.url("t.json.partial-live99"), O_RDONLY)
        #expect(flock(live, LOCK_EX) == 0)
        defer { close(live) }
        #expect(try run(["export", "-o", scratch.url("t.json")]).status == 0)
        #expect(try partials(in: scratch.path).sorted()
                == ["other.json.partial-AbC123", "t.json.partial-live99", "t.json.partial-notours"])
    }

    /// Starts an export of a large store to t.json and sends `signal` once its partial file exists.
    func interruptedExport(by signal: Int32) throws {
        // Spawned as a shell would, with no signal blocked (a test runs on a thread that blocks
        // them, and a child inherits that mask).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [CLI.binary, "export", "-o", scratch.url("t.json"), "--content", CLI.fixtures + "/notes", "--db", db]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        try #require(posix_spawn(&pid, CLI.binary, &actions, &attributes, &argv, environ) == 0)
        var status: Int32 = 0
        var exited = false
        while try partials(in: scratch.path).isEmpty {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true; break }
            usleep(200)
        }
        if !exited {
            kill(pid, signal)
            waitpid(pid, &status, 0)
        }
        let killedBy = status & 0x7f  // WTERMSIG; 0 when it exited
        try #require(!exited && killedBy == signal, "the export ended before the signal (status \(status)): use a larger store")
        #expect(!FileManager.default.fileExists(atPath: scratch.url("t.json")))
    }

    @Test func afterAKill9TheNextExportRemovesThePartialFile() throws {
        try fillLarge()
        try interruptedExport(by: SIGKILL)
        #expect(try partials(in: scratch.path).count == 1)
        #expect(try run(["export", "-o", scratch.url("t.json")]).status == 0)
        #expect(try partials(in: scratch.path).isEmpty)
    }

    @Test func SIGTERMAndSIGINTMidExportLeaveNoPartialFile() throws {
        try fillLarge()
        for signal in [SIGTERM, SIGINT] {
            try interruptedExport(by: signal)
            let left = try partials(in: scratch.path)
            #expect(left.isEmpty, "\(signal) left \(left)")
        }
    }

    // MARK: No control character from the notes in CSV or Markdown

    static let hostileNotes = [
        "hostile.md": "# Evil \u{1B}]0;pwned\u{07} title\n\n- [Probe\u{08}\u{08}](https://e.com/\u{1B}[6n) then \u{9B}31m\n",
    ]

    func hostileExport(_ format: String) throws -> (folder: TemporaryFolder, bytes: [UInt8]) {
        let notes = try TemporaryFolder(Self.hostileNotes)
        _ = try run(["note", "Probe", "line one\u{1B}[2J\u{07}\ttabbed\nline \"two\", \u{9D}8;;x\u{9C}"], content: notes.path)
        let piped = try run(["export", "--format", format], content: notes.path)
        #expect(piped.status == 0, "\(piped.err)")
        #expect(try run(["export", "--format", format, "-o", scratch.url("out")], content: notes.path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.url("out"))) == piped.stdout)
        return (notes, Array(piped.stdout))
    }

    func expectNoControls(_ bytes: [UInt8], allowingCRLF: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let v = scalar.value
            let allowed = v == 0x0A || v == 0x09
                || (allowingCRLF && v == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n")
            #expect(allowed || !(v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)),
                    "control U+\(String(v, radix: 16)) at \(index)")
        }
    }

    @Test func csvCarriesNoControlsAndStaysValidCSV() throws {
        let (_, bytes) = try hostileExport("csv")
        expectNoControls(bytes, allowingCRLF: true)
        try scratch.write("out.csv", Data(bytes))
        let parsed = try CLI.runProcess("/usr/bin/env", ["python3", "-c", """
            import csv, json, sys
            rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
            print(json.dumps(rows))
            """, scratch.url("out.csv")], cwd: scratch.path, environment: ProcessInfo.processInfo.environment)
        #expect(parsed.status == 0, "\(parsed.err)")
        let rows = try JSONSerialization.jsonObject(with: parsed.stdout) as? [[String]] ?? []
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.count == 8 })
        let row = rows.last ?? []
        #expect(row.count == 8)
        if row.count == 8 {
            #expect(row[1] == "Probe␈␈")
            #expect(row[2] == "https://e.com/␛[6n")
            #expect(row[4].hasSuffix(" › Evil ␛]0;pwned␇ title"), "\(row[4])")
            #expect(row[5] == "line one␛[2J␇\ttabbed\nline \"two\", <U+009D>8;;x<U+009C>")
        }
    }

    @Test func markdownCarriesNoControls() throws {
        let (_, bytes) = try hostileExport("markdown")
        expectNoControls(bytes, allowingCRLF: false)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("## Evil ␛\\]0;pwned␇ title"), "\(text)")
        #expect(text.contains("[Probe␈␈](https://e.com/%1B[6n)"), "\(text)")
        #expect(text.contains("  > line one␛[2J␇\ttabbed\n  > line \"two\", &lt;U+009D>8;;x&lt;U+009C>\n"), "\(text)")
    }

    /// On a terminal too (a pty, read back through python's `pty`).
    @Test func onATerminalTheExportIsEscapedAsEveryOtherOutput() throws {
        let notes = try TemporaryFolder(Self.hostileNotes)
        _ = try run(["note", "Probe", "bell\u{07}"], content: notes.path)
        for format in ["csv", "markdown"] {
            let result = try CLI.runProcess("/usr/bin/env", ["python3", "-c", """
                import os, pty, sys
                pid, fd = pty.fork()
                if pid == 0:
                    os.execv(sys.argv[1], sys.argv[1:])
                out = b''
                while True:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    out += chunk
                os.waitpid(pid, 0)
                sys.stdout.buffer.write(out)
                """, CLI.binary, "export", "--format", format, "--content", notes.path, "--db", db],
                cwd: scratch.path, environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0, "\(result.err)")
            // The terminal turns each line feed into CR LF: those carriage returns are its own.
            let screen = result.out.replacingOccurrences(of: "\r\r\n", with: "\n").replacingOccurrences(of: "\r\n", with: "\n")
            expectNoControls(Array(screen.utf8), allowingCRLF: false)
            #expect(result.out.contains("␛]0;pwned␇") || result.out.contains("␛\\]0;pwned␇"), "\(format): \(result.out)")
        }
    }

    // MARK: Saying what was written

    @Test func exportToAFileSaysWhatItWrote() throws {
        try fill()
        let json = try run(["export", "-o", scratch.url("t.json")])
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.url("t.json")))
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let states = (document["states"] as? [Any])?.count ?? -1
        let events = (document["events"] as? [Any])?.count ?? -1
        #expect(json.out.isEmpty)
        let prefix = "wrote \(states) statuses, 1 annotation and \(events) events to \(scratch.url("t.json")) (json, "
        #expect(json.err.hasPrefix(prefix) && json.err.hasSuffix(" KB)\n"), "\(json.err)")
        // The size agrees with the file's, to the tenth of a KB shown.
        let shown = Double(json.err.dropFirst(prefix.count).prefix { $0 != " " }) ?? 0
        #expect(abs(shown * 1024 - Double(data.count)) <= 52, "\(json.err) for \(data.count) bytes")
        let csv = try run(["export", "--format", "csv", "-o", scratch.url("t.csv")])
        #expect(csv.err.hasPrefix("wrote 6 resources to \(scratch.url("t.csv")) (csv, "), "\(csv.err)")
        let markdown = try run(["export", "--format", "markdown", "-o", scratch.url("t.md")])
        #expect(markdown.err.hasPrefix("wrote 6 resources to \(scratch.url("t.md")) (markdown, "), "\(markdown.err)")
        // Standard output carries only the export.
        #expect(try run(["export"]).err.isEmpty)
        // A path with a newline or an escape is named on one line, its controls shown.
        let odd = try run(["export", "-o", scratch.url("a\nb\u{1b}[2J.json")])
        #expect(odd.status == 0, "\(odd.err)")
        #expect(odd.err.split(separator: "\n").count == 1 && odd.err.contains("a␊b␛[2J.json"), "\(odd.err)")
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Two exports to one path at once: the second's sweep of stale partial files must not take the
/// first's, even in the moment between its last write and its rename (held open here by strace
/// delaying the first export's rename by two seconds).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace to hold a rename back"))
struct ConcurrentExportTests {
    @Test func aSecondExportLeavesTheFirstOnesFileAlone() throws {
        let scratch = try TemporaryFolder()
        let target = scratch.url("t.json"), db = scratch.url("progress.sqlite")
        let arguments = ["export", "-o", target, "--content", "notes", "--db", db]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = CLI.scratchData
        let first = Process()
        first.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        first.arguments = ["-f", "-o", "/dev/null", "-e", "inject=rename:delay_enter=2000000", CLI.binary] + arguments
        first.currentDirectoryURL = URL(fileURLWithPath: CLI.fixtures)
        first.environment = environment
        first.standardError = FileHandle(forWritingAtPath: scratch.url("first.err")) ?? FileHandle.nullDevice
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        // Wait until the first export's partial file is written and it sits in the delayed rename.
        var waited = 0
        while waited < 100, (try? FileManager.default.contentsOfDirectory(atPath: scratch.path))?
                .contains(where: { $0.hasPrefix("t.json.partial-") }) != true {
            usleep(50_000)
            waited += 1
        }
        usleep(300_000)
        let second = try CLI.run(arguments)
        #expect(second.status == 0, "\(second.err)")
        first.waitUntilExit()
        let firstErr = (try? String(contentsOfFile: scratch.url("first.err"), encoding: .utf8)) ?? ""
        #expect(first.terminationStatus == 0, "the first export failed: \(firstErr)")
        #expect(FileManager.default.fileExists(atPath: target))
    }
}
