import Foundation
import Testing
import StudyTestSupport
@testable import StudyCore

/// The fast path of `URLNormalizer.normalize` (a link already in normal form is handed back as
/// it is) against the full rewrite: the check must say "normal" exactly when the rewrite would
/// change nothing, or two spellings of one link would get two resource IDs.
@Suite struct URLNormalFormTests {
    /// Pieces of links, each chosen to hit one rule of the normaliser (or to sit just beside it).
    static let schemes = ["http", "https", "HTTP", "Https", "file", "FILE", "mailto", "ftp", "a+b.c-d", "x1", "", "ht tp", "é"]
    static let separators = ["://", ":", ":/", ":///", "", "//"]
    static let users = ["", "", "", "user@", "u:p@", "A@B@", "@", "Me@"]
    static let hosts = ["example.com", "Example.COM", "a.org", "[::1]", "[::1]:80", "[FE80::1]", "", "h\u{00E9}st", "x_y", "a%41b"]
    static let ports = ["", "", "", ":", ":80", ":443", ":8080", ":0", ":80x", "::443", ":4430"]
    static let paths = ["", "", "/", "//", "/a", "/a/", "/A/b//", "/%2F", "/%2f/", "/ü", "/a:b", "/a@b", "/README", "/x.pdf"]
    static let queries = ["", "", "", "?", "?a=1", "?utm_source=x", "?a=1&UTM_x=2", "?&a", "?a&", "?a&&b", "?utm_", "?utm",
                          "?Utm_a&b", "?a=utm_x", "?a/", "?q=%20"]
    static let fragments = ["", "", "", "#", "#x", "#:~:text=a", "#:~", "#a?b", "#/", "#Sec/", "#a#b"]
    static let spaces = ["", "", "", "", " ", "\t", "\n ", "\u{0B}", "\r"]
    static let noise = [":", "/", "?", "#", "@", "[", "]", "&", "%", "A", "z", " ", "é", "💡", "utm_", "80", "."]

    static func generatedLink(_ random: inout SplitMix) -> String {
        var link = random.pick(spaces) + random.pick(schemes) + random.pick(separators) + random.pick(users)
            + random.pick(hosts) + random.pick(ports) + random.pick(paths) + random.pick(queries)
            + random.pick(fragments) + random.pick(spaces)
        // Now and then a character anywhere, so that no rule is only met in the order above.
        for _ in 0..<random.below(3) where !link.isEmpty {
            let offset = random.below(link.count + 1)
            link.insert(contentsOf: random.pick(noise), at: link.index(link.startIndex, offsetBy: offset))
        }
        return link
    }

    static func assertSameAsRewrite(_ link: String) {
        let rewritten = URLNormalizer.rewrite(link)
        #expect(URLNormalizer.isNormal(link) == (rewritten == link), "normal-form check wrong for \(link.debugDescription)")
        #expect(URLNormalizer.normalize(link) == rewritten, "fast path differs for \(link.debugDescription)")
    }

    @Test func generatedLinksMatchTheFullRewrite() {
        var random = SplitMix(seed: 17)
        var normal = 0
        for _ in 0..<100_000 {
            let link = Self.generatedLink(&random)
            Self.assertSameAsRewrite(link)
            // And on its rewrite, which is most often in normal form: the check's "yes" side.
            Self.assertSameAsRewrite(URLNormalizer.rewrite(link))
            if URLNormalizer.isNormal(link) { normal += 1 }
        }
        // Both answers are common, so both sides of the check are exercised.
        #expect(normal > 10_000 && normal < 90_000, "\(normal) of 100,000 generated links were normal")
    }

    @Test func everyLinkOfTheBundledNotesAndSeedsMatchesTheFullRewrite() throws {
        let links = try Self.bundledAndSeedLinks()
        #expect(links.count > 400)
        for link in links {
            Self.assertSameAsRewrite(link)
            Self.assertSameAsRewrite(link.uppercased())
            Self.assertSameAsRewrite(link + "/")
        }
    }

    /// Every link target written in Content/ (Markdown links, autolinks and bare URLs, found with
    /// a plain pattern, not our parser) and in the seeds' fixture.
    static func bundledAndSeedLinks() throws -> [String] {
        let root = Repository.root as NSString
        var links = try String(contentsOfFile: root.appendingPathComponent("Tests/StudyContentTests/Fixtures/seed-links.txt"),
                               encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let content = root.appendingPathComponent("Content")
        let regex = try NSRegularExpression(pattern: #"\]\(([^)\s]+)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>|(https?://[^\s<>()\]]+)"#)
        let files = FileManager.default.enumerator(atPath: content)?.compactMap { $0 as? String } ?? []
        for name in files.sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOfFile: (content as NSString).appendingPathComponent(name), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...3 {
                    if let range = Range(match.range(at: group), in: text) { links.append(String(text[range])) }
                }
            }
        }
        return links
    }
}
