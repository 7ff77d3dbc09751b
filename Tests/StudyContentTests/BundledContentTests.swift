import Foundation
import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// The curriculum shipped in Content/: loads cleanly, and every area and topic comes with a real
/// note (SeedsTests checks that it covers every seed link).
@Suite struct BundledContentTests {
    static let folder = (Repository.root as NSString).appendingPathComponent("Content")

    @Test func loadsWithoutWarningsOrEmptyTopics() throws {
        let tree = try ContentLoader.load(folders: [Self.folder])
        #expect(tree.warnings.map(\.description) == [])
        #expect(tree.emptyTopics.map(\.title) == [])
        #expect(tree.roots[0].title == "MLOps & ML Engineering")
    }

    @Test func everyAreaAndTopicHasANoteWorthReading() throws {
        let tree = try ContentLoader.load(folders: [Self.folder])
        tree.forEachTopic { topic, path in
            guard topic.kind == .folder || topic.kind == .file else { return }
            let words = topic.note.split(whereSeparator: \.isWhitespace).count
            #expect(words >= 60, "\(topic.source): '\(topic.title)' has a note of \(words) words")
            for placeholder in ["TODO", "TBD", "lorem ipsum", "FIXME"] {
                #expect(!topic.note.contains(placeholder), "\(topic.source): placeholder '\(placeholder)'")
            }
        }
    }

    @Test func resourcesHaveRealTitlesAndDescriptions() throws {
        let tree = try ContentLoader.load(folders: [Self.folder])
        for resource in tree.resources.values {
            // A task item without a link (a capstone step) is its own instruction: it needs a
            // checkbox and a full sentence instead of a link and a description.
            guard resource.url != nil else {
                #expect(resource.checkbox != nil, "\(resource.source): '\(resource.title)' has no link")
                #expect(resource.title.split(separator: " ").count >= 8,
                        "\(resource.source): task '\(resource.title)' needs a full instruction")
                continue
            }
            let title = resource.title.lowercased()
            #expect(!["link", "here", "this", "click here"].contains(title), "\(resource.source): title '\(resource.title)'")
            // A product named after its domain ("neptune.ai") is fine; a URL path is not a title.
            let isBareURL = resource.url.map { URLNormalizer.displayTitle($0) == resource.title } ?? false
            #expect(!title.hasPrefix("http") && !(isBareURL && resource.title.contains("/")),
                    "\(resource.source): bare URL as title")
            #expect(resource.description.count >= 20, "\(resource.source): '\(resource.title)' needs a description")
        }
    }
}
