import StudyCore
import StudyTestSupport
import Testing

/// Search over generated notes, many random queries each: what the index finds is what a plain
/// reading of the texts finds, and what the search line finds by looking among the last key's
/// hits is exactly what a search from scratch finds (order, field, snippet).
@Suite struct SearchNarrowingTests {
    static let here = SourceLocation(file: "a.md", line: 1)
    /// Few syllables, so that random words share many prefixes and substrings, as a learner's
    /// typing does; capitals, so that case folding is tried too.
    static let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "ab", "Ka", "LO", "l", "e"]

    struct Generated {
        var tree: ContentTree
        /// In curriculum order: (id, title, description, url, note) of every item.
        var items: [(id: String, fields: [SearchField: String])]
    }

    static func word(_ random: inout SplitMix, extra: [String] = []) -> String {
        (0..<(1 + random.below(3))).map { _ in random.pick(syllables + extra) }.joined()
    }

    /// Words separated by one space or one line break (a note's wrapped line).
    static func words(_ count: Int, _ random: inout SplitMix, extra: [String] = []) -> String {
        var text = ""
        for number in 0..<count {
            if number > 0 { text += random.below(6) == 0 ? "\n" : " " }
            text += word(&random, extra: extra)
        }
        return text
    }

    /// A root and `topics` topics under it, each with a note and two resources of its own; `extra`
    /// syllables (non-ASCII ones, say) mixed into the words.
    static func generate(topics: Int, seed: UInt64, extra: [String] = []) -> Generated {
        var random = SplitMix(seed: seed)
        var children: [Topic] = []
        var resources: [String: Resource] = [:]
        var items: [(id: String, fields: [SearchField: String])] = [("tRoot", [.title: "Root"])]
        for number in 0..<topics {
            var listed: [String] = []
            var listedItems: [(id: String, fields: [SearchField: String])] = []
            for side in 0..<2 {
                let id = "r\(number)x\(side)"
                let title = words(1 + random.below(4), &random, extra: extra)
                let description = words(random.below(12), &random, extra: extra)
                let url = random.below(3) == 0 ? nil : "https://\(word(&random)).example/\(word(&random))"
                resources[id] = Resource(id: id, title: title, url: url, description: description, source: here, checkbox: nil)
                listed.append(id)
                listedItems.append((id, [.title: title, .description: description, .url: url ?? ""]))
            }
            let title = words(1 + random.below(3), &random, extra: extra)
            let note = words(random.below(60), &random, extra: extra)
            children.append(Topic(id: "t\(number)", title: title, kind: .heading, source: here, note: note, resourceIDs: listed))
            items.append(("t\(number)", [.title: title, .note: note]))
            items += listedItems
        }
        let root = Topic(id: "tRoot", title: "Root", kind: .root, source: here, children: children)
        return Generated(tree: ContentTree(roots: [root], resources: resources, warnings: []), items: items)
    }

    /// Each item's fields as search folds them here (ASCII words): lower case, line breaks as spaces.
    static func folded(_ items: [(id: String, fields: [SearchField: String])]) -> [(id: String, fields: [String])] {
        items.map { item in
            (item.id, [SearchField.title, .description, .url, .note].map {
                String((item.fields[$0] ?? "").lowercased().map { $0 == "\n" ? " " : $0 })
            })
        }
    }

    /// The hits a plain reading finds: each item whose folded fields hold every term; the field
    /// named is the best one holding any of them.
    static func expected(_ terms: [String], in items: [(id: String, fields: [String])]) -> [(id: String, field: SearchField)] {
        let order: [SearchField] = [.title, .description, .url, .note]
        let terms = terms.map { $0.lowercased() }
        return items.compactMap { item in
            let holding = terms.map { term in order.indices.filter { item.fields[$0].contains(term) } }
            guard holding.allSatisfy({ !$0.isEmpty }), let best = holding.joined().min() else { return nil }
            return (item.id, order[best])
        }
    }

    @Test func hitsAreTheItemsHoldingEveryTerm() {
        let generated = Self.generate(topics: 100, seed: 7)
        let index = SearchIndex(tree: generated.tree)
        let items = Self.folded(generated.items)
        var random = SplitMix(seed: 11)
        for _ in 0..<200 {
            var terms = (0..<(1 + random.below(2))).map { _ in Self.word(&random) }
            // A phrase now and then: two words as written, across a space or a line break.
            if random.below(4) == 0 { terms.append(Self.word(&random) + " " + Self.word(&random)) }
            let text = terms.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
            let found = index.hits(for: SearchQuery(text), progress: LearnerProgress())
            let wanted = Self.expected(terms, in: items)
            #expect(found.map(\.id) == wanted.map(\.id), "/\(text)")
            #expect(found.map(\.field) == wanted.map(\.field), "/\(text)")
        }
    }

    /// The search line, typed at random (letters, spaces, quotes, erasing, a filter now and then):
    /// on every key the hits among the last key's are the hits from scratch.
    @Test func hitsAmongTheLastKeysAreTheHitsFromScratchForRandomTyping() {
        let generated = Self.generate(topics: 100, seed: 3, extra: ["é", "東京", "e\u{301}"])
        let index = SearchIndex(tree: generated.tree)
        let stamp = Timestamp(milliseconds: 0)
        let progress = LearnerProgress(statuses: ["r1x0": .done, "r2x1": .learning, "r5x0": .done], annotations: [
            "r3x0": Annotation(itemID: "r3x0", text: "kalo mine", createdAt: stamp, updatedAt: stamp),
            "t4": Annotation(itemID: "t4", text: "sate ruka", createdAt: stamp, updatedAt: stamp),
        ])
        var random = SplitMix(seed: 5)
        let keys = ["k", "a", "l", "o", "m", "i", "n", "e", "r", "u", "s", "t", "b", "é", " ", "\""]
        for _ in 0..<12 {
            var text = ""
            var previous: (query: SearchQuery, hits: [SearchHit])?
            var previousText = ""
            var previousMatches: (query: SearchQuery, hits: SearchHits)?
            for _ in 0..<30 {
                switch random.below(12) {
                case 0 where !text.isEmpty: text.removeLast()
                case 1: text += random.pick([" is:done", " in:title", " has:annotation", " is:learning"])
                default: text += random.pick(keys)
                }
                let query = SearchQuery(text)
                let fresh = index.hits(for: query, progress: progress)
                let narrowed = index.hits(for: query, progress: progress, previous: previous)
                // Compared whole (field and snippet too); told apart by IDs, as a whole hit prints the index.
                let same = narrowed == fresh
                #expect(same, "/\(text) after /\(previousText): \(narrowed.map(\.id)) vs \(fresh.map(\.id)) from scratch")
                // The compact list the dashboard keeps, narrowed the same way, reads as the same hits.
                let compact = index.matches(for: query, progress: progress, previous: previousMatches)
                let sameCompact = Array(compact) == fresh
                #expect(sameCompact, "/\(text) after /\(previousText), compact")
                #expect(compact.indices.map(compact.id(at:)) == fresh.map(\.id))
                previousText = text
                previous = (query, narrowed)
                previousMatches = (query, compact)
            }
        }
    }

    /// A hit list narrows only a query of the index that made it: after the notes change, the
    /// same item numbers are other items.
    @Test func anotherIndexsHitsDoNotNarrow() {
        let one = SearchIndex(tree: Self.generate(topics: 40, seed: 1).tree)
        let other = SearchIndex(tree: Self.generate(topics: 40, seed: 2).tree)
        for text in ["ka", "lo", "mi", "ne"] {
            let longer = SearchQuery(text + "e")
            let theirs = other.matches(for: SearchQuery(text), progress: LearnerProgress())
            let found = one.matches(for: longer, progress: LearnerProgress(), previous: (SearchQuery(text), theirs))
            let same = Array(found) == one.hits(for: longer, progress: LearnerProgress())
            #expect(same, "/\(text)e")
        }
    }
}
