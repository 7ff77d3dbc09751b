import Foundation
import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// The study notes in ../shared/seeds are real-world notes that the bundled curriculum must cover.
/// Their links (facts, not the notes' text) are kept in the repository as
/// `Fixtures/seed-links.txt`, so that Content/ is checked against them in any clone; the fixture
/// itself is checked against ../shared/seeds where that folder exists. To regenerate it:
/// `STUDYDASH_REGENERATE_SEED_LINKS=1 swift test --filter SeedsTests`.
@Suite struct SeedsTests {
    static let seedsAbsent = "../shared/seeds is absent beside the repository"

    @Test func contentHasEverySeedLinkAsAResource() throws {
        let links = try SeedLinks.fixture()
        #expect(links.count >= 80)
        let tree = try ContentLoader.load(folders: [BundledContentTests.folder])
        let present = Set(tree.resources.values.compactMap { $0.url.map(URLNormalizer.normalize) })
        let missing = links.filter { !present.contains(URLNormalizer.normalize($0)) }
        #expect(missing == [], "seed links missing from Content/")
    }

    @Test(.enabled(if: Repository.seedsFolder != nil, Comment(rawValue: seedsAbsent)))
    func fixtureListsExactlyTheSeedsLinks() throws {
        let seeds = try #require(Repository.seedsFolder)
        let links = SeedLinks.normalizedSet(try SeedLinks.all(in: seeds))
        if ProcessInfo.processInfo.environment["STUDYDASH_REGENERATE_SEED_LINKS"] == "1" {
            try SeedLinks.writeFixture(links)
        }
        #expect(try SeedLinks.fixture() == links, "regenerate with STUDYDASH_REGENERATE_SEED_LINKS=1")
    }

    @Test(.enabled(if: Repository.seedsFolder != nil, Comment(rawValue: seedsAbsent)))
    func everySeedLinkBecomesAResource() throws {
        let seeds = try #require(Repository.seedsFolder)
        let tree = try ContentLoader.load(folders: [seeds])
        let links = try SeedLinks.all(in: seeds)
        #expect(links.count >= 80)
        let loaded = Set(tree.resources.values.compactMap { $0.url.map(URLNormalizer.normalize) })
        let missing = links.filter { !loaded.contains(URLNormalizer.normalize($0)) }
        #expect(missing.isEmpty, "seed links that are not resources: \(missing)")
        #expect(tree.warnings.isEmpty)
    }
}

/// Every http(s) link written in the seed files, found with a plain pattern (not our parser).
enum SeedLinks {
    static let fixturePath = (Repository.root as NSString)
        .appendingPathComponent("Tests/StudyContentTests/Fixtures/seed-links.txt")

    static func all(in folder: String) throws -> [String] {
        var links: [String] = []
        let regex = try NSRegularExpression(pattern: #"https?://[^\s<>\]]+"#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                links.append(trimmed(String(text[range])))
            }
        }
        return links
    }

    /// The links as the fixture keeps them: each once, sorted, so that a diff of it reads well.
    static func normalizedSet(_ links: [String]) -> [String] { Array(Set(links)).sorted() }

    /// The fixture's links; lines starting with `#` are comments.
    static func fixture() throws -> [String] {
        try String(contentsOfFile: fixturePath, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func writeFixture(_ links: [String]) throws {
        let header = """
            # Every http(s) link in ../shared/seeds/*.txt, once each, sorted. Content/ must have each as a
            # resource (SeedsTests). Regenerate: STUDYDASH_REGENERATE_SEED_LINKS=1 swift test --filter SeedsTests

            """
        try Data((header + links.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: fixturePath))
    }

    /// A link written in Markdown ends at the `)` that closes it; parentheses inside stay balanced.
    static func trimmed(_ link: String) -> String {
        var result = ""
        var depth = 0
        for character in link {
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            result.append(character)
        }
        return result
    }
}
