#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// The store's reliability promises, checked with real processes (`store-torture`): two StudyDash
/// processes writing at once both succeed, and a process killed mid-write leaves a sound store
/// holding every change it reported.
@Suite struct ConcurrencyTests {
    let temp: TemporaryFolder

    init() throws { temp = try TemporaryFolder() }

    @Test func twoProcessesCreatingAndWritingTheSameNewStoreBothSucceed() throws {
        let path = temp.url("new/folder/progress.sqlite")  // neither process finds it there

        let first = try Child.Running(Child.torture, [path, "a", "500"])
        let second = try Child.Running(Child.torture, [path, "b", "500"])
        let results = [try first.wait(), try second.wait()]

        for (name, result) in zip(["a", "b"], results) {
            #expect(result.status == 0, "\(name) exited \(result.status): \(result.err)")
            #expect(result.err.isEmpty, "\(name): \(result.err)")
            #expect(result.okLines.count == 500, "\(name)")
        }
        let store = try ProgressStore(path: path)
        let statuses = try store.progress().statuses
        #expect(statuses.count == 1000)
        #expect(statuses.values.allSatisfy { $0 == .done })
        #expect((0..<500).allSatisfy { statuses["a\($0)"] == .done && statuses["b\($0)"] == .done })
        #expect(try store.eventCount() == 1000)
        #expect(try store.knownItems().count == 1000)
    }

    /// The first moments of a new store are the fragile ones (an empty file in rollback mode
    /// turned to WAL, then the first migration), so many pairs of processes each race to create
    /// a new store and write one status.
    @Test func manyPairsRacingToCreateNewStoresAllSucceed() throws {
        var failures: [String] = []
        for pair in 0..<40 {
            let path = temp.url("race\(pair)/progress.sqlite")
            let first = try Child.Running(Child.torture, [path, "a", "1"])
            let second = try Child.Running(Child.torture, [path, "b", "1"])
            for result in [try first.wait(), try second.wait()] where result.status != 0 || !result.err.isEmpty {
                failures.append(result.err.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if failures.isEmpty {
                #expect(try ProgressStore(path: path).progress().statuses == ["a0": .done, "b0": .done])
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of 80 processes failed, e.g. \(failures.prefix(3))")
    }

    /// SIGKILL after `lines` reported writes (and a random pause, so that the kill lands anywhere
    /// in the next transaction, not just after a report): every reported write is there, the
    /// file is sound, and at most the one write in flight may be there unreported, whole.
    @Test(arguments: [50, 120, 200, 300, 400, 500])
    func killedWriterLosesNothingItReported(lines: Int) throws {
        let path = temp.url("progress.sqlite")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Child.torture)
        process.arguments = [path, "k", "100000"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let reader = LineReader(output.fileHandleForReading.fileDescriptor)
        let deadline = Date().addingTimeInterval(20)
        while reader.lines.count < lines && Date() < deadline {
            if !reader.read(timeoutMilliseconds: 200) && !process.isRunning { break }
        }
        try #require(reader.lines.count >= lines, "store-torture stopped early after \(reader.lines.count) lines")
        usleep(UInt32.random(in: 0...2_000))
        #expect(kill(process.processIdentifier, SIGKILL) == 0)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        reader.drain()  // lines already in the pipe were reported too

        let reported = reader.lines.filter { $0.hasPrefix("ok ") }.map { String($0.dropFirst(3)) }
        #expect(reported.count == reader.lines.count, "only ok lines: \(reader.lines.prefix(3))")
        #expect(reported == (0..<reported.count).map { "k\($0)" })

        let store = try ProgressStore(path: path)
        let statuses = try store.progress().statuses
        let missing = reported.filter { statuses[$0] != .done }
        #expect(missing.isEmpty, "reported but lost: \(missing.prefix(5))")
        #expect((reported.count...reported.count + 1).contains(statuses.count),
                "\(statuses.count) stored for \(reported.count) reported")
        #expect(try store.eventCount() == statuses.count)
        #expect(try store.knownItems().count == statuses.count)
        #expect(try Child.sqlite(path, "PRAGMA integrity_check") == "ok", "checked while the store is open")
    }

    /// A first run killed between GRDB creating its `grdb_migrations` table and the first
    /// migration committing leaves a file with no application ID and only that empty table (a
    /// second process starting at that moment sees the same). It is StudyDash's own: it must open.
    @Test func storeLeftByAnInterruptedFirstRunOpens() throws {
        let path = temp.url("progress.sqlite")
        try Child.sqlite(path, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            """)
        let store = try ProgressStore(path: path)
        try store.setStatus(.done, items: [item("r1")])
        #expect(try store.progress().statuses == ["r1": .done])
    }
}

/// Reads a child's stdout as it arrives, split into lines.
final class LineReader {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private(set) var lines: [String] = []

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    /// Waits up to `timeoutMilliseconds` for data; returns false at end of file or on timeout.
    @discardableResult
    func read(timeoutMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        pending += buffer.prefix(count)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[..<newline], as: UTF8.self))
            pending.removeSubrange(...newline)
        }
        return true
    }

    /// Reads what is left once the writer is gone.
    func drain() {
        while read(timeoutMilliseconds: 0) {}
    }
}
