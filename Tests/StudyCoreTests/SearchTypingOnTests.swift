@testable import StudyCore
import StudyTestSupport
import Testing

/// The search line looks for a query typed on among the last key's hits (the compact list it
/// keeps): for random notes and random typing (letters at the end or anywhere in the line,
/// erasing, new words, phrases, filters), every key finds exactly what a search from scratch
/// finds: the same items in the same order, each with the same field and the same place in it,
/// so the same snippet and highlight. The check any reuse of the last key's work must pass.
@Suite struct SearchTypingOnTests {
    /// Few letters, so that words recur many times in a note and a word typed on is often
    /// first found far after the start of the text, or in a later field.
    static let keys = ["k", "a", "l", "o", "e", "n", "é", " ", " ", "\""]

    /// One key of random typing: a letter typed at the end or at a random place in the line, the
    /// last letter erased, a space and a new word, now and then a filter.
    static func typed(_ text: String, _ random: inout SplitMix) -> String {
        var text = text
        switch random.below(14) {
        case 0 where !text.isEmpty: text.removeLast()
        case 1: text += random.pick([" in:title", " has:annotation", " is:done"])
        case 2, 3, 5, 6, 7:
            let letter = Character(random.pick(["k", "a", "l", "o", "e"]))
            text.insert(letter, at: text.index(text.startIndex, offsetBy: random.below(text.count + 1)))
        case 4: text += " " + random.pick(["ka", "lo", "ne", "e"])
        default: text += random.pick(keys)
        }
        return text
    }

    /// What a user sees of each hit: the item, the field, the place of the match in it and the
    /// snippet quoted around it.
    static func seen(_ hits: SearchHits) -> [String] {
        hits.indices.map { position in
            let entry = hits.entries[position], hit = hits[position]
            return "\(hit.id) \(hit.field) @\(entry.offset) \(entry.keepsOffsets) \(entry.byFilters) \(hit.snippet)"
        }
    }

    @Test(arguments: [3, 17, 29])
    func typingOnFindsWhatASearchFromScratchFinds(seed: UInt64) {
        let generated = SearchNarrowingTests.generate(topics: 60, seed: seed, extra: ["é", "e\u{301}", "kalo", "lo lo"])
        let index = SearchIndex(tree: generated.tree)
        let stamp = Timestamp(milliseconds: 0)
        let progress = LearnerProgress(statuses: ["r1x0": .done, "r2x1": .done], annotations: [
            "r3x0": Annotation(itemID: "r3x0", text: "kalo lone", createdAt: stamp, updatedAt: stamp),
            "t4": Annotation(itemID: "t4", text: "ka ne a", createdAt: stamp, updatedAt: stamp),
            "t7": Annotation(itemID: "t7", text: "loka", createdAt: stamp, updatedAt: stamp),
        ])
        var random = SplitMix(seed: seed &* 7919)
        var narrowed = 0
        for _ in 0..<25 {
            var text = ""
            var previous: (query: SearchQuery, hits: SearchHits)?
            var previousText = ""
            for _ in 0..<24 {
                text = Self.typed(text, &random)
                let query = SearchQuery(text)
                let fresh = index.matches(for: query, progress: progress)
                let typedOn = index.matches(for: query, progress: progress, previous: previous)
                #expect(Self.seen(typedOn) == Self.seen(fresh), "/\(text) after /\(previousText)")
                if let previous, query.narrows(previous.query) { narrowed += 1 }
                previousText = text
                previous = (query, typedOn)
            }
        }
        #expect(narrowed > 100, "most keys looked among the last key's hits")
    }
}
