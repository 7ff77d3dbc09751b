import Foundation
import StudyTestSupport

/// Runs the built `studydash` binary as a process, the way a user or a script would.
struct CLIResult {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: stdout) as? [String: Any] ?? [:]
    }
}

enum CLI {
    /// The XDG data folder of every CLI test that does not pass `--db` (the binary creates it).
    static let scratchData = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("studydash-cli-tests-\(ProcessInfo.processInfo.processIdentifier)")

    static let fixtures = (Repository.root as NSString).appendingPathComponent("Tests/StudydashCLITests/Fixtures")
    static let snapshots = (Repository.root as NSString).appendingPathComponent("Tests/StudydashCLITests/Snapshots")

    /// The binary next to this test bundle (SwiftPM builds it because the tests depend on it).
    static let binary: String = {
        if let override = ProcessInfo.processInfo.environment["STUDYDASH_BIN"] { return override }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("studydash").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("studydash").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("studydash").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], cwd: String = fixtures, environment: [String: String] = [:],
                    stdin: Data? = nil) throws -> CLIResult {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STUDYDASH_CONTENT")
        env.removeValue(forKey: "STUDYDASH_DB")
        env.removeValue(forKey: "STUDYDASH_CONFIG")
        env.removeValue(forKey: "COLUMNS")
        // Never the learner's own progress: unless a test names a database, the default location
        // is inside a scratch data folder.
        env["XDG_DATA_HOME"] = scratchData
        // Nor the learner's own resume place (which `next` starts from).
        env["XDG_STATE_HOME"] = scratchData + "/state"
        // Nor the learner's own config file: the standard place is empty unless a test writes it.
        env["XDG_CONFIG_HOME"] = scratchData + "/config"
        env["XDG_CACHE_HOME"] = scratchData + "/cache"
        for (key, value) in environment { env[key] = value }
        return try runProcess(binary, arguments, cwd: cwd, environment: env, stdin: stdin)
    }

    /// Runs any program to completion with this environment, collecting its output.
    static func runProcess(_ executable: String, _ arguments: [String], cwd: String, environment env: [String: String],
                           stdin: Data? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.environment = env
        // Output goes to files, so that a large output can never block the child on a full pipe.
        let scratch = try TemporaryFolder()
        try scratch.write("out", Data())
        try scratch.write("err", Data())
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.url("out")))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.url("err")))
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            try scratch.write("in", stdin)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch.url("in")))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: URL(fileURLWithPath: scratch.url("out")))
        let errData = try Data(contentsOf: URL(fileURLWithPath: scratch.url("err")))
        return CLIResult(status: process.terminationStatus, stdout: outData, stderr: errData)
    }
}
