import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// Any interleaving of changes and syncs on three devices ends, once each has synced after the
/// last change, with the same statuses, notes and log on every device. Interleavings come from a
/// seeded generator (StudyTestSupport's SplitMix; plain Swift Testing: a property-testing package was not worth its build
/// time here); a failure names its seed, which replays it exactly.
@Suite struct SyncConvergenceTests {
    @Test(arguments: 0..<24) func everyInterleavingConverges(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let shared = folder.url("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let devices = try (0..<3).map { try SyncDevice(folder, "device\($0)") }
        var random = SplitMix(seed: seed)
        // Each device's clock only moves forward; two devices often share a millisecond, which
        // the device IDs settle.
        var clocks: [Int64] = [1_000, 1_000, 1_000]
        let items = ["r1", "t1"]
        let statuses: [Status] = [.todo, .learning, .done, .skipped]
        for _ in 0..<20 {
            let index = Int(random.next() % 3)
            clocks[index] += Int64(random.next() % 2) + 1
            let device = devices[index].at(clocks[index])
            let item = items[Int(random.next() % UInt64(items.count))]
            switch random.next() % 5 {
            case 0: try device.mark(item, statuses[Int(random.next() % 4)])
            case 1: try device.note(item, random.next() % 3 == 0 ? nil : "note \(random.next() % 4)")
            case 2: _ = try device.store.undo()
            default: try device.sync(shared)
            }
        }
        for device in devices + devices { try device.sync(shared) }
        let expected = devices[0].snapshot
        for device in devices.dropFirst() {
            #expect(device.snapshot == expected, "seed \(seed)")
        }
    }
}
