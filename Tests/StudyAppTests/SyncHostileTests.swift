import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// Sync where the machines misbehave: a store put back from an old backup, or one store file
/// copied to a second machine, so that two stores share one device ID and one sync file.
@Suite struct SyncHostileTests {
    let folder: TemporaryFolder
    var shared: String { folder.url("shared") }

    init() throws {
        folder = try TemporaryFolder(["shared/README": "kept in step between machines\n"])
    }

    /// A copy of a closed store's files (the database and any journal beside it), as a backup is.
    private func copyStore(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: folder.url("\(from).sqlite\(suffix)")) {
            try FileManager.default.copyItem(atPath: folder.url("\(from).sqlite\(suffix)"), toPath: folder.url("\(to).sqlite\(suffix)"))
        }
    }

    /// The laptop's store is put back from a backup taken before it marked r2: its own file and
    /// the desktop still hold r2, and the restored laptop must get it back, not differ for ever.
    @Test func storeRestoredFromAnOldBackupCatchesUp() throws {
        let desktop = try SyncDevice(folder, "desktop")
        do {
            let laptop = try SyncDevice(folder, "laptop")
            try laptop.at(1_000).mark("r1", .learning)
            try laptop.sync(shared)
        }
        try copyStore("laptop", to: "backup")
        do {
            let laptop = try SyncDevice(folder, "laptop")
            try laptop.at(2_000).mark("r2", .done)
            try laptop.at(2_100).note("r1", "written after the backup")
            try laptop.sync(shared)
        }
        try desktop.sync(shared)
        let restored = try SyncDevice(folder, "backup", at: 3_000)
        try restored.mark("r3", .skipped)
        for device in [restored, desktop, restored] { try device.sync(shared) }
        #expect(restored.statuses == ["r1": .learning, "r2": .done, "r3": .skipped])
        #expect(restored.snapshot == desktop.snapshot)
    }

    /// One store file copied to a second machine: both append to the same sync file under the same
    /// device ID, and each must still end up with what the other did.
    @Test func twoStoresWithOneDeviceIDConverge() throws {
        do {
            let laptop = try SyncDevice(folder, "laptop")
            try laptop.at(1_000).mark("r1", .learning)
        }
        try copyStore("laptop", to: "copy")
        let laptop = try SyncDevice(folder, "laptop", at: 2_000), copy = try SyncDevice(folder, "copy", at: 2_000)
        let desktop = try SyncDevice(folder, "desktop", at: 2_000)
        #expect(laptop.id == copy.id)
        try laptop.mark("r2", .done)
        try copy.at(2_500).mark("r3", .skipped)
        for device in [laptop, copy, desktop, laptop, copy] { try device.sync(shared) }
        #expect(desktop.statuses == ["r1": .learning, "r2": .done, "r3": .skipped])
        #expect(laptop.snapshot == desktop.snapshot)
        #expect(copy.snapshot == desktop.snapshot)
    }
}

/// A peer's words quoted in a warning: one short line whatever the file holds, so that a line
/// of 100 MB is not printed whole and a newline in it cannot forge a line of our own output.
@Suite struct SyncWarningWordsTests {
    @Test(arguments: ["status", "kind"]) func peerWordsInAWarningAreOneShortLine(field: String) throws {
        let folder = try TemporaryFolder(["shared/README": ""])
        let desktop = try SyncDevice(folder, "desktop")
        let word = "done\nstudydash: error: forged\r" + String(repeating: "x", count: 100_000)
        let escaped = word.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        let peer = "00000000000000aa"
        let line = field == "status"
            ? "{\"type\":\"status\",\"id\":\"r1\",\"status\":\"\(escaped)\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"device\":\"\(peer)\"}"
            : "{\"type\":\"event\",\"uid\":\"u1\",\"change\":\"c1\",\"id\":\"r1\",\"kind\":\"\(escaped)\",\"old\":null,\"new\":null,"
                + "\"at\":\"2026-01-01T00:00:00Z\",\"undoes\":null}"
        try folder.write("shared/\(peer).jsonl",
                         "{\"format\":\"studydash-sync\",\"schemaVersion\":1,\"device\":\"\(peer)\"}\n\(line)\n")
        let report = try desktop.sync(folder.url("shared"))
        let warning = try #require(report.warnings.first { $0.contains(":2: ") })
        #expect(!warning.contains("\n") && !warning.contains("\r"), "\(warning.prefix(200))")
        #expect(warning.count < 300)
    }
}

/// Two syncs of one store at once (the dashboard quitting while `studydash sync` runs from cron):
/// each event is written to the device's file once, so that the counts `--status` shows are true.
@Suite struct ConcurrentOwnSyncTests {
    @Test func twoSyncsOfOneStoreAtOnceWriteEachEventOnce() throws {
        let folder = try TemporaryFolder(["shared/README": ""])
        let shared = folder.url("shared")
        let first = try SyncDevice(folder, "laptop")
        let second = try ProgressStore(path: folder.url("laptop.sqlite"))   // the same store, another connection
        for round in 0..<30 {
            try first.mark("r\(round)", .done)
            let stores = [first.store, second]
            DispatchQueue.concurrentPerform(iterations: 2) { index in _ = try? SyncFolder(shared).appendOwn(stores[index]) }
        }
        let text = try String(contentsOfFile: SyncFolder(shared).file(of: first.id), encoding: .utf8)
        let events = text.split(separator: "\n").filter { $0.contains("\"type\":\"event\"") }
        #expect(events.count == 30)
        #expect(try first.store.syncSelf().sentEvents == 30)
    }
}
