import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// Stores syncing through a scratch folder, as two or three machines would through Syncthing:
/// what each learner did shows on every device, and the newer change wins whatever the order.
@Suite struct SyncFolderTests {
    let folder: TemporaryFolder
    var shared: String { folder.url("shared") }

    init() throws {
        folder = try TemporaryFolder(["shared/README": "kept in step between machines\n"])
    }

    @Test func changesOnEachDeviceAppearOnAll() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        let tablet = try SyncDevice(folder, "tablet")
        try laptop.mark("r1", .done)
        try desktop.note("r2", "desktop thoughts")
        try tablet.mark("r3", .learning)
        for device in [laptop, desktop, tablet, laptop, desktop] { try device.sync(shared) }
        for device in [laptop, desktop, tablet] {
            #expect(device.statuses == ["r1": .done, "r3": .learning])
            #expect(device.notes == ["r2": "desktop thoughts"])
        }
        #expect(laptop.snapshot == desktop.snapshot && desktop.snapshot == tablet.snapshot)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: shared))
                == Set([laptop.id, desktop.id, tablet.id].map { "\($0).jsonl" } + ["README"]))
    }

    @Test func syncingTwiceChangesNothing() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        try desktop.sync(shared)
        let file = try Data(contentsOf: URL(fileURLWithPath: SyncFolder(shared).file(of: laptop.id)))
        let before = desktop.snapshot
        let again = try desktop.sync(shared)
        #expect(again.appended == 0 && again.merged.values.allSatisfy(\.isEmpty))
        try laptop.sync(shared)
        #expect(desktop.snapshot == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: SyncFolder(shared).file(of: laptop.id))) == file)
    }

    /// The same resource changed on two devices: the later change wins on both, whichever syncs first.
    @Test(arguments: [true, false]) func newerChangeWinsWhateverTheOrder(laptopFirst: Bool) throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.at(1_000).mark("r1", .learning)
        try desktop.at(2_000).mark("r1", .skipped)   // later
        try laptop.at(500).note("r1", "older note")
        try desktop.at(400).note("r1", "even older note")
        let order = laptopFirst ? [laptop, desktop, laptop] : [desktop, laptop, desktop]
        for device in order { try device.sync(shared) }
        for device in [laptop, desktop] {
            #expect(device.statuses["r1"] == .skipped)
            #expect(device.notes["r1"] == "older note")
        }
    }

    @Test func equalTimesGoToTheSameDeviceEverywhere() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.at(1_000).mark("r1", .learning)
        try desktop.at(1_000).mark("r1", .done)
        for device in [laptop, desktop, laptop] { try device.sync(shared) }
        let winner: Status = laptop.id > desktop.id ? .learning : .done
        #expect(laptop.statuses["r1"] == winner && desktop.statuses["r1"] == winner)
    }

    @Test func undoOnOneDeviceTravels() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.at(1_000).mark("r1", .done)
        try laptop.sync(shared)
        try desktop.sync(shared)
        #expect(desktop.statuses["r1"] == .done)
        _ = try laptop.at(2_000).store.undo()
        try laptop.sync(shared)
        try desktop.sync(shared)
        #expect(desktop.statuses["r1"] == nil)
        #expect(desktop.snapshot == laptop.snapshot)
    }

    /// A note deleted on one device and edited later on another ends edited, on both.
    @Test func laterEditBeatsEarlierDeletion() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.at(1_000).note("r1", "first")
        for device in [laptop, desktop] { try device.sync(shared) }
        try laptop.at(2_000).note("r1", nil)
        try desktop.at(3_000).note("r1", "edited later")
        for device in [laptop, desktop, laptop] { try device.sync(shared) }
        #expect(laptop.notes["r1"] == "edited later" && desktop.notes["r1"] == "edited later")
        // And the other way round: a deletion after the edit wins as a value.
        try laptop.at(4_000).note("r1", nil)
        for device in [laptop, desktop] { try device.sync(shared) }
        #expect(laptop.notes["r1"] == nil && desktop.notes["r1"] == nil)
    }

    @Test func cutShortLastLineIsReadNextTime() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        let path = try SyncFolder(shared).file(of: laptop.id)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = try #require(whole.range(of: Data("\"type\":\"status\"".utf8))).lowerBound + 10
        try whole.prefix(cut).write(to: URL(fileURLWithPath: path))   // a copy caught mid-write
        let first = try desktop.sync(shared)
        #expect(first.warnings.contains { $0.hasPrefix("\(path):") && $0.contains("incomplete") })
        #expect(desktop.statuses["r1"] == nil)   // its line is the one cut short
        try whole.write(to: URL(fileURLWithPath: path))   // the copy finished
        let second = try desktop.sync(shared)
        #expect(second.warnings.isEmpty)
        #expect(desktop.statuses["r1"] == .done)
        #expect(desktop.snapshot == laptop.snapshot)
    }

    @Test func corruptLineIsNamedAndTheRestMerged() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        let path = try SyncFolder(shared).file(of: laptop.id)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"type\":\"event\",\"uid\":\"broken\n{not json\n".utf8))
        handle.closeFile()
        try laptop.mark("r2", .learning)
        try laptop.sync(shared)
        try desktop.mark("r9", .done)
        let report = try desktop.sync(shared)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let broken = try #require(lines.firstIndex { $0.hasPrefix("{not json") }) + 1
        #expect(report.warnings.contains { $0.hasPrefix("\(path):\(broken): not valid JSON") })
        #expect(report.warnings.contains { $0.hasPrefix("\(path):\(broken - 1): ") })
        #expect(desktop.statuses == ["r1": .done, "r2": .learning, "r9": .done])
    }

    @Test func filesThatAreNotOursAreReportedAndLeftAlone() throws {
        let desktop = try SyncDevice(folder, "desktop")
        try desktop.mark("r1", .done)
        try folder.write("shared/0123456789abcdef.jsonl", "{\"hello\":\"world\"}\n")
        try folder.write("shared/fedcba9876543210.jsonl",
                         "{\"format\":\"studydash-sync\",\"schemaVersion\":99,\"device\":\"fedcba9876543210\"}\n{\"x\":1}\n")
        try folder.write("shared/notes.jsonl", "{}\n")
        try folder.write("elsewhere/secret.jsonl", "{}\n")
        try folder.symlink("shared/aaaaaaaaaaaaaaaa.jsonl", to: folder.url("elsewhere/secret.jsonl"))
        let report = try desktop.sync(shared)
        #expect(report.warnings.contains { $0.hasPrefix(folder.url("shared/0123456789abcdef.jsonl") + ":1: not a StudyDash sync file") })
        #expect(report.warnings.contains { $0.hasPrefix(folder.url("shared/fedcba9876543210.jsonl") + ":1: written by a newer StudyDash") })
        #expect(report.warnings.contains { $0.contains("notes.jsonl") })
        #expect(report.warnings.contains { $0.contains("aaaaaaaaaaaaaaaa.jsonl") && $0.contains("symlink") })
        #expect(desktop.statuses == ["r1": .done])
        #expect(try String(contentsOfFile: folder.url("elsewhere/secret.jsonl"), encoding: .utf8) == "{}\n")
    }

    @Test func ownFileIsOnlyAppendedTo() throws {
        let laptop = try SyncDevice(folder, "laptop")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        let path = try SyncFolder(shared).file(of: laptop.id)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try laptop.mark("r2", .done)
        try laptop.sync(shared)
        let second = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(second.prefix(first.count) == first && second.count > first.count)
        // A symlink in its place is refused, and what it points to is untouched.
        try FileManager.default.removeItem(atPath: path)
        try folder.write("target.txt", "mine\n")
        try folder.symlink("shared/\(laptop.id).jsonl", to: folder.url("target.txt"))
        try laptop.mark("r3", .done)
        #expect(throws: SyncError.self) { try laptop.sync(shared) }
        #expect(try String(contentsOfFile: folder.url("target.txt"), encoding: .utf8) == "mine\n")
    }

    @Test func lostOwnFileIsWrittenAgain() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        try FileManager.default.removeItem(atPath: SyncFolder(shared).file(of: laptop.id))
        try laptop.sync(shared)
        try desktop.sync(shared)
        #expect(desktop.statuses["r1"] == .done)
    }

    /// A file rewritten behind our back (another copy put in its place) is read again whole.
    @Test func rewrittenFileIsReadAgainWhole() throws {
        let laptop = try SyncDevice(folder, "laptop"), desktop = try SyncDevice(folder, "desktop")
        let other = try SyncDevice(folder, "other")
        try laptop.mark("r1", .done)
        try laptop.sync(shared)
        try desktop.sync(shared)
        let path = try SyncFolder(shared).file(of: laptop.id)
        // Same size, other bytes: a different history under the same name.
        try other.mark("r5", .skipped)
        try other.sync(shared)
        let otherPath = try SyncFolder(shared).file(of: other.id)
        let text = try String(contentsOfFile: otherPath, encoding: .utf8).replacingOccurrences(of: other.id, with: laptop.id)
        try FileManager.default.removeItem(atPath: otherPath)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try desktop.sync(shared)
        #expect(desktop.statuses == ["r1": .done, "r5": .skipped])
    }
}
