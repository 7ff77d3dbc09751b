import Foundation
import StudyTestSupport
import Testing

/// Drives the real `studydash` dashboard in a pseudo-terminal with the repository's own driver,
/// `Tests/Driver/ptydrive` (Python 3 + pyte), running a step script kept in
/// `Tests/StudydashCLITests/Probes/`.
struct ProbeResult {
    var report: [String: Any]
    var stderr: String
    /// Every byte the program wrote, read when the run ended (the next run reuses the path).
    var raw: Data

    var ok: Bool { report["ok"] as? Bool ?? false }
    var failure: String { report["failure"] as? String ?? stderr }
    var exitCode: Int? { (report["exit"] as? [String: Any])?["code"] as? Int }
    var sane: Bool { (report["terminal"] as? [String: Any])?["sane"] as? Bool ?? false }
    var screen: String { (report["screen"] as? [String] ?? []).joined(separator: "\n") }
}

enum TUIProbe {
    static let tool = (Repository.root as NSString).appendingPathComponent("Tests/Driver/ptydrive")
    static let probes = (Repository.root as NSString).appendingPathComponent("Tests/StudydashCLITests/Probes")

    /// Why the terminal tests cannot run on this machine, or nil when they can: the driver needs
    /// python3 with pyte (scripts/test installs it).
    static let unavailableReason: String? = {
        guard let result = try? CLI.runProcess("/usr/bin/env", ["python3", "-c", "import pyte"], cwd: Repository.root,
                                               environment: ProcessInfo.processInfo.environment) else {
            return "python3 is not on PATH"
        }
        return result.status == 0 ? nil : "the Python module pyte is missing (python3 -m pip install pyte)"
    }()
    static var available: Bool { unavailableReason == nil }

    /// Runs `script` (a file in Probes/) against `studydash ARGUMENTS` (or another `program`).
    static func run(_ script: String, _ arguments: [String], size: String = "80x24", term: String = "xterm-256color",
                    environment: [String: String] = [:], scratch: TemporaryFolder,
                    program: String = CLI.binary, responseMilliseconds: Int? = nil) throws -> ProbeResult {
        let raw = scratch.url("\(script).raw")
        var command = [tool, "--timeout", "60", "--size", size, "--term", term,
                       "--dump-raw", raw, "--snap-dir", scratch.path, "-e", "LANG=C.UTF-8", "-e", "XDG_DATA_HOME=\(scratch.url("xdg"))",
                       "-e", "XDG_STATE_HOME=\(scratch.url("state"))", "-e", "XDG_CONFIG_HOME=\(scratch.url("config"))",
                       "-e", "XDG_CACHE_HOME=\(scratch.url("cache"))"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { command += ["-e", "\(key)=\(value)"] }
        // A short wait for an answer lets a step send input the program does not answer (half
        // a mouse report) and the next follow closely.
        if let responseMilliseconds { command += ["--response", String(responseMilliseconds)] }
        command += ["-f", (probes as NSString).appendingPathComponent(script + ".steps"), "--", program] + arguments
        var env = ProcessInfo.processInfo.environment
        for name in ["STUDYDASH_CONTENT", "STUDYDASH_DB", "STUDYDASH_CONFIG", "NO_COLOR", "BROWSER", "EDITOR", "VISUAL"] { env.removeValue(forKey: name) }
        let result = try CLI.runProcess("/usr/bin/env", ["python3"] + command, cwd: CLI.fixtures, environment: env)
        let stdout = result.stdout, stderr = result.err
        let report = (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] ?? [:]
        if report.isEmpty {
            Issue.record("ptydrive gave no report (exit \(result.status)): \(stderr)")
        }
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: raw))) ?? Data()
        return ProbeResult(report: report, stderr: stderr, raw: bytes)
    }
}

extension Data {
    func contains(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
