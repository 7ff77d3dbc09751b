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
