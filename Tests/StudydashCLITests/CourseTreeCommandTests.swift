import Foundation
import Testing
import StudyTestSupport

/// `tree --json` on a course written the way course repositories are (Fixtures/course): lesson
/// thumbnails written as HTML are the lessons' resources, a table of contents is none, and
/// resources are named by words, not by "source" or "36".
@Suite struct CourseTreeCommandTests {
    private func resources(of topic: [String: Any]) -> [[String: Any]] { topic["resources"] as? [[String: Any]] ?? [] }
    private func child(_ topic: [String: Any]?, _ title: String) -> [String: Any]? {
        (topic?["children"] as? [[String: Any]])?.first { $0["title"] as? String == title }
    }

    @Test func lessonsCountTheirThumbnails() throws {
        let result = try CLI.run(["tree", "--json", "--content", "course"])
        #expect(result.status == 0, "\(result.err)")
        let json = try result.json()
        let root = try #require((json["roots"] as? [[String: Any]])?.first)
        let intro = child(root, "1. Introduction")
        var lessons: [String: [String]] = [:]
        for lesson in (intro?["children"] as? [[String: Any]]) ?? [] {
            lessons[lesson["title"] as? String ?? ""] = resources(of: lesson).compactMap { $0["title"] as? String }
        }
        #expect(lessons == [
            "1.1 What is machine learning": ["Lesson 1.1: What is machine learning"],
            "1.2 Machine learning vs rule-based systems": ["1.2 Machine learning vs rule-based systems"],
            "1.3 Supervised machine learning": ["Supervised [2Jlearning & its tasks"],
            "1.4 CRISP-DM": ["1.4 CRISP-DM"],
        ])
        #expect(intro?["resourceCount"] as? Int == 6)
        let lesson = try #require(child(intro, "1.1 What is machine learning"))
        let lesson11 = try #require(resources(of: lesson).first)
        #expect(lesson11["url"] as? String == "https://www.youtube.com/watch?v=intro11&list=PLcourse")
        #expect(lesson11["source"] as? String == "course/01-intro/README.md:3")
        // No control character from an attribute reaches the output, escaped or not.
        #expect(!result.out.contains("\\u001b") && !result.out.contains("\\u0007"))
    }

    @Test func contentsAreNoResourcesAndTitlesAreWords() throws {
        let json = try CLI.run(["tree", "--json", "--content", "course"]).json()
        let root = try #require((json["roots"] as? [[String: Any]])?.first)
        #expect(child(root, "Table of Contents")?["resourceCount"] as? Int == 0)
        let gettingStarted = try #require(child(root, "Getting started"))
        let started = resources(of: gettingStarted)
        #expect(started.compactMap { $0["title"] as? String } == [
            "Anki", "The course is based on Deep Learning by Goodfellow et al.", "arxiv.org › 1706.03762",
            "The Illustrated Transformer",
        ])
        #expect(started.compactMap { $0["description"] as? String } == [
            "Download the free version of Anki. It's used to review the flash cards.",
            "The course is based on Deep Learning by Goodfellow et al. (source)", "36",
            "attention visualised step by step",
        ])
    }
}
