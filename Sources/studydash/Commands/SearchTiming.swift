import Foundation
import StudyApp
import StudyCore
import StudyTUI

/// What `studydash search --timing` reports on standard error, for bench/load.sh: how long the
/// search index takes to build from a loaded tree, and how long one `matches(for:)` takes for each
/// prefix of the query, from scratch and among the hits of the prefix before (as the dashboard's
/// search line asks it on every keystroke), then reading the snippets of a screenful of hits;
/// then the same typing in the dashboard itself (reducer and frame). The median of several runs
/// each, release build; a measurement, not a test.
enum SearchTiming {
    /// `STUDYDASH_TIMING_RUNS` lowers it under callgrind, where instruction counts need one run.
    static let runs = ProcessInfo.processInfo.environment["STUDYDASH_TIMING_RUNS"].flatMap(Int.init).map { max(1, $0) } ?? 7
    static let screenful = 40

    static func report(typing text: String, session: StudySession, progress: LearnerProgress) {
        report(typing: text, tree: session.tree, progress: progress)
        reportDashboard(typing: text, session: session, progress: progress)
    }

    /// The same query typed into the dashboard's search line (`/`, then one key per character)
    /// at 100x30, without a terminal: per key, what the reducer takes (matching, placing the hits,
    /// filtering the tree) and what drawing the frame takes. The median over several typings.
    static func reportDashboard(typing text: String, session: StudySession, progress: LearnerProgress) {
        let clock = ContinuousClock()
        let model = DashboardModel.of(session)
        let characters = Array(text)
        var reducer = Array(repeating: [Duration](), count: characters.count)
        var frame = reducer
        for _ in 0..<runs {
            var state = AppState(model: model, progress: progress, width: 100, height: 30)
            Reducer.settleScroll(&state)
            _ = Dashboard.render(state)
            _ = Reducer.handle(.character("/"), state: &state)
            _ = Dashboard.render(state)
            for (number, character) in characters.enumerated() {
                reducer[number].append(clock.measure { _ = Reducer.handle(.character(character), state: &state) })
                frame[number].append(clock.measure { _ = Dashboard.render(state) })
            }
        }
        var lines: [String] = []
        var prefix = ""
        for (number, character) in characters.enumerated() {
            prefix.append(character)
            let key = reducer[number].sorted()[runs / 2], draw = frame[number].sorted()[runs / 2]
            lines.append("dashboard key \(Output.safe(prefix).debugDescription): \(format(key + draw)) "
                + "(reducer \(format(key)), frame \(format(draw)))")
        }
        Output.note(lines.joined(separator: "\n"))
    }

    static func report(typing text: String, tree: ContentTree, progress: LearnerProgress) {
        let clock = ContinuousClock()
        var index: SearchIndex?
        let build = median { index = SearchIndex(tree: tree) }
        guard let index else { return }
        var lines = ["search index: \(format(build)) for \(tree.topicCount) topics, \(tree.resources.count) resources"]
        var prefix = ""
        var previous: (query: SearchQuery, hits: SearchHits)?
        for character in text {
            prefix.append(character)
            let query = SearchQuery(prefix)
            var hits = SearchHits()
            let time = median { hits = index.matches(for: query, progress: progress) }
            // As the search line asks on a key that types the query on: among the last key's hits.
            let narrowed = median { hits = index.matches(for: query, progress: progress, previous: previous) }
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
