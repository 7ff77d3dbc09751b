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
}
