import ArgumentParser
import StudyApp
import StudyCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find topics and resources by their titles, descriptions, URLs, notes and your annotations.",
        discussion: """
            Every word must occur in the item (in any field, in any order); case and accents do not \
            matter (cafe finds Café) and a word matches inside longer ones (kube finds Kubernetes). \
            Put a phrase in double quotes, inside the shell's quotes: '"the hard way"'. Filters:
              is:todo|learning|done|skipped  resources with that status (several: any)
              has:annotation                 items you have annotated
              in:title                       look in titles only
            Example: studydash search is:learning kubernetes
            A word that starts with '-' goes after '--', or it is read as an option: \
            studydash search -- -x

            Title matches come first, then description matches, then URL, note and annotation \
            matches, each in curriculum order. Each line is a hit: its kind and ID, its title, the \
            topic it sits in and, unless the title matched, the field and the text around the match. \
            The exit status is 1 when nothing matches. --json prints one object:
              { "schema": "studydash.search/1", "query", "count" (all hits, not only
                those listed), "hits": [HIT] }
              HIT = { "kind" (topic|resource), "id", "title", "topicPath": [title],
                      "field" (title|description|url|note|annotation), "snippet" }
            """)

    @Argument(help: ArgumentHelp("What to look for: words, \"phrases\" and filters.", valueName: "query"))
    var words: [String]

    // Unconditional: `--limit -1` is a limit to refuse with the reason, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("List at most N hits.", valueName: "n"))
    var limit = 50

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    /// For bench/load.sh only: times the index and each keystroke of the query (SearchTiming).
    @Flag(help: .hidden)
    var timing = false

    /// The query as typed: the shell's words put back together.
    var text: String { words.joined(separator: " ") }
    var query: SearchQuery { SearchQuery(text) }

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let problem = query.problem { throw ValidationError(problem) }
        if query.isEmpty { throw ValidationError("give a word, a \"phrase\" or a filter to search for") }
    }

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let progress = try storeCall { try session.progress() }
            let index = SearchIndex(tree: session.tree)
            if timing {
                SearchTiming.report(typing: text, session: session, progress: progress)
            }
            let hits = index.ranked(for: query, progress: progress)
            let shown = hits.prefix(limit)
            if json {
                Output.write(jsonReport(shown, count: hits.count, query: text, session: session))
            } else {
                Output.write(shown.map { line($0, session: session) }.joined())
                if hits.count > shown.count {
                    Output.note("… and \(hits.count - shown.count) more; --limit \(hits.count) lists them all")
                }
            }
            if hits.isEmpty { throw CLIError("nothing matches '\(text)'") }
        }
    }

    private func title(of hit: SearchHit, session: StudySession) -> String {
        switch hit.kind {
        case .topic: session.index.topic(id: hit.id)?.topic.title ?? ""
        case .resource: session.tree.resources[hit.id]?.title ?? ""
        }
    }

    /// Titles from the root down to the topic a hit sits in: a resource's home topic, a topic's parent.
    private func topicPath(of hit: SearchHit, session: StudySession) -> [String] {
        switch hit.kind {
        case .topic: session.index.topic(id: hit.id)?.path.map(\.title) ?? []
        case .resource: session.index.trail(of: hit.id) ?? []
        }
    }

    private func line(_ hit: SearchHit, session: StudySession) -> String {
        var line = "\(hit.kind.rawValue.padded(toColumns: 8))  \(hit.id)  \(Output.safe(title(of: hit, session: session)))"
        let place = topicPath(of: hit, session: session).dropFirst().joined(separator: " › ")
        if !place.isEmpty { line += "  · " + Output.safe(place) }
        if hit.field != .title { line += "  · \(hit.field.rawValue): " + Output.safe(hit.snippet) }
        return line + "\n"
    }

    private func jsonReport(_ hits: ArraySlice<SearchHit>, count: Int, query: String, session: StudySession) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.search/1")
        writer.value("query", query)
        writer.value("count", count)
        writer.beginArray("hits")
        for hit in hits {
            writer.beginObject()
            writer.value("kind", hit.kind.rawValue)
            writer.value("id", hit.id)
            writer.value("title", title(of: hit, session: session))
            writer.beginArray("topicPath")
            for title in topicPath(of: hit, session: session) { writer.value(nil, title) }
            writer.endArray()
            writer.value("field", hit.field.rawValue)
            writer.value("snippet", hit.snippet)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
