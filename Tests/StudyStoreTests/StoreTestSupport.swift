import Foundation
import GRDB
import StudyCore
import StudyStore
import StudyTestSupport

/// Small helpers shared by the store tests: items, a settable clock, in-memory stores, file bytes,
/// and running real programs (`store-torture`, `sqlite3`, `setpriv`) as child processes.

func item(_ id: String, kind: KnownItem.Kind? = nil, title: String? = nil, url: String? = nil,
          topicPath: [String] = ["Topic"]) -> KnownItem {
    KnownItem(id: id, kind: kind ?? (id.hasPrefix("t") ? .topic : .resource), title: title ?? "Title of \(id)",
              url: url, topicPath: topicPath, seenAt: Timestamp(milliseconds: 0))
}

/// A store in memory, for every test that is not about files or processes.
func memoryStore(_ clock: TestClock = TestClock()) throws -> ProgressStore {
    try ProgressStore(writer: try DatabaseQueue(), clock: clock.asClock)
}

/// A clock the test moves by hand, for stores whose times must be known (merges, undo order).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    init(_ milliseconds: Int64 = 1_700_000_000_000) { current = milliseconds }

    var now: Timestamp { lock.withLock { Timestamp(milliseconds: current) } }

    func set(_ milliseconds: Int64) { lock.withLock { current = milliseconds } }

    /// What a store is given: it reads this clock's time at each change.
    var asClock: Clock { Clock { [self] in now } }
}

func fileBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

/// The permission bits of a file or folder.
func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// The files SQLite keeps beside a database, which a refused file must not gain.
func sideFiles(of path: String) -> [String] {
    ["-wal", "-shm", "-journal"].map { path + $0 }.filter(exists)
}

struct ChildResult {
    var status: Int32
    var out: String
    var err: String
    var okLines: [String] { out.split(separator: "\n").filter { $0.hasPrefix("ok ") }.map { String($0.dropFirst(3)) } }
}

enum Child {
    /// A tool built by SwiftPM beside this test bundle (the tests depend on it, so it is built).
    static func builtTool(_ name: String) -> String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(name).path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static let torture = builtTool("store-torture")
    static let sqlite3 = "/usr/bin/sqlite3"
    static let setpriv = "/usr/bin/setpriv"

    /// Starts a program with its output going to files (a full pipe can never block it).
    final class Running {
        let process = Process()
        private let scratch: TemporaryFolder
        private let out: FileHandle
        private let err: FileHandle

        init(_ executable: String, _ arguments: [String]) throws {
            scratch = try TemporaryFolder()
            try scratch.write("out", Data())
            try scratch.write("err", Data())
            out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.url("out")))
            err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.url("err")))
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func wait() throws -> ChildResult {
            process.waitUntilExit()
            try out.close()
            try err.close()
            return ChildResult(status: process.terminationStatus,
                               out: String(decoding: try fileBytes(scratch.url("out")), as: UTF8.self),
                               err: String(decoding: try fileBytes(scratch.url("err")), as: UTF8.self))
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> ChildResult {
        try Running(executable, arguments).wait()
    }

    /// Runs SQL with the sqlite3 command-line program (another program than StudyDash).
    @discardableResult
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        let result = try run(sqlite3, [database, sql])
        guard result.status == 0 else { throw ChildFailure(message: "sqlite3 failed: \(result.err)") }
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct ChildFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
