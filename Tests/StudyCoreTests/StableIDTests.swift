import Testing
@testable import StudyCore

@Suite struct StableIDTests {
    /// These values are stored in learners' databases: they must never change.
    @Test func knownValuesNeverChange() {
        #expect(StableID.resource(normalizedURL: "https://semver.org") == "r7vchwhqxwt")
        #expect(StableID.topic(path: ["Technical Foundations", "Linear algebra"]) == "t3r3k2m8kwh")
        #expect(StableID.task(topicPath: ["Reading"], title: "Finish chapter 3") == "rjb4nxzadre")
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
}
