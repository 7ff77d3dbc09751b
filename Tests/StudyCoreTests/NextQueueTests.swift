import StudyCore
import Testing

/// `next` from a place: what is being learned first, then what is to do from that place on,
/// wrapping to the top; without a place, from the top.
@Suite struct NextQueueTests {
    let tree: ContentTree

    init() {
        let here = SourceLocation(file: "a.md", line: 1)
        func resource(_ id: String) -> Resource {
            Resource(id: id, title: id, url: nil, description: "", source: here, checkbox: nil)
        }
        let alpha = Topic(id: "tAlpha", title: "Alpha", kind: .file, source: here, resourceIDs: ["r1", "r2"])
        let gamma = Topic(id: "tGamma", title: "Gamma", kind: .heading, source: here, resourceIDs: ["r4", "r5"])
        let beta = Topic(id: "tBeta", title: "Beta", kind: .file, source: here, children: [gamma], resourceIDs: ["r3"])
        let root = Topic(id: "tRoot", title: "Root", kind: .root, source: here, children: [alpha, beta])
        tree = ContentTree(roots: [root], resources: Dictionary(uniqueKeysWithValues: (1...5).map { ("r\($0)", resource("r\($0)")) }),
                           warnings: [])
    }

    func next(_ place: StudyPlace?, _ statuses: [String: Status] = [:], limit: Int = 10) -> [String] {
        NextQueue.resources(in: tree, progress: LearnerProgress(statuses: statuses), from: place, limit: limit).map(\.id)
    }

    @Test func withoutAPlaceItStartsAtTheTop() {
        #expect(next(nil, ["r4": .learning, "r2": .done]) == ["r4", "r1", "r3", "r5"])
    }

    @Test func fromAResourceTheTodosStartThereAndWrap() {
        let place = StudyPlace(topicPath: ["tRoot", "tBeta"], resourceID: "r3")
        #expect(next(place, ["r1": .learning, "r4": .skipped]) == ["r1", "r3", "r5", "r2"])
        #expect(next(place, ["r1": .learning, "r4": .skipped], limit: 2) == ["r1", "r3"])
    }

    @Test func aResourceThatLeftStartsAtItsTopicOrTheNearestAncestor() {
        #expect(next(StudyPlace(topicPath: ["tRoot", "tBeta", "tGamma"], resourceID: "rGone")) == ["r4", "r5", "r1", "r2", "r3"])
        #expect(next(StudyPlace(topicPath: ["tRoot", "tBeta", "tGone"])) == ["r3", "r4", "r5", "r1", "r2"])
        #expect(next(StudyPlace(topicPath: ["tGone"])) == ["r1", "r2", "r3", "r4", "r5"])
    }
}
