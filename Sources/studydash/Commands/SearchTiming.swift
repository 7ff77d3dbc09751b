import StudyCore

/// What `studydash search --timing` reports on standard error, for bench/load.sh: how long the
/// search index takes to build from a loaded tree, and how long one `hits(for:)` takes for each
/// prefix of the query, from scratch and among the hits of the prefix before (as the dashboard's
/// search line asks it on every keystroke), then reading the snippets of a screenful of hits. The median of several runs each, release build; a
/// measurement, not a test.
enum SearchTiming {
    static let runs = 7
    static let screenful = 40

    static func report(typing text: String, tree: ContentTree, progress: LearnerProgress) {
        let clock = ContinuousClock()
        var index: SearchIndex?
        let build = median { index = SearchIndex(tree: tree) }
        guard let index else { return }
        var lines = ["search index: \(format(build)) for \(tree.topicCount) topics, \(tree.resources.count) resources"]
        var prefix = ""
        var previous: (query: SearchQuery, hits: [SearchHit])?
        for character in text {
            prefix.append(character)
            let query = SearchQuery(prefix)
            var hits: [SearchHit] = []
            let time = median { hits = index.hits(for: query, progress: progress) }
            // As the search line asks on a key that types the query on: among the last key's hits.
            let narrowed = median { hits = index.hits(for: query, progress: progress, previous: previous) }
            let snippets = median { for hit in hits.prefix(screenful) { _ = hit.snippet } }
            lines.append("keystroke \(Output.safe(prefix).debugDescription): \(format(time)), \(hits.count) hits; "
                + "\(format(narrowed)) among the last key's; \(min(screenful, hits.count)) snippets \(format(snippets))")
            previous = (query, hits)
        }
        Output.note(lines.joined(separator: "\n"))

        func median(_ body: () -> Void) -> Duration {
            let times = (0..<runs).map { _ in clock.measure(body) }.sorted()
            return times[times.count / 2]
        }
    }

    private static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds < 10 ? "\(Double(Int(milliseconds * 100)) / 100) ms" : "\(Int(milliseconds.rounded())) ms"
    }
}
