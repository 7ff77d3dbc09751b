import StudyCore
import StudyTestSupport
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
        NextQueue.resources(in: ItemIndex(tree: tree), tree: tree, progress: LearnerProgress(statuses: statuses),
                            from: place, limit: limit).map(\.id)
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

    /// The whole curriculum's queue, read through the index from the place on, is the one the
    /// walk of every resource gives: for every place, statuses and limit, on notes that list
    /// resources under several topics and twice in one.
    @Test func theIndexedQueueIsTheWalkOfEveryResource() {
        let here = SourceLocation(file: "a.md", line: 1)
        let ids = (1...7).map { "r\($0)" }
        let a = Topic(id: "tA", title: "A", kind: .file, source: here, resourceIDs: ["r1", "r2", "r1"])
        let c = Topic(id: "tC", title: "C", kind: .heading, source: here, resourceIDs: ["r5", "r2", "r6", "r5"])
        let b = Topic(id: "tB", title: "B", kind: .file, source: here, children: [c], resourceIDs: ["r3", "r4"])
        let d = Topic(id: "tD", title: "D", kind: .file, source: here, resourceIDs: ["r6", "r7", "r3", "rMissing"])
        let root = Topic(id: "tRoot", title: "Root", kind: .root, source: here, children: [a, b, d])
        let tree = ContentTree(
            roots: [root],
            resources: Dictionary(uniqueKeysWithValues: ids.map {
                ($0, Resource(id: $0, title: $0, url: nil, description: "", source: here, checkbox: $0 == "r7" ? true : nil))
            }),
            warnings: [])
        let index = ItemIndex(tree: tree)
        var places: [StudyPlace?] = [nil, StudyPlace(topicPath: ["tGone"])]
        for id in ids + ["rGone"] { places.append(StudyPlace(topicPath: ["tRoot", "tB", "tC"], resourceID: id)) }
        for path in [["tRoot"], ["tRoot", "tA"], ["tRoot", "tB"], ["tRoot", "tB", "tC"], ["tRoot", "tD"], ["tRoot", "tD", "tGone"]] {
            places.append(StudyPlace(topicPath: path))
        }
        let statuses: [Status?] = [nil, .todo, .learning, .done, .skipped]
        var random = SplitMix(seed: 17)
        for _ in 0..<300 {
            var stored: [String: Status] = [:]
            for id in ids + ["rOrphan"] {
                if let status = statuses[Int(random.next() % 5)] { stored[id] = status }
            }
            let progress = LearnerProgress(statuses: stored)
            let place = places[Int(random.next() % UInt64(places.count))]
            let limit = Int(random.next() % 9)
            let walked = NextQueue.resources(in: tree, progress: progress, from: place, limit: limit).map(\.id)
            let indexed = NextQueue.resources(in: index, tree: tree, progress: progress, from: place, limit: limit).map(\.id)
            #expect(indexed == walked, "statuses \(stored), place \(String(describing: place)), limit \(limit)")
        }
    }
}
