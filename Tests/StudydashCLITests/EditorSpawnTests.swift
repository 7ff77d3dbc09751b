import Foundation
import Testing
import StudyTestSupport

/// `note --edit` hands the editor a clean start: signals a parent told StudyDash to ignore (a
/// launcher's `trap '' PIPE INT`, or StudyDash's own SIGPIPE handling) are at their defaults
/// again, so the editor can be interrupted and dies on a broken pipe as it expects.
@Suite struct EditorSpawnTests {
    /// The bit of `signal` in a `/proc/PID/status` signal mask line (`SigIgn:\t0000000000001002`).
    static func isSet(_ signal: Int32, in line: Substring) -> Bool {
        let hex = line.split(separator: "\t").last.map(String.init) ?? ""
        guard let mask = UInt64(hex.trimmingCharacters(in: .whitespaces), radix: 16) else { return true }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    @Test func theEditorStartsWithDefaultSignals() throws {
        let scratch = try TemporaryFolder()
        let log = scratch.url("signals.log")
        // Read with the shell's builtins only: a forked grep would see the mask the shell sets
        // around its own forks, not the one the editor was started with.
        try scratch.write("editor.sh", """
            #!/bin/sh
            while read -r name value; do
              case $name in SigIgn:|SigBlk:) echo "$name\t$value" ;; esac
            done < /proc/$$/status > '\(log)'
            echo edited > "$1"

            """)
        chmod(scratch.url("editor.sh"), 0o755)
        let command = "trap '' PIPE INT; exec '\(CLI.binary)' note https://semver.org --edit --content notes --db '\(scratch.url("db"))'"
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = scratch.url("editor.sh")
        environment.removeValue(forKey: "VISUAL")
        let result = try CLI.runProcess("/bin/sh", ["-c", command], cwd: CLI.fixtures, environment: environment)
        #expect(result.status == 0, "\(result.err)")
        let lines = (try String(contentsOfFile: log, encoding: .utf8)).split(separator: "\n")
        #expect(lines.count == 2, "\(lines)")
        for line in lines {
            #expect(!Self.isSet(SIGPIPE, in: line), "\(line)")
            #expect(!Self.isSet(SIGINT, in: line), "\(line)")
        }
    }
}
