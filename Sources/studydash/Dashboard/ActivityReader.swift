import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyTUI

/// Reads the activity log for the dashboard view off the run loop: on a store of a million
/// events the read takes about a second, and a `D` pressed meanwhile (or any key) must be
/// answered at once. The view draws what it knows and fills in when the result comes back as a
/// message, which the run loop collects between keys (`collect`).
///
/// One read at a time, over a connection of its own, so that the loop's connection stays free
/// for a mark and for its look at other processes' changes. A result is handed on only if no
/// write of this process came between the read's start and the collect: the reducer files the
/// log under the progress it holds when the message arrives, so a log older than a mark would be
/// taken for current.
final class ActivityReader: @unchecked Sendable {
    // @unchecked: every field below the lock is read and written under it; `writes`,
    // `session` and `reading` only on the run loop's thread.
    private let lock = NSLock()
    private var finished: Finished?
    /// Someone asked for this read (`D`), not only the idle moment: a failure is then told.
    private var asked = false

    private var writes = 0
    private var session: StudySession?
    /// The writes counted when the read in flight began; nil when none is.
    private var reading: Int?

    private struct Finished {
        var outcome: Result<ActivityLog, StoreError>
        var writes: Int
    }

    /// A read is in flight or done and not yet collected: the loop then looks again soon.
    var isBusy: Bool { reading != nil }

    /// This process wrote to the store (or saw another's write): a read begun before misses it.
    func storeChanged() { writes += 1 }

    /// Reads the activity of `session`'s store, unless a read that will do is on its way.
    /// `asked`: a view waits for it (a failure is told); else it is a read ahead (a failure is not).
    func request(_ session: StudySession, asked: Bool) {
        self.session = session
        if asked { lock.withLock { self.asked = true } }
        // One in flight will do: begun before a write, it is read again when collected.
        guard reading == nil else { return }
        start(session)
    }

    /// The read's message, once it is done and still current; nil while it runs (or was dropped).
    func collect() -> Message? {
        guard reading != nil else { return nil }
        let (done, wasAsked): (Finished?, Bool) = lock.withLock {
            guard let done = finished else { return (nil, false) }
            finished = nil
            defer { asked = false }
            return (done, asked)
        }
        guard let done else { return nil }
        reading = nil
        if done.writes != writes {
            // Outdated: read again only when a view waits for it.
            if wasAsked, let session {
                lock.withLock { asked = true }
                start(session)
            }
            return nil
        }
        switch done.outcome {
        case .success(let log): return .activityLoaded(log)
        case .failure(let error): return wasAsked ? .failed(String(describing: error)) : nil
        }
    }

    private func start(_ session: StudySession) {
        reading = writes
        let began = writes
        let box = SessionBox(session: session)
        Thread.detachNewThread { [self] in
            let outcome = Result { () throws(StoreError) in try Self.read(box.session) }
            lock.withLock { finished = Finished(outcome: outcome, writes: began) }
        }
    }

    /// Over a second, read-only connection to the same file when it can have one (WAL lets a
    /// reader and the loop's writer work at once); over the session's own otherwise (in memory).
    private static func read(_ session: StudySession) throws(StoreError) -> ActivityLog {
        let store = session.store
        guard store.path != ":memory:", !store.path.isEmpty,
              let own = try? store.readingConnection() else {
            return try session.activity()
        }
        defer { own.close() }
        return try session.reading(from: own).activity()
    }

    /// The session crosses to the reading thread once and is only read there: its notes are
    /// immutable values and its store is Sendable.
    private struct SessionBox: @unchecked Sendable {
        let session: StudySession
    }
}
