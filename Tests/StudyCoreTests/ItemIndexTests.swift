import Testing
@testable import StudyCore

/// Where items sit: the one index behind breadcrumbs, stored topic paths and `show`'s listings.
@Suite struct ItemIndexTests {
    static func resource(_ name: String) -> Resource {
        Resource(id: StableID.resource(normalizedURL: "https://\(name).example"), title: name,
                 url: "https://\(name).example/", description: "", source: SourceLocation(file: "a.md", line: 1),
                 checkbox: nil)
    }

    let shared = resource("shared")
    let only = resource("only")

    var tree: ContentTree {
        let first = Topic(id: "tfirst", title: "First", kind: .file, source: SourceLocation(file: "a.md", line: 1),
                          resourceIDs: [shared.id, shared.id])
        let second = Topic(id: "tsecond", title: "Second", kind: .heading, source: SourceLocation(file: "b.md", line: 3),
                           resourceIDs: [only.id, shared.id])
        let area = Topic(id: "tarea", title: "Area", kind: .folder, source: SourceLocation(file: "b", line: 0),
                         children: [second])
        let root = Topic(id: "troot", title: "Notes", kind: .root, source: SourceLocation(file: "", line: 0),
                         children: [first, area])
        return ContentTree(roots: [root], resources: [shared.id: shared, only.id: only], warnings: [])
    }

    @Test func topicsComeInTreeOrderWithTheirParents() {
        let index = ItemIndex(tree: tree)
        #expect(index.topics.map(\.topic.id) == ["troot", "tfirst", "tarea", "tsecond"])
        #expect(index.topic(id: "tsecond")?.titles == ["Notes", "Area", "Second"])
        #expect(index.topic(id: "tnone") == nil)
    }

    @Test func aResourceIsAtHomeUnderTheFirstTopicThatListsIt() {
        let index = ItemIndex(tree: tree)
        #expect(index.home(ofResource: shared.id)?.topic.id == "tfirst")
        #expect(index.trail(of: shared.id) == ["Notes", "First"])
        #expect(index.trail(of: only.id) == ["Notes", "Area", "Second"])
        #expect(index.trail(of: "tarea") == ["Notes", "Area"])
        #expect(index.trail(of: "rnothere000") == nil)
    }

    @Test func everyTopicListingAResourceOnceEvenWhenListedTwice() {
        let index = ItemIndex(tree: tree)
        #expect(index.topics(listing: shared.id).map(\.topic.id) == ["tfirst", "tsecond"])
        #expect(index.topics(listing: only.id).map(\.topic.id) == ["tsecond"])
    }

    @Test func numbersWalkTheTreeByParentsAndSubtrees() {
        let index = ItemIndex(tree: tree)
        #expect(index.rootNumbers == [0])
        #expect(index.children(of: 0) == [1, 2])
        #expect(index.children(of: 2) == [3])
        #expect(index.children(of: 3).isEmpty)
        #expect((0..<4).map(index.parent(of:)) == [nil, 0, 0, 2])
        #expect((0..<4).map(index.depth(of:)) == [0, 1, 1, 2])
        #expect(index.titles(of: 3) == ["Notes", "Area", "Second"])
        #expect(index.topics[3].path.map(\.id) == ["troot", "tarea"])
    }

    /// What a topic's list shows and its bar counts: every resource at or below it once, in the
    /// order the subtree lists them, also when one was listed first outside it.
    @Test func resourcesUnderATopicAreTheTreesOwnAnswerByNumber() {
        let tree = tree
        let index = ItemIndex(tree: tree)
        for number in 0..<index.topicCount {
            let ids = index.resourceNumbers(under: number).map { index.resourceIDs[$0] }
            #expect(ids == tree.resourceIDs(under: index.topic(number: number)), "topic \(number)")
        }
        #expect(index.resourceNumbers(under: 2).map { index.resourceIDs[$0] } == [only.id, shared.id])
        #expect(index.resource(number: 0)?.title == "shared")
    }

    @Test func itemsAreTopicsThenResourcesAsFirstListed() {
        let index = ItemIndex(tree: tree)
        #expect(index.itemIDs == ["troot", "tfirst", "tarea", "tsecond", shared.id, only.id])
        #expect(index.itemCount == 6)
        #expect(index.contains(only.id) && index.contains("troot") && !index.contains("tnone"))
    }
}

/// The ID part of naming an item, shared by the notes' lookup and `relink`'s stored IDs.
@Suite struct IDResolverTests {
    let ids = ["rabc1111111", "rabc2222222", "tqrs3333333"]

    func match(_ query: String) -> IDResolver.Match {
        IDResolver.match(query, isID: ids.contains, candidates: { ids })
    }

    @Test func anExactIDOrAUniquePrefixOfThreeOrMore() {
        #expect(match("tqrs3333333") == .one("tqrs3333333"))
        #expect(match("TQR") == .one("tqrs3333333"))
        #expect(match("tq") == IDResolver.Match.none)
        #expect(match("rabc") == .several(["rabc1111111", "rabc2222222"]))
        #expect(match("rabd") == IDResolver.Match.none)
    }

    @Test func aLinkNamesTheResourceMadeFromIt() {
        let id = StableID.resource(normalizedURL: "https://semver.org")
        let found = IDResolver.match("HTTPS://SEMVER.ORG/?utm_source=x", isID: { $0 == id }, candidates: { [id] })
        #expect(found == .one(id))
    }

    @Test func candidatesAreNotListedForAnExactID() {
        var asked = false
        _ = IDResolver.match("rabc1111111", isID: ids.contains, candidates: { asked = true; return ids })
        #expect(!asked)
    }
}
