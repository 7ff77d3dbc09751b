import Testing
@testable import StudyCore

@Suite struct StableIDTests {
    /// These values are stored in learners' databases: they must never change.
    @Test func knownValuesNeverChange() {
        #expect(StableID.resource(normalizedURL: "https://semver.org") == "r7vchwhqxwt")
        #expect(StableID.topic(path: ["Technical Foundations", "Linear algebra"]) == "t3r3k2m8kwh")
        #expect(StableID.task(topicPath: ["Reading"], title: "Finish chapter 3") == "rjb4nxzadre")
    }

    /// A path key extended title by title hashes exactly the bytes the joined path did, for
    /// topics and task items, at any depth (the root's empty first title included).
    @Test func aGrowingPathKeyGivesTheSameIDsAsTheWholePath() {
        func joined(_ prefix: String, _ titles: [String]) -> String {
            StableID.encode(StableID.hash(prefix + titles.map(StableID.fold).joined(separator: "/")))
        }
        let paths: [[String]] = [[], [""], ["", "Root"], ["A"], ["Technical Foundations", "Linear  Algebra"],
                                 [String(repeating: "t", count: 30_000), "Ünïcode  Title", "x #2"],
                                 // Folded on the way into the hash: edges, tabs and line ends, capitals.
                                 ["  Lead\tand\r\ntrail  ", " ", "\t\u{0B}\u{0C}", "ALL CAPS [x]", "mixed Ünï then ASCII"]]
        for path in paths {
            var key = StableID.PathKey.empty
            for title in path { key = key.appending(title) }
            #expect(key.topicID == "t" + joined("topic ", path), "\(path.map(\.count))")
            #expect(key.taskID(title: "Finish  Chapter 3") == "r" + joined("task ", path + ["Finish  Chapter 3"]))
        }
    }

    @Test func shape() {
        let id = StableID.resource(normalizedURL: "https://example.com")
        #expect(id.count == 11)
        #expect(id.hasPrefix("r"))
        #expect(id.dropFirst().allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) })
        #expect(StableID.topic(path: ["A"]).hasPrefix("t"))
    }

    @Test func topicIDsIgnoreCaseAndSpacing() {
        #expect(StableID.topic(path: ["Data", "Object  storage"]) == StableID.topic(path: ["data", "object storage"]))
        #expect(StableID.topic(path: ["Data", "Object storage"]) != StableID.topic(path: ["Data", "Block storage"]))
    }

    @Test func nearIdenticalURLsGetDifferentIDs() {
        var seen = Set<String>()
        for index in 0..<20_000 {
            seen.insert(StableID.resource(normalizedURL: "https://example.com/page/\(index)"))
        }
        #expect(seen.count == 20_000)
    }

    /// A resource's key is `url ` then the URL, hashed as one string: kept that way for any
    /// URL (empty, non-ASCII, long), since stored progress is keyed by it.
    @Test(arguments: ["", "https://semver.org", "http://a.org/caf\u{E9}", "https://x.org/\u{1F4A1}?q=1#top",
                      String(repeating: "https://long.example/", count: 200), "file:///tmp/x.pdf", "url "])
    func resourceHashesTheURLKey(_ url: String) {
        #expect(StableID.resource(normalizedURL: url) == "r" + StableID.digest("url " + url))
    }
}
