import ArgumentParser
import StudyApp
import StudyCore
import StudyText

/// `studydash revisit`: the finished topics due for a revisit, or recording one. The list's text
/// and JSON are also what `stats` prints, so the two cannot say different things.
struct RevisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisit",
        abstract: "List the finished topics due for a revisit, or record that you revisited TOPIC.",
        discussion: """
            A topic that lists resources of its own becomes due for a short revisit once every \
            resource it counts (at and below it, skipped ones aside) is done: 1 day after it was \
            finished (the last status set under it), then 7, 30 and 90 days after each revisit. \
            After the 90-day rung it is kept and never due again. A topic with something to do \
            again leaves the ladder; finished again, it starts over at 1 day. Days are local days. \
            A revisit is a change like any other: `studydash undo` takes it back.
            """)

    @Argument(help: ArgumentHelp("The topic you revisited: an ID, a unique ID prefix or a title.", valueName: "topic"))
    var topic: String?

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            if let topic {
                guard case .topic(let found, _) = try session.resolve(topic) else {
                    throw CLIError("'\(topic)' is a resource; revisits are of topics")
                }
                let outcome = try storeCall { try session.revisit(topicID: found.id) }
                if json {
                    var writer = JSONWriter(pretty: Output.isTerminal)
                    writer.beginObject()
                    writer.value("schema", "studydash.revisit/1")
                    writer.value("id", outcome.topicID)
                    writer.value("title", outcome.title)
                    writer.value("revisitsMade", outcome.after.revisitsMade)
                    writer.value("nextDue", outcome.after.dueDay.map { CivilDate(day: $0).description })
                    writer.endObject()
                    Output.write(writer.bytes)
                } else {
                    Output.write(Output.safe(outcome.summary) + " · `studydash undo` takes it back\n")
                }
                return
            }
            let progress = try storeCall { try session.progress() }
            let due = try storeCall { try session.dueRevisits(progress: progress) }
            let today = LocalTime.today(session.store.clock)
            if json {
                var writer = JSONWriter(pretty: Output.isTerminal)
                writer.beginObject()
                writer.value("schema", "studydash.revisit/1")
                writer.value("today", CivilDate(day: today).description)
                Self.dueList(due, into: &writer)
                writer.endObject()
                Output.write(writer.bytes)
            } else {
                Output.write(due.isEmpty ? "Nothing is due for a revisit.\n" : Self.text(due, today: today))
            }
        }
    }

    /// One topic a line: how long it has been due, its rung, title and ID, then its place.
    static func text(_ due: [RevisitLadder.Entry], today: Int) -> String {
        var out = ""
        for entry in due {
            out += "  \(dueSince(entry, today: today).padded(toColumns: 16))  \(rungName(entry).padded(toColumns: 13))  "
                + "\(Output.safe(entry.topic.title))  \(entry.topic.id)\n"
            let place = entry.path.dropFirst().joined(separator: " › ")
            if !place.isEmpty { out += "      in " + Output.safe(place) + "\n" }
        }
        return out
    }

    /// `due today`, `due 3 days ago`.
    static func dueSince(_ entry: RevisitLadder.Entry, today: Int) -> String {
        let late = today - (entry.dueDay ?? today)
        return late == 0 ? "due today" : "due \(Plural.count(late, "day")) ago"
    }

    /// `rung 2 of 4` (the 7-day revisit).
    static func rungName(_ entry: RevisitLadder.Entry) -> String {
        "rung \(entry.rung ?? RevisitLadder.rungs.count) of \(RevisitLadder.rungs.count)"
    }

    /// The `dueForRevisit` list, as `revisit --json` and `stats --json` give it.
    static func dueList(_ due: [RevisitLadder.Entry], into writer: inout JSONWriter) {
        writer.beginArray("dueForRevisit")
        for entry in due {
            writer.beginObject()
            writer.value("id", entry.topic.id)
            writer.value("title", entry.topic.title)
            writer.beginArray("topicPath")
            for title in entry.path { writer.value(nil, title) }
            writer.endArray()
            writer.value("rung", entry.rung)
            writer.value("days", entry.rung.map { RevisitLadder.rungs[$0 - 1] })
            writer.value("dueSince", entry.dueDay.map { CivilDate(day: $0).description })
            writer.value("finishedAt", entry.finished.at.description)
            writer.endObject()
        }
        writer.endArray()
    }
}
