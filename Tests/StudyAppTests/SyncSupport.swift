import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTestSupport

/// A device for the sync tests: its own store file in a scratch folder, with a clock the test
/// sets, and what it holds in a form two devices can be compared by.
final class SyncDevice {
    let store: ProgressStore
    private let time: LockedTime

    init(_ folder: TemporaryFolder, _ name: String, at milliseconds: Int64 = 1_700_000_000_000) throws {
        let time = LockedTime(milliseconds)
        self.time = time
        store = try ProgressStore(path: folder.url("\(name).sqlite"), clock: Clock { time.now })
    }

    func at(_ milliseconds: Int64) -> SyncDevice {
        time.set(milliseconds)
        return self
    }

    var id: String { (try? store.syncSelf().device) ?? "?" }

    @discardableResult
    func sync(_ folder: String) throws -> SyncFolder.Report { try SyncFolder(folder).sync(store) }

    func mark(_ id: String, _ status: Status) throws { try store.setStatus(status, items: [Self.item(id)]) }

    func note(_ id: String, _ text: String?) throws { try store.setAnnotation(text, item: Self.item(id)) }

    var statuses: [String: Status] { (try? store.progress().statuses) ?? [:] }

    var notes: [String: String] { ((try? store.progress().annotations) ?? [:]).compactMapValues(\.text) }

    /// Everything a learner could see differ between two devices.
    var snapshot: Snapshot {
        Snapshot(statuses: statuses, notes: notes, events: Set(((try? store.events()) ?? []).map(\.uid)))
    }

    struct Snapshot: Equatable {
        var statuses: [String: Status]
        var notes: [String: String]
        var events: Set<String>
    }

    static func item(_ id: String) -> KnownItem {
        KnownItem(id: id, kind: id.hasPrefix("t") ? .topic : .resource, title: "Title of \(id)", url: nil,
                  topicPath: ["Topic"], seenAt: Timestamp(milliseconds: 0))
    }
}

final class LockedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64
    init(_ milliseconds: Int64) { current = milliseconds }
    var now: Timestamp { lock.withLock { Timestamp(milliseconds: current) } }
    func set(_ milliseconds: Int64) { lock.withLock { current = milliseconds } }
}
