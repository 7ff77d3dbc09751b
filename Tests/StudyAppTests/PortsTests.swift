import Foundation
import StudyApp
import StudyTestSupport
import Testing

/// The POSIX ports, called in-process: a real editor (a script) edits a real temporary file, and
/// a link the policy refuses never reaches a program.
@Suite struct PortsTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// An editor command running `script`. The script is read by /bin/sh rather than executed
    /// itself: another test's child, forked while this file was open for writing, could still
    /// hold it open, and executing a file open for writing fails ("Text file busy").
    func editor(_ script: String) throws -> String {
        try folder.write("editor.sh", script + "\n")
        return "/bin/sh " + folder.url("editor.sh")
    }

    @Test func theEditorPortEditsTheTextInsideTheHandOver() throws {
        let editor = try editor("printf 'and more\\n' >> \"$1\"")
        var handedOver = 0
        let ports = Ports.posix(environment: ["VISUAL": editor], handOver: { run in handedOver += 1; run() },
                                copy: { _ in nil })
        #expect(try ports.editText("first line", "annotation") == "first line\nand more\n")
        #expect(handedOver == 1, "the editor runs while the terminal is handed over")
    }

    @Test func theEditorInheritsNoFileOfOurs() throws {
        // A descriptor opened without close-on-exec, as a library might leave one.
        let path = folder.url("open.txt")
        try folder.write("open.txt", "x")
        let opened = open(path, O_RDONLY)
        try #require(opened >= 0)
        #expect(dup2(opened, 200) == 200)
        close(opened)
        defer { close(200) }
        let editor = try editor("if [ -e /proc/$$/fd/200 ]; then echo leaked >> \"$1\"; else echo clean >> \"$1\"; fi")
        let ports = Ports.posix(environment: ["VISUAL": editor], copy: { _ in nil })
        #expect(try ports.editText("", "annotation") == "clean\n")
    }

    @Test func aFailingEditorLeavesTheTextAsItWas() throws {
        let ports = Ports.posix(environment: ["VISUAL": try editor("exit 3")], copy: { _ in nil })
        do {
            _ = try ports.editText("kept", "annotation")
            Issue.record("a failed editor returned text")
        } catch {
            #expect(error.description.contains("exit status 3"))
            #expect(error.description.contains("left unchanged"))
        }
    }

    @Test func aRefusedLinkStartsNoProgram() throws {
        // A $BROWSER that would leave a trace if it ever ran.
        let trace = folder.url("opened")
        let browser = try editor("touch '\(trace)'")
        let ports = Ports.posix(environment: ["BROWSER": browser, "PATH": "/usr/bin:/bin"], copy: { _ in nil })
        let refusal = try #require(ports.openLink("https://example.com/\u{9B}31m"))
        #expect(refusal.contains("control character"), "\(refusal)")
        #expect(!FileManager.default.fileExists(atPath: trace))
    }

    @Test func theCopyPortIsTheFrontEnds() {
        var copied: [String] = []
        let ports = Ports.posix(environment: [:], copy: { copied.append($0); return nil })
        #expect(ports.copy("https://semver.org") == nil)
        #expect(copied == ["https://semver.org"])
    }
}
