import ArgumentParser
import StudyApp
import StudyCore
import StudyStore
import StudyText

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change (a mark, an annotation or a relink); again for the one before.",
        discussion: """
            A command's whole change is reverted at once: after `mark TOPIC done`, one undo puts every \
            resource back. The revert is recorded in the log as a change of its own. Imports are merges \
            and are not undone.
            """)

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let known = try storeCall { try session.store.knownItems() }
            guard let result = try storeCall({ try session.undo() }) else {
                if json {
                    Output.write(#"{"schema":"studydash.undo/1","undone":null}"# + "\n")
                } else {
                    Output.write("Nothing to undo.\n")
                }
                return
            }
            func title(_ id: String) -> String {
                if let item = session.lookup.item(id: id) { return item.title }
                if let item = known[id], !item.title.isEmpty { return item.title }
                return id
            }
            if json {
                var writer = JSONWriter(pretty: Output.isTerminal)
                writer.beginObject()
                writer.value("schema", "studydash.undo/1")
                writer.value("undone", result.change)
                writer.beginArray("events")
                for event in result.events {
                    writer.beginObject()
                    writer.value("id", event.itemID)
                    writer.value("title", title(event.itemID))
                    writer.value("kind", event.kind.rawValue)
                    writer.value("restored", event.old)
                    writer.value("reverted", event.new)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
                Output.write(writer.bytes)
                return
            }
            var out = "Undid \(Plural.count(result.events.count, "change")):\n"
            for event in result.events.prefix(20) {
                let name = Output.safe(title(event.itemID))
                switch event.kind {
                case .status:
                    out += "  \(name): \(event.new ?? "unset") → \(event.old ?? "unset (as in the notes)")\n"
                case .annotation:
                    out += "  \(name): annotation \(event.old == nil ? "removed" : "restored")\n"
                case .relink:
                    out += "  \(name): moved back to \(event.old ?? "?")\n"
                case .revisit:
                    out += "  \(name): revisit taken back\n"
                }
            }
            if result.events.count > 20 { out += "  … and \(result.events.count - 20) more\n" }
            Output.write(out)
        }
    }
}
