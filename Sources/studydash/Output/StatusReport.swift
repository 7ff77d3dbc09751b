import StudyApp
import StudyCore
import StudyStore
import StudyText

/// What `status` prints: progress bars per area (or per sub-topic of a chosen topic), the
/// overall bar, counts per status, the time left where the notes give effort estimates, and
/// the orphans list.
struct StatusReport {
    let session: StudySession
    let progress: LearnerProgress
    let rollup: ProgressRollup

    static let barWidth = 20
    static let nameWidth = 36

    // MARK: Text

    func text(focus: (Topic, [Topic])?, orphanCount: Int) -> String {
        var out = ""
        let overall = focus.map { rollup.tally(of: $0.0.id) } ?? rollup.overall
        let tableTopics = focus.map { $0.0.children } ?? session.tree.roots.flatMap { $0.children.isEmpty ? [$0] : $0.children }
        let countWidth = ProgressBar.countWidth((tableTopics.map { rollup.tally(of: $0.id) } + [overall]).map(\.total))
        if let (topic, path) = focus {
            out += Output.safe((path + [topic]).map(\.title).joined(separator: " › ")) + "\n"
            out += rows(topic.children, countWidth: countWidth)
            if !topic.resourceIDs.isEmpty {
                if !topic.children.isEmpty { out += "\n" }
                for id in topic.resourceIDs {
                    guard let resource = session.tree.resources[id] else { continue }
                    out += "  \(progress.status(of: resource).mark) \(Output.safe(resource.title))  \(resource.id)\n"
                }
            }
        } else {
            for root in session.tree.roots {
                out += Output.safe(root.title) + "\n"
                out += rows(root.children.isEmpty ? [root] : root.children, countWidth: countWidth)
            }
        }
        out += "\n" + row("Overall", overall, countWidth: countWidth)
        out += "  " + counts(overall) + "\n"
        if orphanCount > 0 {
            out += "  \(Plural.count(orphanCount, "stored entry", plural: "stored entries")) \(orphanCount == 1 ? "has" : "have") left the notes: "
                + "`studydash status --orphans`\n"
        }
        return out
    }

    /// Topics with nothing to track (an introduction, say) would only add an empty bar.
    private func rows(_ topics: [Topic], countWidth: Int) -> String {
        topics.filter { rollup.tally(of: $0.id).total > 0 }
            .map { row(Output.safe($0.title), rollup.tally(of: $0.id), countWidth: countWidth) }.joined()
    }

    /// `name  ████░░░░  12/30   40%`, with the counts right-aligned so that columns line up.
    private func row(_ name: String, _ tally: Tally, countWidth: Int) -> String {
        let label = DisplayWidth.clip(name, to: Self.nameWidth)
        return "  " + label.padded(toColumns: Self.nameWidth) + "  "
            + ProgressBar.line(done: tally.done, of: tally.counted, width: Self.barWidth, countWidth: countWidth)
            + (EffortFormat.left(tally).map { "  " + $0 } ?? "") + "\n"
    }

    private func counts(_ tally: Tally) -> String {
        Plural.count(tally.total, "resource") + ": "
            + Status.allCases.map { "\(tally[$0]) \($0.rawValue)" }.joined(separator: " · ")
    }

    func orphansText(_ orphans: [Orphan]) -> String {
        guard !orphans.isEmpty else { return "No orphans: every stored status and annotation belongs to an item in the notes.\n" }
        var out = Plural.count(orphans.count, "stored entry", plural: "stored entries") + " whose item is no longer in the notes "
            + "(kept; move one with `studydash relink OLD NEW`):\n"
        for orphan in orphans {
            let title = orphan.known.map { $0.title.isEmpty ? "(title unknown)" : $0.title } ?? "(title unknown)"
            out += "\n  \(orphan.id)  \(orphan.status?.mark ?? "   ") \(Output.safe(title))\n"
            if let url = orphan.known?.url { out += "      " + Output.safe(url) + "\n" }
            if let path = orphan.known?.topicPath, !path.isEmpty {
                out += "      was under " + Output.safe(path.joined(separator: " › ")) + "\n"
            }
            if let line = orphan.annotation?.firstLine, !line.isEmpty {
                out += "      annotation: " + Output.safe(line) + "\n"
            }
        }
        return out
    }

    // MARK: JSON

    func json(focus: (Topic, [Topic])?, orphanCount: Int) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.status/1")
        let topics: [Topic]
        if let (topic, _) = focus {
            writer.beginObject("topic")
            write(topic, into: &writer)
            writer.endObject()
            topics = topic.children
        } else {
            topics = session.tree.roots.flatMap { $0.children.isEmpty ? [$0] : $0.children }
        }
        writer.beginArray("areas")
        for topic in topics {
            writer.beginObject()
            write(topic, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.beginObject("overall")
        write(focus.map { rollup.tally(of: $0.0.id) } ?? rollup.overall, into: &writer)
        writer.endObject()
        writer.value("orphans", orphanCount)
        writer.endObject()
        return writer.bytes
    }

    private func write(_ topic: Topic, into writer: inout JSONWriter) {
        writer.value("id", topic.id)
        writer.value("title", topic.title)
        write(rollup.tally(of: topic.id), into: &writer)
    }

    private func write(_ tally: Tally, into writer: inout JSONWriter) {
        for status in Status.allCases { writer.value(status.rawValue, tally[status]) }
        writer.value("total", tally.total)
        writer.value("counted", tally.counted)
        writer.value("percent", ProgressBar.percent(done: tally.done, of: tally.counted))
        // null, not 0, when no counted resource carries an estimate: "unknown" is not "nothing left".
        let estimated = tally.hasEstimates
        writer.value("effortMinutes", estimated ? tally.effortMinutes : nil)
        writer.value("remainingMinutes", estimated ? tally.remainingMinutes : nil)
        // How much of the work the minutes cover: `counted` resources, `estimatedCount` of them with
        // an estimate.
        writer.value("estimatedCount", tally.estimated)
    }

    func orphansJSON(_ orphans: [Orphan]) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.orphans/2")
        writer.beginArray("orphans")
        for orphan in orphans {
            writer.beginObject()
            writer.value("id", orphan.id)
            writer.value("status", orphan.status?.rawValue)
            writer.value("annotation", orphan.annotation?.text)
            writer.value("kind", orphan.known?.kind.rawValue)
            writer.value("title", orphan.known?.title)
            writer.value("url", orphan.known?.url)
            writer.beginArray("topicPath")
            for title in orphan.known?.topicPath ?? [] { writer.value(nil, title) }
            writer.endArray()
            writer.value("lastSeen", orphan.known.map { $0.seenAt.description })
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
