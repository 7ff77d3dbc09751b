import ArgumentParser
import StudyApp
import StudyCore
import StudyText

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        // Lets `StudyDash.commandAlone` parse these arguments without the whole command tree.
        _superCommandName: "studydash",
        abstract: "Set the status of resources: todo, learning, done or skipped.",
        discussion: """
            Each ITEM is a resource or a topic: an ID, a unique ID prefix, a URL, or a title (exact, \
            else a unique part of one; on an exact tie between a topic and a resource, the topic). A topic \
            stands for every resource under it. If any ITEM is unknown or ambiguous, the candidates \
            are listed with their places and links, nothing changes and the exit status is 1. \
            All the changes of one command are one transaction and one step for `studydash undo`.

            Examples:
              studydash mark r7vchwhqxwt done
              studydash mark https://semver.org learning
              studydash mark "Containers and Orchestration" skipped
            """)

    @Argument(help: ArgumentHelp("One or more items, then the status (todo, learning, done, skipped).",
                                 valueName: "item… status"), completion: ItemCompletion.itemsOrStatus)
    var arguments: [String] = []

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard arguments.count >= 2 else {
            throw ValidationError("give at least one item and a status, e.g. `studydash mark ITEM done`")
        }
        guard Status(parsing: arguments[arguments.count - 1]) != nil else {
            throw ValidationError("'\(arguments[arguments.count - 1])' is not a status; the last argument must be "
                + "todo, learning, done or skipped")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let status = arguments.last.flatMap(Status.init(parsing:)) else { return }
            let session = try StudySession(content: content, store: store)
            KeptUntilExit.keep((session.tree, session.lookup))
            // Every item is resolved before anything is written: one bad name changes nothing.
            let items = try arguments.dropLast().map(session.resolve)
            let outcome = try storeCall { try session.mark(status, items: items) }
            let resources = outcome.requested.compactMap { session.tree.resources[$0] }
            if json {
                Output.write(report(status: status, resources: resources, changed: Set(outcome.changed)))
            } else {
                Output.write(summary(status: status, items: items, resources: resources, changed: outcome.changed.count))
            }
        }
    }

    private func summary(status: Status, items: [ItemLookup.Item], resources: [Resource], changed: Int) -> String {
        let already = resources.count - changed
        if items.count == 1, case .resource(let resource) = items[0] {
            let title = Output.safe(resource.title)
            return changed == 1 ? "\(status.mark) \(title) is now \(status.rawValue)\n"
                : "\(status.mark) \(title) was already \(status.rawValue)\n"
        }
        let names = items.map { Output.safe($0.title) }.joined(separator: ", ")
        var line = "Marked \(changed) of \(Plural.count(resources.count, "resource")) \(status.rawValue)"
        line += " (\(names))"
        if already > 0 { line += "; \(already) already \(already == 1 ? "was" : "were")" }
        return line + "\n"
    }

    private func report(status: Status, resources: [Resource], changed: Set<String>) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.mark/1")
        writer.value("status", status.rawValue)
        writer.value("changed", changed.count)
        writer.value("unchanged", resources.count - changed.count)
        writer.beginArray("resources")
        for resource in resources {
            writer.beginObject()
            writer.value("id", resource.id)
            writer.value("title", resource.title)
            writer.value("changed", changed.contains(resource.id))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
