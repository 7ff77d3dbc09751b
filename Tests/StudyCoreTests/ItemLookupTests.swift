import Testing
@testable import StudyCore

@Suite struct ItemLookupTests {
    let tree: ContentTree = {
        let semver = Resource(id: StableID.resource(normalizedURL: "https://semver.org"), title: "Semantic Versioning",
                              url: "https://semver.org/", description: "", source: SourceLocation(file: "a.md", line: 3),
                              checkbox: nil)
        let commits = Resource(id: StableID.resource(normalizedURL: "https://www.conventionalcommits.org"),
                               title: "Conventional Commits", url: "https://www.conventionalcommits.org/",
                               description: "", source: SourceLocation(file: "a.md", line: 4), checkbox: nil)
        let versioning = Topic(id: StableID.topic(path: ["Versioning"]), title: "Versioning", kind: .file,
                               source: SourceLocation(file: "a.md", line: 1), resourceIDs: [semver.id, commits.id])
        let storage = Topic(id: StableID.topic(path: ["Hot storage"]), title: "Hot storage", kind: .file,
                            source: SourceLocation(file: "b.md", line: 1))
        let cold = Topic(id: StableID.topic(path: ["Cold storage"]), title: "Cold storage", kind: .file,
                         source: SourceLocation(file: "c.md", line: 1))
        let root = Topic(id: "troot", title: "Notes", kind: .root, source: SourceLocation(file: "notes", line: 0),
                         children: [versioning, storage, cold])
        return ContentTree(roots: [root], resources: [semver.id: semver, commits.id: commits], warnings: [])
    }()

    @Test func byExactID() throws {
        let id = StableID.resource(normalizedURL: "https://semver.org")
        guard case .found(let item) = ItemLookup(tree: tree).find(id) else { Issue.record("not found"); return }
        #expect(item.title == "Semantic Versioning")
    }

    @Test func byUniquePrefix() {
        let id = StableID.topic(path: ["Versioning"])
        guard case .found(let item) = ItemLookup(tree: tree).find(String(id.prefix(6))) else {
            Issue.record("not found")
            return
        }
        #expect(item.id == id)
    }

    @Test func byURLInAnotherSpelling() {
        guard case .found(let item) = ItemLookup(tree: tree).find("HTTPS://SEMVER.ORG/?utm_source=x") else {
            Issue.record("not found")
            return
        }
        #expect(item.title == "Semantic Versioning")
    }

    @Test func byTitleExactThenPart() {
        guard case .found(let exact) = ItemLookup(tree: tree).find("versioning") else { Issue.record("exact"); return }
        #expect(exact.title == "Versioning")
        guard case .found(let part) = ItemLookup(tree: tree).find("conventional") else { Issue.record("part"); return }
        #expect(part.title == "Conventional Commits")
    }

    @Test func ambiguousTitleListsCandidates() {
        guard case .ambiguous(let candidates) = ItemLookup(tree: tree).find("storage") else {
            Issue.record("expected ambiguity")
            return
        }
        #expect(Set(candidates.map(\.title)) == ["Hot storage", "Cold storage"])
    }

    @Test func unknownIsNotFound() {
        guard case .notFound = ItemLookup(tree: tree).find("quantum gravity") else { Issue.record("found"); return }
    }

    /// A topic and a resource with the same title, as the bundled "Kubernetes" is both.
    let shared: ContentTree = {
        let docs = Resource(id: StableID.resource(normalizedURL: "https://kubernetes.io"), title: "Kubernetes",
                            url: "https://kubernetes.io/", description: "", source: SourceLocation(file: "k.md", line: 3),
                            checkbox: nil)
        let topic = Topic(id: StableID.topic(path: ["Kubernetes"]), title: "Kubernetes", kind: .file,
                          source: SourceLocation(file: "k.md", line: 1), resourceIDs: [docs.id])
        let other = Topic(id: StableID.topic(path: ["Orchestration", "kubernetes"]), title: "kubernetes", kind: .heading,
                          source: SourceLocation(file: "o.md", line: 1))
        let orchestration = Topic(id: StableID.topic(path: ["Orchestration"]), title: "Orchestration", kind: .file,
                                  source: SourceLocation(file: "o.md", line: 1), children: [other])
        let root = Topic(id: "troot", title: "Notes", kind: .root, source: SourceLocation(file: "notes", line: 0),
                         children: [topic, orchestration])
        return ContentTree(roots: [root], resources: [docs.id: docs], warnings: [])
    }()

    @Test func aTopicWinsAnExactTieWithAResource() {
        let onlyOne = ContentTree(roots: [Topic(id: "troot", title: "Notes", kind: .root,
                                                source: SourceLocation(file: "notes", line: 0),
                                                children: [shared.roots[0].children[0]])],
                                  resources: shared.resources, warnings: [])
        guard case .found(let item) = ItemLookup(tree: onlyOne).find("Kubernetes") else {
            Issue.record("a topic and a resource of one title should resolve to the topic")
            return
        }
        guard case .topic = item else { Issue.record("found the resource"); return }
        #expect(item.id == StableID.topic(path: ["Kubernetes"]))
    }

    @Test func twoTopicsOfOneTitleStayAmbiguousWithoutTheResource() {
        guard case .ambiguous(let candidates) = ItemLookup(tree: shared).find("kubernetes") else {
            Issue.record("expected ambiguity")
            return
        }
        #expect(candidates.map(\.id) == [StableID.topic(path: ["Kubernetes"]), StableID.topic(path: ["Orchestration", "kubernetes"])])
    }

    @Test func everyItemHasAPlace() {
        let lookup = ItemLookup(tree: shared)
        let docs = StableID.resource(normalizedURL: "https://kubernetes.io")
        #expect(lookup.item(id: docs).map(lookup.place) == ["Notes", "Kubernetes"])
        let heading = StableID.topic(path: ["Orchestration", "kubernetes"])
        #expect(lookup.item(id: heading).map(lookup.place) == ["Notes", "Orchestration"])
    }
}
