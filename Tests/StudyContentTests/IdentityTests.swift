import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// IDs survive the edits a learner makes to notes.
@Suite struct IdentityTests {
    private func ids(_ files: [String: String]) throws -> (resources: [String: String], topics: [String: String]) {
        let loaded = try Loaded(files)
        var topics: [String: String] = [:]
        loaded.tree.forEachTopic { topic, _ in topics[topic.title] = topic.id }
        let resources = Dictionary(uniqueKeysWithValues: loaded.tree.resources.values.map { ($0.title, $0.id) })
        return (resources, topics)
    }

    @Test func resourceIDsSurviveProseEditsReorderingAndMoves() throws {
        let before = try ids([
            "01-a.md": "# A\nOld prose.\n- [One](https://a.org/one)\n- [Two](https://a.org/two)\n",
            "02-b.md": "# B\n- [Three](https://a.org/three)\n",
        ])
        let after = try ids([
            "01-a.md": "# A\nNew, longer prose.\n\n## New heading\n- [Two](https://a.org/two)\n",
            "02-b.md": "# B\n- [Three](https://a.org/three)\n- [One](https://a.org/one)\n",
        ])
        #expect(before.resources == after.resources)
        #expect(before.topics["A"] == after.topics["A"])
    }

    @Test func retitlingAResourceKeepsItsID() throws {
        let before = try ids(["a.md": "# A\n- [Old title](https://a.org/x)\n"])
        let after = try ids(["a.md": "# A\n- [New title](https://a.org/x/?utm_source=feed)\n"])
        #expect(before.resources["Old title"] == after.resources["New title"])
    }

    @Test func renamingAFileKeepsTopicIDsWhenTheTitleStays() throws {
        let before = try ids(["01-a.md": "# Alpha\n## Sub\ntext\n"])
        let after = try ids(["07-renamed.md": "# Alpha\n## Sub\ntext\n"])
        #expect(before.topics["Alpha"] == after.topics["Alpha"])
        #expect(before.topics["Sub"] == after.topics["Sub"])
    }

    @Test func theSameURLUnderTwoTopicsIsOneResourceListedUnderBoth() throws {
        let loaded = try Loaded([
            "a.md": "# A\n- [Kubernetes](https://kubernetes.io/)\n",
            "b.md": "# B\n- [K8s docs](HTTPS://Kubernetes.io)\n",
        ])
        #expect(loaded.tree.resources.count == 1)
        let resource = try #require(loaded.tree.resources.values.first)
        #expect(resource.occurrences.count == 2)
        #expect(loaded.topic("A")?.resourceIDs == [resource.id])
        #expect(loaded.topic("B")?.resourceIDs == [resource.id])
        #expect(loaded.tree.duplicates.map(\.id) == [resource.id])
    }

    /// A topic lists each resource once, where it is first listed, whether the link was met
    /// before elsewhere (x), first met here (y), or first met after a repeat (z); every listing
    /// is still an occurrence.
    @Test func aLinkRepeatedInOneTopicIsListedThereOnce() throws {
        let loaded = try Loaded([
            "01-a.md": "# A\n- [x](https://x.org)\n",
            "02-b.md": """
                # B
                - [y](https://y.org)
                - [x](https://x.org)
                - [y again](https://y.org/)
                - [z](https://z.org)
                - [x again](https://x.org)
                - [z again](https://z.org)
                """,
        ])
        let x = try #require(loaded.resource(titled: "x"))
        let y = try #require(loaded.resource(titled: "y"))
        let z = try #require(loaded.resource(titled: "z"))
        #expect(loaded.topic("B")?.resourceIDs == [y.id, x.id, z.id])
        #expect([x.occurrences.count, y.occurrences.count, z.occurrences.count] == [3, 2, 2])
        // In load order, the first one its source.
        #expect(x.occurrences.map(\.line) == [2, 3, 6])
        #expect(x.occurrences.first == x.source)
    }

    @Test func sameTitledSiblingTopicsGetDistinctIDs() throws {
        let loaded = try Loaded(["a.md": "# A\n## Resources\n- [x](https://a.org/1)\n## Resources\n- [y](https://a.org/2)\n"])
        let children = try #require(loaded.topic("A")).children
        #expect(children.count == 2)
        #expect(children[0].id != children[1].id)
    }

    @Test func idsDoNotDependOnWhereTheContentFolderIs() throws {
        let files = ["x.md": "# X\n- [R](https://a.org/r)\n"]
        let first = try Loaded(files)
        let second = try Loaded(files)
        #expect(first.folder.path != second.folder.path)
        #expect(first.topic("X")?.id == second.topic("X")?.id)
    }

    @Test func multipleContentFoldersLoadAsSeparateRoots() throws {
        let one = try TemporaryFolder(["a.md": "# A\n"])
        let two = try TemporaryFolder(["b.md": "# B\n"])
        let tree = try ContentLoader.load(folders: [one.path, two.path])
        #expect(tree.roots.count == 2)
        #expect(tree.roots[0].id != tree.roots[1].id)
    }
}
