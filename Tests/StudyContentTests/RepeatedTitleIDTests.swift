import Testing
import StudyContent
@testable import StudyCore
import StudyText

/// Topics that share a path of titles are told apart by rank ("Resources", "Resources #2", …).
/// Stored progress is keyed by these IDs, so the values below are pinned: they were produced by
/// the first implementation and must never change.
@Suite struct RepeatedTitleIDTests {
    /// Repeated headings at two levels, a heading that is literally titled like a rank, a title
    /// repeated after that, and two files with the same title.
    static let fixture = [
        "01-a.md": """
            # A
            ## Resources
            ## Resources #2
            ## Resources
            ## Resources
            ### Resources
            ### Resources
            ## Notes
            ### Resources
            ### Resources
            ## Resources #3
            ## Resources
            """,
        "02-b.md": "# A\n## Resources\n",
        "03-c.md": "# A\n",
    ]

    private func idsInOrder(_ files: [String: String]) throws -> [String] {
        let loaded = try Loaded(files)
        var ids: [String] = []
        // The root's ID comes from the scratch folder's random name, so it is left out.
        loaded.tree.forEachTopic { topic, path in
            guard !path.isEmpty else { return }
            ids.append((path.dropFirst() + [topic]).map(\.title).joined(separator: "/") + " " + topic.id)
        }
        return ids
    }

    @Test func repeatedTitlesKeepTheirPinnedIDs() throws {
        let ids = try idsInOrder(Self.fixture)
        #expect(ids == [
            "A tqp2fhwra90",
            "A/Resources tcewj64map1",
            "A/Resources #2 tcqkqxm2ehr",
            "A/Resources tx44c66bxtr",
            "A/Resources t4nft85bwj3",
            "A/Resources/Resources tm19qcrnef4",
            "A/Resources/Resources tzrt82x66qn",
            "A/Notes ta19dpr31x2",
            "A/Notes/Resources t4tr11nj9tz",
            "A/Notes/Resources tanjyhpbmce",
            "A/Resources #3 t70q5kdbf62",
            "A/Resources tqh961gsfy7",
            "A ty9xkr7a2pm",
            "A/Resources tgmavchqpjv",
            "A twby9w5n6ha",
        ])
    }

    /// 400 copies of one long heading (the quadratic case of issue 11): the k-th is "title #k".
    @Test func manyCopiesOfOneLongHeadingAreRankedInOrder() throws {
        let title = String(repeating: "long heading ", count: 420)
        let copies = 400
        let loaded = try Loaded(["a.md": "# A\n" + String(repeating: "## \(title)\n", count: copies)])
        let ids = try #require(loaded.topic("A")).children.map(\.id)
        let heading = title.trimmingWhitespace()
        let expected = [StableID.topic(path: ["A", heading])]
            + (2...copies).map { StableID.topic(path: ["A", "\(heading) #\($0)"]) }
        #expect(ids == expected)
    }
}
