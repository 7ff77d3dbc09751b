import Foundation
import StudyApp
import StudyContent
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// `revisit` on a real store, in Berlin's time zone around the start of summer time: a topic
/// finished late in the evening is due the next local day, a revisit moves it up the ladder,
/// undo takes the revisit back, and a topic with something to do is refused with the reason.
@Suite struct RevisitActionTests {
    final class Now: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Timestamp(milliseconds: 0)
        func set(_ iso: String) { lock.withLock { value = Timestamp(iso8601: iso) ?? Timestamp(milliseconds: 0) } }
        var clock: Clock { Clock { [self] in lock.withLock { value } } }
    }

    let folder: TemporaryFolder
    let session: StudySession
    let now = Now()
    let berlin = LocalZone.named("Europe/Berlin") ?? .system

    init() throws {
        folder = try TemporaryFolder([
            "notes/01-alpha.md": "# Alpha\n\n- [One](https://one.example/)\n- [Two](https://two.example/)\n",
        ])
        session = StudySession(tree: try ContentLoader.load(folders: [folder.url("notes")]),
                               store: try ProgressStore(path: folder.url("progress.sqlite"), clock: now.clock))
    }

    var alpha: Topic {
        get throws {
            guard case .found(.topic(let topic, _)) = session.lookup.find("Alpha") else { throw Missing() }
            return topic
        }
    }

    struct Missing: Error {}

    func due() throws -> [String] {
        try session.dueRevisits(progress: try session.progress(), in: berlin).map(\.topic.title)
    }

    @Test func aRevisitClimbsTheLadderByLocalDaysAndUndoTakesItBack() throws {
        // 23:30 in Berlin on Saturday 28 March (UTC+1); summer time starts that night.
        now.set("2026-03-28T22:30:00Z")
        _ = try session.mark(.done, items: [.topic(try alpha, path: [])])
        #expect(try due() == [])
        // 00:30 local on the 29th is still the 28th in UTC: due by the local day.
        now.set("2026-03-28T23:30:00Z")
        #expect(try due() == ["Alpha"])

        let outcome = try session.revisit(topicID: try alpha.id, in: berlin)
        #expect(outcome.summary == "revisited 'Alpha'; next revisit in 7 days (5 Apr)")
        #expect(outcome.after.rung == 2)
        #expect(try due() == [])

        // A second revisit the same day is refused, saying when the next is due.
        #expect(throws: ActionError.self) { try session.revisit(topicID: try alpha.id, in: berlin) }
        do {
            _ = try session.revisit(topicID: try alpha.id, in: berlin)
        } catch {
            #expect(String(describing: error) == "'Alpha' is not due for a revisit until 5 Apr (in 7 days)")
        }

        // 5 April, 00:30 in summer time (UTC+2) is 4 April 22:30 UTC: due by the local day.
        now.set("2026-04-04T22:30:00Z")
        #expect(try due() == ["Alpha"])

        let undone = try #require(try session.undo())
        #expect(undone.events.map(\.kind) == [.revisit])
        now.set("2026-03-29T10:00:00Z")
        #expect(try due() == ["Alpha"])
    }

    @Test func aTopicWithSomethingToDoIsRefusedAndLeavesTheList() throws {
        now.set("2026-03-01T10:00:00Z")
        _ = try session.mark(.done, items: [.topic(try alpha, path: [])])
        now.set("2026-03-05T10:00:00Z")
        #expect(try due() == ["Alpha"])
        guard case .found(let one) = session.lookup.find("One") else { throw Missing() }
        _ = try session.mark(.todo, items: [one])
        #expect(try due() == [])
        do {
            _ = try session.revisit(topicID: try alpha.id, in: berlin)
            Issue.record("a topic with a todo was revisited")
        } catch {
            #expect(String(describing: error) == "'Alpha' is not finished (1 still to do); revisits start once every resource is done")
        }
        // Done again on the 5th: the first rung again, due on the 6th.
        _ = try session.mark(.done, items: [one])
        #expect(try due() == [])
        now.set("2026-03-06T10:00:00Z")
        #expect(try due() == ["Alpha"])
    }
}
