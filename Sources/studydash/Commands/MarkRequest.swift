import StudyApp
import StudyCore
import StudyText

/// What `mark` was asked to do, as plain values, and doing it: filled in from the parsed
/// `MarkCommand`, or by `ProgressArguments` on the everyday line without creating the parser's
/// property wrappers (0.5 M of the 11.8 M instructions `mark` ran on its main thread).
struct MarkRequest {
    /// The items, then the status.
    var arguments: [String]
    var content = ContentChoice()
    var store = StoreChoice()
    var json = false

    func run() throws {
        try reportingErrors {
            guard let status = arguments.last.flatMap(Status.init(parsing:)) else { return }
            let session = try StudySession.opening(content: content, store: store).session
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
