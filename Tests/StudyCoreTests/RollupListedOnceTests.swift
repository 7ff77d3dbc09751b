import Testing
import StudyCore

/// A resource listed several times counts once in every topic above its listings: in siblings,
/// cousins, a topic and its own descendant, and not at all in a root that does not list it.
@Suite struct RollupListedOnceTests {
    static func topic(_ id: String, _ resources: [String], _ children: [Topic] = []) -> Topic {
        Topic(id: id, title: id, kind: .heading, source: SourceLocation(file: "t.md", line: 1),
              children: children, resourceIDs: resources)
    }

    static func resource(_ id: String) -> Resource {
        Resource(id: id, title: id, url: nil, description: "", source: SourceLocation(file: "t.md", line: 1),
                 checkbox: nil, effortMinutes: 10)
    }

    /// one ─ x [r, s] ─ x1 [r]
    ///     ├ y ─ y1 [r, t, r]
    ///     └ z [s]
    /// two [t, r]      three [u]
    static let tree: ContentTree = {
        let one = topic("one", [], [topic("x", ["r", "s"], [topic("x1", ["r"])]),
                                    topic("y", [], [topic("y1", ["r", "t", "r"])]),
                                    topic("z", ["s"])])
        let roots = [one, topic("two", ["t", "r"]), topic("three", ["u"])]
        let resources = ["r", "s", "t", "u"].map(resource)
        return ContentTree(roots: roots, resources: Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) }),
                           warnings: [])
    }()

    @Test func everyTopicCountsEachResourceBelowItOnce() {
        let progress = LearnerProgress(statuses: ["r": .done, "s": .skipped])
        let rollup = ProgressRollup(tree: Self.tree, progress: progress)
        let expected: [String: (total: Int, done: Int, skipped: Int, minutes: Int)] = [
            "one": (3, 1, 1, 20), "x": (2, 1, 1, 10), "x1": (1, 1, 0, 10), "y": (2, 1, 0, 20),
            "y1": (2, 1, 0, 20), "z": (1, 0, 1, 0), "two": (2, 1, 0, 20), "three": (1, 0, 0, 10),
        ]
        for (id, want) in expected {
            let tally = rollup.tally(of: id)
            #expect(tally.total == want.total, "\(id) total")
            #expect(tally.done == want.done, "\(id) done")
            #expect(tally.skipped == want.skipped, "\(id) skipped")
            #expect(tally.effortMinutes == want.minutes, "\(id) minutes")
        }
        #expect(rollup.overall.total == 4)
    }
}
