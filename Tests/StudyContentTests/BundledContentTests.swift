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

    /// How many bundled resources carry an estimate (the capstone steps and the sources whose
    /// length is known, see Content/README.md); a later edit may add more, never silently lose one.
    static let estimatedResources = 68

    @Test func effortEstimatesParseToPlausibleDurations() throws {
        let tree = try ContentLoader.load(folders: [Self.folder])
        let estimated = tree.resources.values.filter { $0.effortMinutes != nil }
        for resource in estimated {
            let minutes = resource.effortMinutes ?? 0
            #expect((1...200 * 60).contains(minutes), "\(resource.source): '\(resource.title)' is estimated at \(minutes) min")
        }
        #expect(estimated.count >= Self.estimatedResources)
    }

    /// A bracketed duration at the end of a line is meant as an estimate; one the parser does not
    /// read (a typo in the unit, a word after it) would silently drop out of the time left.
    @Test func everyWrittenEstimateIsRead() throws {
        let tree = try ContentLoader.load(folders: [Self.folder])
        // Where each resource is listed (its file as the loader names it, and its line) → its estimate.
        var estimates: [StudyCore.SourceLocation: Int] = [:]
        for resource in tree.resources.values {
            for place in resource.occurrences { estimates[place] = resource.effortMinutes }
        }
        let listItem = try Regex(#"\s*[-*] .*"#)
        let endsInDuration = try Regex(#"[(\[][^()\[\]]*\d[^()\[\]]*\b(m|min|mins|minutes?|h|hrs?|hours?)\b[^()\[\]]*[)\]]\.?$"#)
        var written = 0
        let files = FileManager.default.enumerator(atPath: Self.folder)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".md") {
            let text = try String(contentsOfFile: (Self.folder as NSString).appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.wholeMatch(of: listItem) != nil && line.contains(endsInDuration) {
                written += 1
                let read = estimates.first { $0.key.line == index + 1 && $0.key.file.hasSuffix(file) }?.value
                #expect(read != nil, "\(file):\(index + 1): an estimate the parser does not read")
            }
        }
        #expect(written >= Self.estimatedResources)
    }
}
