import Foundation
import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// The study notes in ../shared/seeds are real-world notes: loading them as a notes folder
/// must turn every link in them into a resource.
@Suite struct SeedsTests {
    @Test func everySeedLinkBecomesAResource() throws {
        guard let seeds = Repository.seedsFolder else {
            print("⚠️  SKIPPED: ../shared/seeds is absent beside the repository; seed loading not checked")
            return
        }
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
    static func all(in folder: String) throws -> [String] {
        var links: [String] = []
        let regex = try NSRegularExpression(pattern: #"https?://[^\s<>\]]+"#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                links.append(trimmed(String(text[Range(match.range, in: text)!])))
            }
        }
        return links
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
